/**
 * Why the editor is read-only, as shown to the reader. The server's reason (domain/permissions.ts
 * readOnlyReason) is about the person: 'frozen' for someone who would edit in an editable state, 'role'
 * for everyone else. But a state that freezes the text explains itself to everybody: the secretariat
 * looking at a published document should read "published", not "your role cannot edit". So the state
 * wins whenever it is not an editable one; the role reason is left for drafts and consultations.
 */
import { isEditable, type DocumentState } from '../../../domain/lifecycle.ts'

export type ReadOnlyKind = 'published' | 'withdrawn' | 'frozen' | 'role'

export function readOnlyKind(state: DocumentState, serverReason: 'frozen' | 'role' | null): ReadOnlyKind {
  if (state === 'published' || state === 'withdrawn') return state
  if (!isEditable(state) || serverReason === 'frozen') return 'frozen'
  return 'role'
}
