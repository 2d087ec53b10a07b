/** A document awaiting the viewer's action, with why (a reason code the app words in either language). */
import { z } from '@hono/zod-openapi'
import { AWAITING_REASONS } from '../../domain/awaiting.ts'
import type { Awaiting } from '../workflow/awaiting.ts'
import { DocumentSchema, presentDocument } from './documents.ts'
import { isoOrNull } from './time.ts'

export const AwaitingDocumentSchema = DocumentSchema.extend({
  body: z.object({ slug: z.string(), nameEn: z.string(), nameZh: z.string() }),
  reason: z.enum(AWAITING_REASONS),
  /** When the document's open consensus call closes (for state_position and record_finding), else null. */
  closesAt: z.string().nullable(),
}).openapi('AwaitingDocument')

export function presentAwaiting(d: Awaiting): z.infer<typeof AwaitingDocumentSchema> {
  return {
    ...presentDocument(d),
    body: { slug: d.body_slug, nameEn: d.body_name_en, nameZh: d.body_name_zh },
    reason: d.reason,
    closesAt: d.open_call_id ? isoOrNull(d.open_call_closes_at) : null,
  }
}
