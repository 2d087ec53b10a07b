/**
 * Which moves the viewer may offer from the document's state: the lifecycle table (domain/lifecycle.ts)
 * filtered by the viewer's standing, chair of the body (or of its parent committee) or secretariat. The
 * server decides again; this only keeps buttons that would fail out of sight.
 */
import { TRANSITIONS, type DocumentState, type Transition } from '../../../domain/lifecycle.ts'

export interface Standing {
  isSecretariat: boolean
  /** Body ids where the viewer is a chair. */
  chairOf: readonly string[]
}

export function availableMoves(state: DocumentState, body: { id: string; parentId: string | null }, standing: Standing): Transition[] {
  const chair = standing.chairOf.includes(body.id) || (body.parentId !== null && standing.chairOf.includes(body.parentId))
  return TRANSITIONS.filter((t) => t.from === state && t.via !== 'close_call' && ((t.by === 'chair' && chair) || (t.by === 'secretariat' && standing.isSecretariat)))
}
