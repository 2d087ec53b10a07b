/** A body always keeps at least one chair: the last chair cannot leave, be removed or be demoted. */
import { conflict } from './errors.ts'
import type { Role } from './roles.ts'

export function assertKeepsAChair(currentRole: Role, nextRole: Role | null, chairCount: number): void {
  if (currentRole === 'chair' && nextRole !== 'chair' && chairCount <= 1) {
    throw conflict('last_chair', 'A body must keep at least one chair: appoint another chair first.')
  }
}
