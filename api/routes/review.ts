/**
 * The secretariat's review queue: every submitted document, oldest submission first, with its body, who
 * submitted it and when, and its endorsements. Publishing it or returning it to draft (with a reason) are
 * the lifecycle's own moves, POST /api/documents/:id/transitions.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { listSubmitted } from '../../db/queries/review.ts'
import { displayNames } from '../../db/queries/users.ts'
import { authorize } from '../middleware/require.ts'
import { errors, ok } from '../openapi.ts'
import { DocumentSchema, presentDocument } from '../presenters/documents.ts'
import { iso } from '../presenters/time.ts'
import { cachedJson } from '../read-cache.ts'
import { newRouter } from '../router.ts'

const ReviewItemSchema = DocumentSchema.extend({
  body: z.object({ slug: z.string(), nameEn: z.string(), nameZh: z.string() }),
  submittedAt: z.string(),
  submittedBy: z.object({ id: z.string(), displayName: z.string().nullable() }).nullable(),
  endorsements: z.object({ institutions: z.number(), countries: z.number() }),
}).openapi('ReviewItem')

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Documents'],
  summary: 'Submitted documents awaiting review, oldest first (secretariat)',
  responses: { 200: ok(z.object({ documents: z.array(ReviewItemSchema) })), ...errors },
})

export const reviewRoutes = newRouter().openapi(list, async (c) => {
  await authorize(c, 'document.review', {})
  const { db } = c.var.deps
  return cachedJson(c, async () => {
    const rows = await listSubmitted(db)
    const names = await displayNames(db, rows.flatMap((r) => (r.submitted_by ? [r.submitted_by] : [])))
    return {
      documents: rows.map((r) => ({
        ...presentDocument(r),
        body: { slug: r.body_slug, nameEn: r.body_name_en, nameZh: r.body_name_zh },
        submittedAt: iso(r.state_changed_at ?? r.updated_at),
        submittedBy: r.submitted_by ? { id: r.submitted_by, displayName: names.get(r.submitted_by) ?? null } : null,
        endorsements: { institutions: Number(r.endorsing_institutions), countries: Number(r.endorsing_countries) },
      })),
    }
  })
})
