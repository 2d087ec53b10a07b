import { z } from '@hono/zod-openapi'
import type { DocumentRow } from '../../db/schema.ts'
import { DOCUMENT_STATES } from '../../domain/lifecycle.ts'
import { DOCUMENT_KINDS, LOCALES } from '../../domain/roles.ts'
import { iso } from './time.ts'

export const DocumentSchema = z
  .object({
    id: z.string(),
    bodyId: z.string(),
    kind: z.enum(DOCUMENT_KINDS),
    titleEn: z.string(),
    titleZh: z.string(),
    language: z.enum(LOCALES),
    state: z.enum(DOCUMENT_STATES),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Document')

export function presentDocument(d: DocumentRow): z.infer<typeof DocumentSchema> {
  return {
    id: d.id,
    bodyId: d.body_id,
    kind: d.kind,
    titleEn: d.title_en,
    titleZh: d.title_zh,
    language: d.language,
    state: d.state,
    createdBy: d.created_by,
    createdAt: iso(d.created_at),
    updatedAt: iso(d.updated_at),
  }
}
