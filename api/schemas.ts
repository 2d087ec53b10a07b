/** Request fields shared by several routes: each rule is written once. */
import { z } from '@hono/zod-openapi'
import { hasControlCharacters } from '../domain/content-rules.ts'
import { isCountryCode } from '../domain/countries.ts'
import { BODY_KINDS, DOCUMENT_KINDS, INSTITUTION_KINDS, LOCALES, ROLES } from '../domain/roles.ts'

/**
 * No control characters except tab/newline, and none of the other characters XML refuses (U+FFFE, U+FFFF,
 * lone surrogates: a title holding one would make the publication's DOCX unopenable); trimmed.
 */
const clean = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    .refine((s) => !hasControlCharacters(s), 'must not contain control characters or noncharacters')

/**
 * Text people write for others to read (comments, replies, suggestions' proposals): trimmed and capped
 * here; what is hostile in it (control characters, active HTML) is refused by domain/comment-rules.ts with
 * its own code, hostile_content, so the writer learns why.
 */
export const prose = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())

export const name = (max = 200) => clean(max).refine((s) => s.length > 0, 'must not be empty')
export const text = (max = 5000) => clean(max)

export const email = z
  .string()
  .max(254)
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.email({ message: 'must be a valid email address' }))
  .openapi({ example: 'chair@example.org' })

export const password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(256, 'must be at most 256 characters')
export const anyPassword = z.string().min(1).max(256)

export const role = z.enum(ROLES)
export const locale = z.enum(LOCALES)
export const institutionKind = z.enum(INSTITUTION_KINDS)
export const bodyKind = z.enum(BODY_KINDS)
export const documentKind = z.enum(DOCUMENT_KINDS)
export const country = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country or region code')
  .openapi({ example: 'CN' })
export const isoDate = z.iso.date()
export const slug = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens')

export const idParam = z.string().min(1).max(64).regex(/^[a-z0-9]+$/, 'is not a valid id')
export const tokenParam = z.string().min(1).max(64).regex(/^[a-z2-7]+$/, 'is not a valid link')
export const slugParam = z.object({ slug: z.string().min(1).max(60) })
