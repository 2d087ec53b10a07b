import { z } from '@hono/zod-openapi'
import type { InstitutionRow } from '../../db/schema.ts'
import { INSTITUTION_KINDS } from '../../domain/roles.ts'
import { iso } from './time.ts'

export const InstitutionSchema = z
  .object({
    id: z.string(),
    nameEn: z.string(),
    nameZh: z.string(),
    kind: z.enum(INSTITUTION_KINDS),
    country: z.string(),
    joinedOn: z.string().nullable(),
    status: z.enum(['active', 'suspended']),
    createdAt: z.string(),
  })
  .openapi('Institution')

export function presentInstitution(r: InstitutionRow): z.infer<typeof InstitutionSchema> {
  return {
    id: r.id,
    nameEn: r.name_en,
    nameZh: r.name_zh,
    kind: r.kind,
    country: r.country,
    joinedOn: r.joined_on,
    status: r.status,
    createdAt: iso(r.created_at),
  }
}
