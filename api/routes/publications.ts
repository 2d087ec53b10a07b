/** The public archive as JSON: no account needed. Drafts never appear here, only published editions. */
import { createRoute, z } from '@hono/zod-openapi'
import { excerpt, findEdition, listEditions, searchArchive } from '../../db/queries/publications.ts'
import { notFound } from '../../domain/errors.ts'
import { DOCUMENT_KINDS } from '../../domain/roles.ts'
import { errors, ok } from '../openapi.ts'
import { iso } from '../presenters/time.ts'
import { newRouter } from '../router.ts'
import { documentKind, text } from '../schemas.ts'
import type { PublicationRecord } from '../workflow/publish.ts'

const PublicationSummarySchema = z
  .object({
    slug: z.string(),
    edition: z.number(),
    /** The document it was published from, so the app can link a document to its public page. */
    documentId: z.string(),
    kind: z.enum(DOCUMENT_KINDS),
    titleEn: z.string(),
    titleZh: z.string(),
    year: z.number(),
    publishedAt: z.string(),
    body: z.object({ slug: z.string(), nameEn: z.string(), nameZh: z.string() }),
    endorsements: z.object({ institutions: z.number(), countries: z.number() }),
    excerpt: z.string().nullable(),
    url: z.string(),
  })
  .openapi('PublicationSummary')

const search = createRoute({
  method: 'get',
  path: '/',
  tags: ['Publications'],
  summary: 'Published documents (latest editions), filtered by body, kind and year, with full-text search in English and Chinese',
  request: {
    query: z.object({
      q: text(200).optional(),
      body: z.string().max(60).optional(),
      kind: documentKind.optional(),
      year: z.coerce.number().int().min(1990).max(2200).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(50),
      offset: z.coerce.number().int().min(0).max(100_000).default(0),
    }),
  },
  responses: { 200: ok(z.object({ publications: z.array(PublicationSummarySchema) })), ...errors },
})

const detail = createRoute({
  method: 'get',
  path: '/{slug}',
  tags: ['Publications'],
  summary: 'A publication (latest edition or ?edition=n) with its consensus record, endorsements and edition history',
  request: { params: z.object({ slug: z.string().min(1).max(80) }), query: z.object({ edition: z.coerce.number().int().positive().optional() }) },
  responses: {
    200: ok(
      z.object({
        publication: PublicationSummarySchema.extend({ html: z.string(), htmlSha256: z.string(), markdownSha256: z.string(), record: z.unknown() }),
        editions: z.array(z.object({ edition: z.number(), publishedAt: z.string(), htmlSha256: z.string() })),
      }),
    ),
    ...errors,
  },
})

const endorsementCounts = (record: string) => {
  const r = JSON.parse(record) as PublicationRecord
  return { institutions: r.endorsements.length, countries: new Set(r.endorsements.map((e) => e.country)).size }
}

export const publicationRoutes = newRouter()
  .openapi(search, async (c) => {
    const { db } = c.var.deps
    const q = c.req.valid('query')
    const rows = await searchArchive(db, q)
    const publications = await Promise.all(
      rows.map(async (r) => ({
        slug: r.slug,
        edition: r.edition,
        documentId: r.document_id,
        kind: r.kind,
        titleEn: r.title_en,
        titleZh: r.title_zh,
        year: r.year,
        publishedAt: iso(r.published_at),
        body: { slug: r.body_slug, nameEn: r.body_name_en, nameZh: r.body_name_zh },
        endorsements: endorsementCounts(r.record),
        excerpt: q.q ? await excerpt(db, r.id, q.q) : null,
        url: `/p/${r.slug}`,
      })),
    )
    return c.json({ publications }, 200)
  })
  .openapi(detail, async (c) => {
    const { db } = c.var.deps
    const { slug } = c.req.valid('param')
    const p = await findEdition(db, slug, c.req.valid('query').edition)
    if (!p) throw notFound('Publication')
    const editions = await listEditions(db, slug)
    return c.json(
      {
        publication: {
          slug: p.slug,
          edition: p.edition,
          documentId: p.document_id,
          kind: p.kind,
          titleEn: p.title_en,
          titleZh: p.title_zh,
          year: p.year,
          publishedAt: iso(p.published_at),
          body: { slug: p.body_slug, nameEn: p.body_name_en, nameZh: p.body_name_zh },
          endorsements: endorsementCounts(p.record),
          excerpt: null,
          url: `/p/${p.slug}/${p.edition}`,
          html: p.html,
          htmlSha256: p.html_sha256,
          markdownSha256: p.markdown_sha256,
          record: JSON.parse(p.record) as PublicationRecord,
        },
        editions: editions.map((e) => ({ edition: e.edition, publishedAt: iso(e.published_at), htmlSha256: e.html_sha256 })),
      },
      200,
    )
  })
