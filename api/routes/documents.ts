/** Documents of a body: members create them; who reads and who edits follows documentAccess. */
import { createRoute, z } from '@hono/zod-openapi'
import { recordAudit } from '../../db/queries/audit.ts'
import { findBody, toBodySubject } from '../../db/queries/bodies.ts'
import { findDocumentSubject, insertDocument, listBodyDocuments } from '../../db/queries/documents.ts'
import { latestEditionOf } from '../../db/queries/publications.ts'
import { newId } from '../../db/ids.ts'
import type { DocumentRow } from '../../db/schema.ts'
import { notFound } from '../../domain/errors.ts'
import { documentAccess, readOnlyReason } from '../../domain/permissions.ts'
import { loadBody } from '../load.ts'
import { auditDenied, authorize, requireActor } from '../middleware/require.ts'
import { errors, jsonBody, ok } from '../openapi.ts'
import { BodySchema, presentBody } from '../presenters/bodies.ts'
import { DocumentSchema, presentDocument } from '../presenters/documents.ts'
import { newRouter } from '../router.ts'
import { cachedJson } from '../read-cache.ts'
import { documentKind, idParam, locale, name, slugParam } from '../schemas.ts'
import { BODY_KINDS } from '../../domain/roles.ts'

const AccessSchema = z.object({ access: z.enum(['write', 'read']), readOnlyReason: z.enum(['frozen', 'role']).nullable() })
/** The body with its parent's kind: the app asks domain/permissions.ts `chairs()` with it, as the server does. */
const DocumentBodySchema = BodySchema.extend({ parentKind: z.enum(BODY_KINDS).nullable() })
/** Its newest public edition (kept while a revision is in progress), or null if never published. */
const DocumentPublicationSchema = z.object({ slug: z.string(), edition: z.number() }).nullable()

const create = createRoute({
  method: 'post',
  path: '/bodies/{slug}/documents',
  tags: ['Documents'],
  summary: 'Start a document in a body (chairs and members)',
  request: {
    params: slugParam,
    body: jsonBody(z.strictObject({ kind: documentKind, titleEn: name(300), titleZh: name(300), language: locale })),
  },
  responses: { 201: ok(DocumentSchema, 'Created'), ...errors },
})

const list = createRoute({
  method: 'get',
  path: '/bodies/{slug}/documents',
  tags: ['Documents'],
  summary: "A body's documents that I may read, most recently changed first",
  request: { params: slugParam },
  responses: { 200: ok(z.object({ documents: z.array(DocumentSchema) })), ...errors },
})

const show = createRoute({
  method: 'get',
  path: '/documents/{id}',
  tags: ['Documents'],
  summary: 'A document, its body and what I may do with its text',
  request: { params: z.object({ id: idParam }) },
  responses: { 200: ok(z.object({ document: DocumentSchema, body: DocumentBodySchema, viewer: AccessSchema, publication: DocumentPublicationSchema })), ...errors },
})

export const documentRoutes = newRouter()
  .openapi(create, async (c) => {
    const { db, now } = c.var.deps
    const body = await loadBody(db, c.req.valid('param').slug)
    const actor = await authorize(c, 'document.create', { body: toBodySubject(body) }, body.id)
    const b = c.req.valid('json')
    const row: DocumentRow = {
      id: newId(),
      body_id: body.id,
      kind: b.kind,
      title_en: b.titleEn,
      title_zh: b.titleZh,
      language: b.language,
      state: 'draft',
      created_by: actor.userId,
      created_at: now(),
      updated_at: now(),
      state_reason: null,
      state_changed_at: now(),
    }
    await db.transaction().execute(async (trx) => {
      await insertDocument(trx, row)
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'document.created', subjectType: 'document', subjectId: row.id, data: { bodyId: body.id, kind: b.kind, titleEn: b.titleEn } })
    })
    return c.json(presentDocument(row), 201)
  })
  .openapi(list, async (c) => {
    const { db } = c.var.deps
    const body = await loadBody(db, c.req.valid('param').slug)
    const actor = await authorize(c, 'body.read', { body: toBodySubject(body) }, body.id)
    const subject = toBodySubject(body)
    return cachedJson(c, async () => {
      const rows = await listBodyDocuments(db, body.id)
      const readable = rows.filter((d) => documentAccess(actor, { body: subject, state: d.state }) !== 'none')
      return { documents: readable.map(presentDocument) }
    })
  })
  .openapi(show, async (c) => {
    const { db } = c.var.deps
    const { id } = c.req.valid('param')
    const actor = requireActor(c)
    const found = await findDocumentSubject(db, id)
    if (!found) throw notFound('Document')
    const access = documentAccess(actor, found.subject)
    if (access === 'none') {
      await auditDenied(c, actor, 'document.read', id)
      throw notFound('Document')
    }
    // Opening a document asks for this first. Once this person is authorized, the answer is kept until data
    // changes, and their later reads are answered before routing (read-cache.ts `cachedReads`).
    return cachedJson(c, async () => {
      const [body, edition] = await Promise.all([findBody(db, found.document.body_id), latestEditionOf(db, id)])
      if (!body) throw notFound('Body')
      return {
        document: presentDocument(found.document),
        body: { ...presentBody(body), parentKind: body.parent_kind },
        viewer: { access, readOnlyReason: readOnlyReason(actor, found.subject) },
        publication: edition ? { slug: edition.slug, edition: edition.edition } : null,
      }
    })
  })
