/** Which documents wait on whom: the next lifecycle move is theirs, or their institution's position is missing. */
import { describe, expect, test } from 'vitest'
import { awaitingReason, type AwaitingFacts, type AwaitingStanding } from '../../domain/awaiting.ts'

const NOW = 1_000_000
const facts = (o: Partial<AwaitingFacts>): AwaitingFacts => ({ state: 'draft', openCall: null, positionStated: false, ...o })
const chair: AwaitingStanding = { chairs: true, participates: true, secretariat: false }
const parentChair: AwaitingStanding = { chairs: true, participates: false, secretariat: false }
const member: AwaitingStanding = { chairs: false, participates: true, secretariat: false }
const observer: AwaitingStanding = { chairs: false, participates: false, secretariat: false }
const secretariat: AwaitingStanding = { chairs: false, participates: false, secretariat: true }
const running = { closesAt: NOW + 1 }
const pastItsDate = { closesAt: NOW }

describe('awaitingReason', () => {
  test('chairs (of the body or its committee) move consultation, a call past its date and agreement on', () => {
    for (const s of [chair, parentChair]) {
      expect(awaitingReason(facts({ state: 'consultation' }), s, NOW)).toBe('open_call')
      expect(awaitingReason(facts({ state: 'consensus_call', openCall: pastItsDate }), s, NOW)).toBe('record_finding')
      expect(awaitingReason(facts({ state: 'agreed' }), s, NOW)).toBe('submit')
      expect(awaitingReason(facts({ state: 'draft' }), s, NOW)).toBeNull()
      expect(awaitingReason(facts({ state: 'submitted' }), s, NOW)).toBeNull()
    }
  })

  test('participants state a position while the call runs and until their institution has one', () => {
    expect(awaitingReason(facts({ state: 'consensus_call', openCall: running }), member, NOW)).toBe('state_position')
    expect(awaitingReason(facts({ state: 'consensus_call', openCall: running }), chair, NOW)).toBe('state_position')
    expect(awaitingReason(facts({ state: 'consensus_call', openCall: running, positionStated: true }), member, NOW)).toBeNull()
    expect(awaitingReason(facts({ state: 'consensus_call', openCall: pastItsDate }), member, NOW)).toBeNull()
    expect(awaitingReason(facts({ state: 'consensus_call', openCall: running }), parentChair, NOW)).toBeNull()
    expect(awaitingReason(facts({ state: 'consensus_call', openCall: running }), observer, NOW)).toBeNull()
  })

  test('the secretariat reviews submitted documents, nothing else', () => {
    expect(awaitingReason(facts({ state: 'submitted' }), secretariat, NOW)).toBe('review')
    for (const state of ['draft', 'consultation', 'agreed', 'published'] as const) expect(awaitingReason(facts({ state }), secretariat, NOW)).toBeNull()
  })
})
