/** The consensus rules: reasons, one current position per institution, findings that agree with positions. */
import { describe, expect, it } from 'vitest'
import { assertCallOpen, assertFindingValid, assertValidPosition, participantKey, stateAfterFinding, tally, type CastPosition } from '../../domain/consensus.ts'

const P = ['institution:a', 'institution:b', 'person:c']
let seq = 0
const cast = (key: string, stance: CastPosition['stance']): CastPosition => ({ id: ++seq, key, stance })

describe('positions', () => {
  it('need a reason for concern and formal objection only', () => {
    expect(() => assertValidPosition('concern', ' ')).toThrow(expect.objectContaining({ code: 'reason_required' }))
    expect(() => assertValidPosition('formal_objection', '')).toThrow(expect.objectContaining({ code: 'reason_required' }))
    for (const s of ['support', 'no_objection', 'abstain', 'recuse'] as const) expect(() => assertValidPosition(s, '')).not.toThrow()
  })

  it('belong to the institution, or to the person when they have none', () => {
    expect(participantKey({ userId: 'u1', institutionId: 'i1' })).toBe('institution:i1')
    expect(participantKey({ userId: 'u1', institutionId: null })).toBe('person:u1')
  })

  it('count once per participant, the latest cast replacing earlier ones', () => {
    const t = tally(P, [cast('institution:a', 'concern'), cast('institution:a', 'support'), cast('person:c', 'abstain')])
    expect(t).toMatchObject({ support: 1, concern: 0, abstain: 1, responded: 2, participants: 3, notResponded: ['institution:b'] })
  })

  it('can only be cast while the call is open and before its closing date', () => {
    expect(() => assertCallOpen({ status: 'closed', closesAt: 10 }, 5)).toThrow(expect.objectContaining({ code: 'call_closed' }))
    expect(() => assertCallOpen({ status: 'open', closesAt: 10 }, 10)).toThrow(expect.objectContaining({ code: 'call_ended' }))
    expect(() => assertCallOpen({ status: 'open', closesAt: 10 }, 9)).not.toThrow()
  })
})

describe('findings', () => {
  it('unanimous needs everyone to support, not object or recuse', () => {
    const all = [cast('institution:a', 'support'), cast('institution:b', 'no_objection'), cast('person:c', 'recuse')]
    expect(() => assertFindingValid('unanimous', P, all, [])).not.toThrow()
    expect(() => assertFindingValid('unanimous', P, all.slice(0, 2), [])).toThrow(expect.objectContaining({ code: 'finding_inconsistent' }))
    expect(() => assertFindingValid('unanimous', P, [...all, cast('person:c', 'abstain')], [])).toThrow(expect.objectContaining({ code: 'finding_inconsistent' }))
  })

  it('consensus tolerates concerns and abstentions but not a standing formal objection', () => {
    const concerns = [cast('institution:a', 'concern'), cast('institution:b', 'abstain')]
    expect(() => assertFindingValid('consensus', P, concerns, [])).not.toThrow()
    expect(() => assertFindingValid('consensus', P, [...concerns, cast('person:c', 'formal_objection')], [])).toThrow(expect.objectContaining({ code: 'finding_inconsistent' }))
    // An objection later replaced by support no longer stands.
    expect(() => assertFindingValid('consensus', P, [cast('person:c', 'formal_objection'), cast('person:c', 'support')], [])).not.toThrow()
  })

  it('consensus with dissent needs a disposition for every formal objection, and a rationale to overrule', () => {
    const o1 = cast('institution:a', 'formal_objection')
    const o2 = cast('institution:b', 'formal_objection')
    const positions = [o1, o2, cast('person:c', 'support')]
    expect(() => assertFindingValid('consensus_with_dissent', P, positions, [{ positionId: o1.id, disposition: 'addressed', rationale: '' }])).toThrow(expect.objectContaining({ code: 'disposition_required' }))
    expect(() =>
      assertFindingValid('consensus_with_dissent', P, positions, [
        { positionId: o1.id, disposition: 'addressed', rationale: '' },
        { positionId: o2.id, disposition: 'overruled', rationale: ' ' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'rationale_required' }))
    expect(
      assertFindingValid('consensus_with_dissent', P, positions, [
        { positionId: o1.id, disposition: 'withdrawn', rationale: '' },
        { positionId: o2.id, disposition: 'overruled', rationale: 'Covered by §4' },
      ]),
    ).toHaveLength(2)
    // Two dispositions of one objection: refused here (the second used to reach the table's primary key, a 500).
    expect(() =>
      assertFindingValid('consensus_with_dissent', P, positions, [
        { positionId: o1.id, disposition: 'withdrawn', rationale: '' },
        { positionId: o2.id, disposition: 'overruled', rationale: 'Covered by §4' },
        { positionId: o1.id, disposition: 'overruled', rationale: 'On second thoughts' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'invalid_disposition' }))
    expect(() => assertFindingValid('consensus_with_dissent', P, [cast('person:c', 'support')], [])).toThrow(expect.objectContaining({ code: 'finding_inconsistent' }))
  })

  it('agreement needs at least one participant to have taken a stance: none, or only recusals, is not enough', () => {
    for (const finding of ['unanimous', 'consensus', 'consensus_with_dissent'] as const) {
      expect(() => assertFindingValid(finding, P, [], [])).toThrow(expect.objectContaining({ status: 409, code: 'no_positions' }))
      expect(() => assertFindingValid(finding, P, [cast('person:c', 'recuse')], [])).toThrow(expect.objectContaining({ code: 'no_positions' }))
    }
    expect(() => assertFindingValid('consensus', P, [cast('person:c', 'recuse'), cast('institution:a', 'no_objection')], [])).not.toThrow()
    // A position of someone who no longer takes part (left the body) does not count.
    expect(() => assertFindingValid('consensus', P, [cast('institution:gone', 'support')], [])).toThrow(expect.objectContaining({ code: 'no_positions' }))
  })

  it('no consensus is always possible and sends the document back to draft', () => {
    expect(() => assertFindingValid('no_consensus', P, [], [])).not.toThrow()
    expect(stateAfterFinding('no_consensus')).toBe('draft')
    expect(stateAfterFinding('consensus_with_dissent')).toBe('agreed')
  })
})
