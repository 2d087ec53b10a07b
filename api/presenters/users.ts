/** People as the API shows them: field by field, so the password hash can never leak. */
import { z } from '@hono/zod-openapi'
import type { UserRow } from '../../db/schema.ts'
import { INSTITUTION_KINDS, LOCALES, ROLES } from '../../domain/roles.ts'
import { iso, isoOrNull } from './time.ts'

export const InstitutionRefSchema = z
  .object({ id: z.string(), nameEn: z.string(), nameZh: z.string(), country: z.string() })
  .openapi('InstitutionRef')

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    locale: z.enum(LOCALES),
    isSecretariat: z.boolean(),
    disabled: z.boolean(),
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
    hasPassword: z.boolean(),
    institution: InstitutionRefSchema.nullable(),
  })
  .openapi('User')

export const MeSchema = z
  .object({
    user: UserSchema,
    memberships: z.array(
      z.object({ bodyId: z.string(), slug: z.string(), nameEn: z.string(), nameZh: z.string(), role: z.enum(ROLES) }),
    ),
  })
  .openapi('Me')

export { INSTITUTION_KINDS }

interface InstitutionFields {
  institution_id: string | null
  institution_name_en: string | null
  institution_name_zh: string | null
  country: string | null
}

export function presentInstitutionRef(r: InstitutionFields): z.infer<typeof InstitutionRefSchema> | null {
  if (!r.institution_id) return null
  return { id: r.institution_id, nameEn: r.institution_name_en ?? '', nameZh: r.institution_name_zh ?? '', country: r.country ?? '' }
}

export function presentUser(
  u: Pick<UserRow, 'id' | 'email' | 'display_name' | 'locale' | 'is_secretariat' | 'disabled_at' | 'created_at'> &
    InstitutionFields & { password_hash?: string | null; has_password?: number },
): z.infer<typeof UserSchema> {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    locale: u.locale,
    isSecretariat: u.is_secretariat === 1,
    disabled: u.disabled_at !== null,
    disabledAt: isoOrNull(u.disabled_at),
    createdAt: iso(u.created_at),
    hasPassword: u.has_password !== undefined ? u.has_password === 1 : !!u.password_hash,
    institution: presentInstitutionRef(u),
  }
}
