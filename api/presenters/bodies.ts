import { z } from '@hono/zod-openapi'
import type { BodyRow } from '../../db/schema.ts'
import { BODY_KINDS, ROLES } from '../../domain/roles.ts'
import { isoOrNull } from './time.ts'
import { InstitutionRefSchema, presentInstitutionRef } from './users.ts'

export const BodySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    kind: z.enum(BODY_KINDS),
    parentId: z.string().nullable(),
    nameEn: z.string(),
    nameZh: z.string(),
    mandateEn: z.string(),
    mandateZh: z.string(),
    established: z.string().nullable(),
    archivedAt: z.string().nullable(),
  })
  .openapi('Body')

export const MemberSchema = z
  .object({
    userId: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    institution: InstitutionRefSchema.nullable(),
  })
  .openapi('Member')

export function presentBody(b: Omit<BodyRow, 'member_count'>) {
  return {
    id: b.id,
    slug: b.slug,
    kind: b.kind,
    parentId: b.parent_id,
    nameEn: b.name_en,
    nameZh: b.name_zh,
    mandateEn: b.mandate_en,
    mandateZh: b.mandate_zh,
    established: b.established,
    archivedAt: isoOrNull(b.archived_at),
  }
}

export function presentMember(m: {
  user_id: string
  display_name: string
  role: (typeof ROLES)[number]
  institution_id: string | null
  institution_name_en: string | null
  institution_name_zh: string | null
  country: string | null
}): z.infer<typeof MemberSchema> {
  return { userId: m.user_id, displayName: m.display_name, role: m.role, institution: presentInstitutionRef(m) }
}
