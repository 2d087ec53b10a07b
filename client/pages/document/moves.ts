/**
 * Which moves the viewer may offer from the document's state: the lifecycle table (domain/lifecycle.ts)
 * filtered by the roles domain/transitions.ts gives the viewer for this document (chair of the body or of
 * its parent committee, secretariat), the same rule the server applies. The server decides again; this
 * only keeps buttons that would fail out of sight.
 */
import { TRANSITIONS, type DocumentState, type Transition } from '../../../domain/lifecycle.ts'
import { chairs, type Actor, type BodySubject } from '../../../domain/permissions.ts'
import { transitionRoles } from '../../../domain/transitions.ts'

export function availableMoves(state: DocumentState, body: BodySubject, actor: Actor): Transition[] {
  const roles = transitionRoles(actor, { body, state })
  return TRANSITIONS.filter((t) => t.from === state && t.via !== 'close_call' && roles.has(t.by))
}

/** Restoring a version: the body's chairs (chairs() of domain/permissions.ts, as the route checks), in draft. */
export function mayRestore(state: DocumentState, body: BodySubject, actor: Actor): boolean {
  return state === 'draft' && chairs(actor, body)
}
