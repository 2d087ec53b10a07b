/**
 * The consensus call form's checks, mirroring domain/consensus.ts so the chair and members see the
 * problem before sending: reasons for concern and formal objection; for a finding of consensus with
 * dissent, a disposition for every standing formal objection, and a rationale when it is overruled.
 */
import { REASON_REQUIRED, type DispositionKind, type Finding, type Stance } from '../../../domain/consensus.ts'

export function reasonMissing(stance: Stance | null, reason: string): boolean {
  return !!stance && REASON_REQUIRED.includes(stance) && !reason.trim()
}

export interface DraftDisposition {
  disposition: DispositionKind | null
  rationale: string
}

export type DispositionProblem = 'missing' | 'rationale'

/** Problems by position id; empty when the close form may be sent. */
export function dispositionProblems(finding: Finding | null, objections: readonly number[], drafts: Readonly<Record<number, DraftDisposition>>): Record<number, DispositionProblem> {
  const out: Record<number, DispositionProblem> = {}
  if (finding !== 'consensus_with_dissent') return out
  for (const id of objections) {
    const d = drafts[id]
    if (!d?.disposition) out[id] = 'missing'
    else if (d.disposition === 'overruled' && !d.rationale.trim()) out[id] = 'rationale'
  }
  return out
}
