/**
 * A body always keeps at least one chair who can act: a chair cannot leave, be removed or be demoted while
 * no other chair with an enabled account remains (a disabled account's chair role counts for nothing).
 */
import { conflict } from './errors.ts'
import type { Role } from './roles.ts'

export function assertKeepsAChair(currentRole: Role, nextRole: Role | null, otherActiveChairs: number): void {
  if (currentRole === 'chair' && nextRole !== 'chair' && otherActiveChairs === 0) {
    throw conflict('last_chair', 'A body must keep at least one chair: appoint another chair first.')
  }
}
