/**
 * Where a body may sit in the organisation. Only programmes have a parent, and that parent is a committee:
 * its chairs manage the committee's programmes (permissions.ts `chairs`), so a programme placed under an
 * organ or a working group would hand that body's chairs a power the rules do not give them. Programmes
 * may also stand alone (the seed's Think Tank Cooperation Programme).
 */
import { badRequest } from './errors.ts'
import type { BodyKind } from './roles.ts'

export function assertBodyPlacement(kind: BodyKind, parentKind: BodyKind | null): void {
  if (parentKind === null) return
  if (kind !== 'programme') throw badRequest('parent_not_allowed', `A body of kind ${kind} cannot have a parent: only programmes sit under a committee.`)
  if (parentKind !== 'committee') throw badRequest('parent_not_committee', `A programme sits under a committee, not under a body of kind ${parentKind}.`)
}
