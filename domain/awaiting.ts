/**
 * What waits on a person, derived from the documents' state (never stored, so it clears by itself once
 * the move is made): chairs of the body (or of its parent committee, as chairs() says) move a document on
 * from consultation (open a call), from a call past its closing date (record the finding) and from
 * agreement (submit); the body's chairs and members state their institution's position while a call is
 * open and it has none yet; the secretariat reviews submitted documents (publish or return). The home page
 * and the inbox both show this list.
 */
import type { DocumentState } from './lifecycle.ts'

export const AWAITING_REASONS = ['open_call', 'record_finding', 'submit', 'state_position', 'review'] as const
export type AwaitingReason = (typeof AWAITING_REASONS)[number]

/** The states in which a document can wait on anyone: what a query needs to load to apply the rule. */
export const AWAITING_STATES: readonly DocumentState[] = ['consultation', 'consensus_call', 'agreed', 'submitted']

export interface AwaitingFacts {
  state: DocumentState
  /** The document's open consensus call, if any. */
  openCall: { closesAt: number } | null
  /** Whether the person's institution (or the person, without one) has stated a position in it. */
  positionStated: boolean
}

export interface AwaitingStanding {
  /** chairs() of domain/permissions.ts for the document's body. */
  chairs: boolean
  /** A chair or member of the body itself: takes part in its consensus calls. */
  participates: boolean
  secretariat: boolean
}

/** Why the document waits on this person now, or null when it does not. */
export function awaitingReason(f: AwaitingFacts, s: AwaitingStanding, now: number): AwaitingReason | null {
  if (s.chairs) {
    if (f.state === 'consultation') return 'open_call'
    if (f.state === 'agreed') return 'submit'
    if (f.state === 'consensus_call' && f.openCall && f.openCall.closesAt <= now) return 'record_finding'
  }
  if (s.participates && f.state === 'consensus_call' && f.openCall && now < f.openCall.closesAt && !f.positionStated) return 'state_position'
  if (s.secretariat && f.state === 'submitted') return 'review'
  return null
}
