/**
 * A formal objection's disposition as the call detail and the published record show it, naming who
 * objected from the position itself: the institution it was cast for, or a person without one, who stands
 * for themselves (then `institutionId` and `country` are null). Membership is not consulted, so an
 * institution that has since left the body is still named.
 */
import { z } from '@hono/zod-openapi'
import type { listDispositions } from '../../db/queries/consensus.ts'
import { DISPOSITIONS } from '../../domain/consensus.ts'

export const ObjectorSchema = z.object({ institutionId: z.string().nullable(), nameEn: z.string(), nameZh: z.string(), country: z.string().nullable() }).openapi('Objector')

export const DispositionSchema = z
  .object({ positionId: z.number(), disposition: z.enum(DISPOSITIONS), rationale: z.string(), institution: ObjectorSchema })
  .openapi('Disposition')

type DispositionRow = Awaited<ReturnType<typeof listDispositions>>[number]

export function presentObjector(d: DispositionRow): z.infer<typeof ObjectorSchema> {
  if (d.institution_id) return { institutionId: d.institution_id, nameEn: d.institution_name_en ?? '', nameZh: d.institution_name_zh ?? '', country: d.country }
  return { institutionId: null, nameEn: d.cast_by_name, nameZh: d.cast_by_name, country: null }
}

export function presentDisposition(d: DispositionRow): z.infer<typeof DispositionSchema> {
  return { positionId: d.position_id, disposition: d.disposition, rationale: d.rationale, institution: presentObjector(d) }
}
