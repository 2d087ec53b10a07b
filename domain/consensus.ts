/**
 * Consensus calls. Each participating institution of the body (an institution whose people are chairs or
 * members there; a person without an institution counts as their own) holds one position, cast by any of
 * its people; a later cast replaces the earlier one (the history is kept). The chair closes the call with a
 * finding that must agree with the positions:
 * - unanimous: every participant responded and none stands aside with abstain, concern or objection
 *   (support, no_objection or recuse only);
 * - consensus: no formal objection stands;
 * - consensus_with_dissent: formal objections stand, and every one has a recorded disposition
 *   (addressed, withdrawn, or overruled with a rationale);
 * - no_consensus: always possible; the document goes back to draft.
 * Every finding but no_consensus needs at least one current participant to have taken a stance (recusing
 * takes none): a chair cannot find agreement among people who have not said anything.
 */
import { badRequest, conflict } from './errors.ts'

export const STANCES = ['support', 'no_objection', 'abstain', 'concern', 'formal_objection', 'recuse'] as const
export type Stance = (typeof STANCES)[number]

export const FINDINGS = ['unanimous', 'consensus', 'consensus_with_dissent', 'no_consensus'] as const
export type Finding = (typeof FINDINGS)[number]

export const DISPOSITIONS = ['addressed', 'withdrawn', 'overruled'] as const
export type DispositionKind = (typeof DISPOSITIONS)[number]

export const REASON_REQUIRED: readonly Stance[] = ['concern', 'formal_objection']

/** The key a position is held under: the institution, or the person when they have none. */
export function participantKey(person: { userId: string; institutionId: string | null }): string {
  return person.institutionId ? `institution:${person.institutionId}` : `person:${person.userId}`
}

export function assertValidPosition(stance: Stance, reason: string): void {
  if (REASON_REQUIRED.includes(stance) && reason.trim().length === 0) {
    throw badRequest('reason_required', `A ${stance.replace('_', ' ')} needs a reason.`)
  }
}

export function assertCallOpen(call: { status: 'open' | 'closed'; closesAt: number }, now: number): void {
  if (call.status !== 'open') throw conflict('call_closed', 'This consensus call is closed; its record cannot change.')
  if (now >= call.closesAt) throw conflict('call_ended', 'The closing date of this call has passed; the chair records the finding.')
}

export interface CastPosition {
  id: number
  key: string
  stance: Stance
}

export type Tally = Record<Stance, number> & { responded: number; participants: number; notResponded: string[] }

/** The latest position of each participant, in cast order (positions come oldest first). */
export function currentPositions<P extends CastPosition>(positions: readonly P[]): Map<string, P> {
  const current = new Map<string, P>()
  for (const p of positions) current.set(p.key, p)
  return current
}

export function tally(participants: readonly string[], positions: readonly CastPosition[]): Tally {
  const current = currentPositions(positions)
  const counts = Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>
  for (const p of current.values()) counts[p.stance]++
  return {
    ...counts,
    responded: current.size,
    participants: participants.length,
    notResponded: participants.filter((k) => !current.has(k)),
  }
}

export interface Disposition {
  positionId: number
  disposition: DispositionKind
  rationale: string
}

/** Throws unless the finding agrees with the positions; returns the standing formal objections. */
export function assertFindingValid(
  finding: Finding,
  participants: readonly string[],
  positions: readonly CastPosition[],
  dispositions: readonly Disposition[],
): CastPosition[] {
  const current = [...currentPositions(positions).values()]
  const objections = current.filter((p) => p.stance === 'formal_objection')
  if (finding === 'no_consensus') return objections
  if (!current.some((p) => p.stance !== 'recuse' && participants.includes(p.key))) {
    throw conflict('no_positions', 'No participant has taken a position: agreement cannot be found yet. Wait for positions, or record no consensus.')
  }
  const t = tally(participants, positions)
  if (finding === 'unanimous') {
    const standAside = current.some((p) => !['support', 'no_objection', 'recuse'].includes(p.stance))
    if (t.notResponded.length > 0 || standAside) {
      throw conflict('finding_inconsistent', 'Unanimity needs every participant to support, not object, or recuse.')
    }
  }
  if (finding === 'unanimous' || finding === 'consensus') {
    if (objections.length > 0) {
      throw conflict('finding_inconsistent', 'Formal objections stand: record consensus with dissent, or no consensus.')
    }
  }
  if (finding === 'consensus_with_dissent') {
    if (objections.length === 0) throw conflict('finding_inconsistent', 'There is no formal objection: record consensus instead.')
    for (const o of objections) {
      const d = dispositions.find((x) => x.positionId === o.id)
      if (!d) throw badRequest('disposition_required', 'Every formal objection needs a recorded disposition.')
      if (d.disposition === 'overruled' && d.rationale.trim().length === 0) {
        throw badRequest('rationale_required', 'Overruling a formal objection needs a rationale.')
      }
    }
    const unknown = dispositions.find((d) => !objections.some((o) => o.id === d.positionId))
    if (unknown) throw badRequest('invalid_disposition', 'A disposition refers to a position that is not a standing formal objection.')
    if (new Set(dispositions.map((d) => d.positionId)).size < dispositions.length) {
      throw badRequest('invalid_disposition', 'A formal objection has more than one disposition: record one each.')
    }
  }
  return objections
}

/** The state a document moves to when its call closes with this finding. */
export function stateAfterFinding(finding: Finding): 'agreed' | 'draft' {
  return finding === 'no_consensus' ? 'draft' : 'agreed'
}
