/**
 * Versions: members save named versions, the hub saves one at every freeze; anyone who may read the
 * document views them rendered and compares two side by side; a chair restores an old version in draft as
 * a new forward edit, so history is never rewritten.
 */
import { createRoute, z } from '@hono/zod-openapi'
import * as Y from 'yjs'
import { recordAudit } from '../../db/queries/audit.ts'
import { loadDocumentState } from '../../db/queries/document-state.ts'
import { findVersion, listVersions } from '../../db/queries/versions.ts'
import { docFromUpdate, replaceContent, toBlocks, toHTML, toProsemirrorJSON, type PMNode } from '../../domain/document-content.ts'
import { conflict, notFound } from '../../domain/errors.ts'
import { RESTORABLE_STATES } from '../../domain/lifecycle.ts'
import { chairs } from '../../domain/permissions.ts'
import { diffBlocks } from '../../domain/version-diff.ts'
import { namedByHub, restoredLabel } from '../../domain/version-labels.ts'
import { authoredBlocks } from '../../domain/authorship.ts'
import { listDocumentAuthors } from '../../db/queries/authors.ts'
import { loadReadableDocument } from '../load-document.ts'
import { denied } from '../audit-refusals.ts'
import { authorize } from '../middleware/require.ts'
import { errors, jsonBody, ok } from '../openapi.ts'
import { iso } from '../presenters/time.ts'
import { newRouter } from '../router.ts'
import { idParam, name } from '../schemas.ts'
import { saveVersion } from '../workflow/versions.ts'

const VersionSchema = z
  .object({
    number: z.number(),
    /** As stored: a person's words, or the hub's English name for a version it saved itself. */
    label: z.string(),
    origin: z.enum(['named', 'freeze', 'restore']),
    /** For a restored copy, the number of the version it restores; null otherwise. */
    restoredFrom: z.number().nullable(),
    /** True when the hub named the version (see domain/version-labels.ts): show it from origin and restoredFrom. */
    namedByHub: z.boolean(),
    sha256: z.string(),
    createdAt: z.string(),
    createdBy: z.object({ id: z.string(), displayName: z.string().nullable() }),
  })
  .openapi('Version')
const SegmentSchema = z.object({ op: z.enum(['same', 'ins', 'del']), text: z.string() })
const params = z.object({ id: idParam })
const versionParams = z.object({ id: idParam, number: z.coerce.number().int().positive() })

const list = createRoute({ method: 'get', path: '/{id}/versions', tags: ['Versions'], summary: 'Versions of a document, newest first', request: { params }, responses: { 200: ok(z.object({ versions: z.array(VersionSchema) })), ...errors } })
const save = createRoute({
  method: 'post',
  path: '/{id}/versions',
  tags: ['Versions'],
  summary: 'Save the current text as a named version (chairs and members)',
  request: { params, body: jsonBody(z.strictObject({ label: name(200) })) },
  responses: { 201: ok(VersionSchema, 'Created'), ...errors },
})
const show = createRoute({
  method: 'get',
  path: '/{id}/versions/{number}',
  tags: ['Versions'],
  summary: 'A version, rendered',
  request: { params: versionParams },
  responses: { 200: ok(z.object({ version: VersionSchema, html: z.string(), json: z.unknown() })), ...errors },
})
const compare = createRoute({
  method: 'get',
  path: '/{id}/compare',
  tags: ['Versions'],
  summary: 'Compare two versions (or a version and the current text) block by block, word by word',
  request: { params, query: z.object({ from: z.coerce.number().int().positive(), to: z.union([z.coerce.number().int().positive(), z.literal('current')]) }) },
  responses: {
    200: ok(
      z.object({
        rows: z.array(z.object({ kind: z.enum(['same', 'changed', 'added', 'removed']), left: z.array(SegmentSchema), right: z.array(SegmentSchema), authors: z.array(z.string()) })),
      }),
    ),
    ...errors,
  },
})
const restore = createRoute({
  method: 'post',
  path: '/{id}/versions/{number}/restore',
  tags: ['Versions'],
  summary: 'Restore a version in draft as a new forward edit (chairs)',
  request: { params: versionParams },
  responses: { 200: ok(VersionSchema), ...errors },
})

type VersionListRow = Awaited<ReturnType<typeof listVersions>>[number]
const present = (v: Pick<VersionListRow, 'number' | 'label' | 'origin' | 'restored_from' | 'sha256' | 'created_at' | 'created_by'> & { created_by_name?: string | null }) => ({
  number: v.number,
  label: v.label,
  origin: v.origin,
  restoredFrom: v.restored_from,
  namedByHub: namedByHub({ origin: v.origin, label: v.label, restoredFrom: v.restored_from }),
  sha256: v.sha256,
  createdAt: iso(v.created_at),
  createdBy: { id: v.created_by, displayName: v.created_by_name ?? null },
})

export const versionRoutes = newRouter()
  .openapi(list, async (c) => {
    const { id } = c.req.valid('param')
    await loadReadableDocument(c, id)
    return c.json({ versions: (await listVersions(c.var.deps.db, id)).map(present) }, 200)
  })
  .openapi(save, async (c) => {
    const { db, now } = c.var.deps
    const { id } = c.req.valid('param')
    const { subject } = await loadReadableDocument(c, id)
    const actor = await authorize(c, 'document.save_version', { document: subject }, id)
    const version = await db.transaction().execute(async (trx) => {
      const v = await saveVersion(trx, { documentId: id, label: c.req.valid('json').label, origin: 'named', userId: actor.userId, at: now() })
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'version.saved', subjectType: 'document', subjectId: id, data: { number: v.number, label: v.label, sha256: v.sha256 } })
      return v
    })
    return c.json(present(version), 201)
  })
  .openapi(show, async (c) => {
    const { id, number } = c.req.valid('param')
    await loadReadableDocument(c, id)
    const v = await findVersion(c.var.deps.db, id, number)
    if (!v) throw notFound('Version')
    const json = JSON.parse(v.prosemirror_json) as PMNode
    return c.json({ version: present(v), html: await toHTML(json), json }, 200)
  })
  .openapi(compare, async (c) => {
    const { db } = c.var.deps
    const { id } = c.req.valid('param')
    const { from, to } = c.req.valid('query')
    await loadReadableDocument(c, id)
    const stateOf = async (n: number | 'current') => {
      if (n === 'current') return loadDocumentState(db, id)
      const v = await findVersion(db, id, n)
      if (!v) throw notFound(`Version ${n}`)
      return v.yjs_state
    }
    const [before, after, clients] = await Promise.all([stateOf(from), stateOf(to), listDocumentAuthors(db, id)])
    const afterDoc = docFromUpdate(after)
    const afterBlocks = toBlocks(toProsemirrorJSON(afterDoc))
    const rows = diffBlocks(toBlocks(toProsemirrorJSON(docFromUpdate(before))), afterBlocks)
    // Name who wrote the text that is new since `from`, block by block (Yjs items carry their client id).
    const names = new Map(clients.map((a) => [a.client_id, a.display_name]))
    const authored = authoredBlocks(afterDoc, Y.decodeStateVector(Y.encodeStateVectorFromUpdate(before)))
    const aligned = authored.length === afterBlocks.length
    let block = 0
    const withAuthors = rows.map((row) => {
      if (row.kind === 'removed') return { ...row, authors: [] }
      const spans = aligned ? authored[block] : []
      block++
      return { ...row, authors: [...new Set(spans.filter((s) => s.isNew).map((s) => names.get(s.client) ?? 'unknown'))] }
    })
    return c.json({ rows: withAuthors }, 200)
  })
  .openapi(restore, async (c) => {
    const { db, now, notifier } = c.var.deps
    const { id, number } = c.req.valid('param')
    const { actor, subject, document } = await loadReadableDocument(c, id)
    if (!chairs(actor, subject.body)) throw denied('document.restore_version', id, "Only the body's chairs can restore a version.")
    if (!RESTORABLE_STATES.includes(document.state)) throw conflict('not_draft', 'A version can be restored only while the document is a draft.')
    const version = await findVersion(db, id, number)
    if (!version) throw notFound('Version')
    // The change from the current text to the old one, computed on a copy and applied as one forward edit.
    const current = docFromUpdate(await loadDocumentState(db, id))
    const before = Y.encodeStateVector(current)
    replaceContent(current, JSON.parse(version.prosemirror_json) as PMNode)
    await notifier.applyUpdate(id, actor.userId, Y.encodeStateAsUpdate(current, before), RESTORABLE_STATES)
    const saved = await db.transaction().execute(async (trx) => {
      const v = await saveVersion(trx, { documentId: id, label: restoredLabel(number), origin: 'restore', restoredFrom: number, userId: actor.userId, at: now() })
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'version.restored', subjectType: 'document', subjectId: id, data: { from: number, as: v.number } })
      return v
    })
    return c.json(present(saved), 200)
  })
