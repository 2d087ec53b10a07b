/**
 * Which documents wait on a person: chairs move documents on from consultation, a running consensus call and
 * agreement; members state positions during a call; the secretariat reviews submitted documents.
 */
import type { DocumentState } from './lifecycle.ts'
import type { Role } from './roles.ts'

export function statesAwaiting(role: Role): readonly DocumentState[] {
  if (role === 'chair') return ['consultation', 'consensus_call', 'agreed']
  if (role === 'member') return ['consensus_call']
  return []
}

export const SECRETARIAT_AWAITS: readonly DocumentState[] = ['submitted']
