/**
 * The record of a closed call's formal objections: which participant objected, why, and the disposition
 * the chair recorded (with its rationale). Dispositions name a position by id; the position (in the cast
 * history) names the participant by key; the participant list names the institution. A participant that
 * has since left the body is no longer in that list, so its name may be unknown (`participant: null`).
 */
import type { DispositionKind } from '../../../domain/consensus.ts'
import type { CallDetail } from './workflow-types.ts'

export interface ObjectionRecord {
  positionId: number
  participant: CallDetail['participants'][number] | null
  reason: string
  castBy: string
  disposition: DispositionKind | null
  rationale: string
}

export function objectionRecords(detail: Pick<CallDetail, 'participants' | 'history' | 'dispositions'>): ObjectionRecord[] {
  const positions = new Map(detail.history.map((p) => [p.id, p]))
  const byKey = new Map(detail.participants.map((p) => [p.key, p]))
  const records: ObjectionRecord[] = detail.dispositions.map((d) => {
    const position = positions.get(d.positionId)
    return {
      positionId: d.positionId,
      participant: position ? (byKey.get(position.participantKey) ?? null) : null,
      reason: position?.reason ?? '',
      castBy: position?.castBy.displayName ?? '',
      disposition: d.disposition,
      rationale: d.rationale,
    }
  })
  // Standing objections without a disposition (a call closed with no consensus) belong in the record too.
  for (const p of detail.participants) {
    const pos = p.position
    if (pos?.stance === 'formal_objection' && !records.some((r) => r.positionId === pos.id)) {
      records.push({ positionId: pos.id, participant: p, reason: pos.reason, castBy: pos.castBy.displayName, disposition: null, rationale: '' })
    }
  }
  return records
}
