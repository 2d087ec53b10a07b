/**
 * The record of a closed call's formal objections: who objected, why, and the disposition the chair
 * recorded (with its rationale). Each disposition names who objected as the position recorded it (the
 * institution it was cast for), so an institution that has since left the body is still named. A standing
 * objection without a disposition (a call closed with no consensus) is named from the participant list.
 */
import type { DispositionKind } from '../../../domain/consensus.ts'
import type { CallDetail } from './workflow-types.ts'

export interface Objector {
  nameEn: string
  nameZh: string
  country: string | null
}

export interface ObjectionRecord {
  positionId: number
  participant: Objector
  reason: string
  castBy: string
  disposition: DispositionKind | null
  rationale: string
}

export function objectionRecords(detail: Pick<CallDetail, 'participants' | 'history' | 'dispositions'>): ObjectionRecord[] {
  const positions = new Map(detail.history.map((p) => [p.id, p]))
  const records: ObjectionRecord[] = detail.dispositions.map((d) => {
    const position = positions.get(d.positionId)
    return {
      positionId: d.positionId,
      participant: { nameEn: d.institution.nameEn, nameZh: d.institution.nameZh, country: d.institution.country },
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
      records.push({ positionId: pos.id, participant: { nameEn: p.name, nameZh: p.nameZh, country: p.country }, reason: pos.reason, castBy: pos.castBy.displayName, disposition: null, rationale: '' })
    }
  }
  return records
}
