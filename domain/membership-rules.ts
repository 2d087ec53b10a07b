/**
 * A chair cannot leave, be removed or be demoted while no other chair with an enabled account remains (a
 * disabled account's chair role counts for nothing). Disabling an account is the secretariat's and is not
 * held back by this: the secretariat manages every body's members and can appoint a chair there.
 */
import { conflict } from './errors.ts'
import type { Role } from './roles.ts'

export function assertKeepsAChair(currentRole: Role, nextRole: Role | null, otherActiveChairs: number): void {
  if (currentRole === 'chair' && nextRole !== 'chair' && otherActiveChairs === 0) {
    throw conflict('last_chair', 'A body must keep at least one chair: appoint another chair first.')
  }
}
