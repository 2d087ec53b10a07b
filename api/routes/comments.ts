/**
 * Comment threads and suggestions. The server places every anchor (from the Yjs relative positions the
 * editor sends, re-derived against the stored text), so observers and consultation readers comment without
 * any right to edit; accepting a suggestion is a forward edit applied through the collab server.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import * as Y from 'yjs'
import { recordAudit } from '../../db/queries/audit.ts'
import { claimSuggestion, deleteComment, findComment, insertComment, listDocumentComments, openSuggestions, setThreadStatus, threadParticipants } from '../../db/queries/comments.ts'
import { loadDocumentState } from '../../db/queries/document-state.ts'
import { notify, type NewNotification } from '../../db/queries/notifications.ts'
import { newId } from '../../db/ids.ts'
import type { CommentRow } from '../../db/schema.ts'
import { loadActor } from '../../db/session-auth.ts'
import { displayNames } from '../../db/queries/users.ts'
import { placeAnchor, replaceAnchored, resolveAnchor } from '../../domain/anchors.ts'
import { MAX_COMMENT_CHARS, assertCommentAction, assertNotHostile } from '../../domain/comment-rules.ts'
import { mentionedUserIds, withTrueMentionNames } from '../../domain/mentions.ts'
import { docFromUpdate } from '../../domain/document-content.ts'
import { EDITABLE_STATES } from '../../domain/lifecycle.ts'
import { HubError, badRequest, conflict, notFound } from '../../domain/errors.ts'
import { documentAccess, type Actor } from '../../domain/permissions.ts'
import type { AppEnv } from '../env.ts'
import { loadReadableDocument } from '../load-document.ts'
import { errors, jsonBody, ok, OkSchema } from '../openapi.ts'
import { iso, isoOrNull } from '../presenters/time.ts'
import { newRouter } from '../router.ts'
import { idParam, prose } from '../schemas.ts'

const anchorBytes = z.base64().max(2000)
const commentBody = prose(MAX_COMMENT_CHARS)

const ReplySchema = z.object({ id: z.string(), author: z.object({ id: z.string(), displayName: z.string() }), body: z.string(), createdAt: z.string(), deleted: z.boolean() })
const ThreadSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['comment', 'suggestion']),
    status: z.enum(['open', 'resolved', 'accepted', 'rejected']),
    author: z.object({ id: z.string(), displayName: z.string() }),
    body: z.string(),
    createdAt: z.string(),
    deleted: z.boolean(),
    quote: z.string(),
    originalQuote: z.string(),
    contextBefore: z.string(),
    contextAfter: z.string(),
    proposal: z.string().nullable(),
    anchor: z.object({ start: z.string(), end: z.string(), from: z.number(), to: z.number(), detached: z.boolean() }),
    resolvedAt: z.string().nullable(),
    replies: z.array(ReplySchema),
    viewer: z.object({ canReply: z.boolean(), canResolve: z.boolean(), canAccept: z.boolean(), canReject: z.boolean(), canDelete: z.boolean() }),
  })
  .openapi('CommentThread')

const docParams = z.object({ id: idParam })
const list = createRoute({ method: 'get', path: '/documents/{id}/comments', tags: ['Comments'], summary: 'Threads in document order (detached ones last), with replies', request: { params: docParams }, responses: { 200: ok(z.object({ threads: z.array(ThreadSchema) })), ...errors } })
const create = createRoute({
  method: 'post',
  path: '/documents/{id}/comments',
  tags: ['Comments'],
  summary: 'Start a thread on a range of text (a comment, or a suggestion with a proposed replacement)',
  request: {
    params: docParams,
    body: jsonBody(
      z.strictObject({
        anchor: z.strictObject({ start: anchorBytes, end: anchorBytes }),
        body: commentBody.default(''),
        kind: z.enum(['comment', 'suggestion']).default('comment'),
        proposal: prose(MAX_COMMENT_CHARS).optional(),
      }),
    ),
  },
  responses: { 201: ok(ThreadSchema, 'Created'), ...errors },
})
const threadParams = z.object({ id: idParam })
const reply = createRoute({ method: 'post', path: '/comments/{id}/replies', tags: ['Comments'], summary: 'Reply in a thread', request: { params: threadParams, body: jsonBody(z.strictObject({ body: commentBody })) }, responses: { 201: ok(ReplySchema, 'Created'), ...errors } })
const act = (action: 'resolve' | 'reopen' | 'accept' | 'reject', summary: string) =>
  createRoute({ method: 'post', path: `/comments/{id}/${action}`, tags: ['Comments'], summary, request: { params: threadParams }, responses: { 200: ok(ThreadSchema), ...errors } })
const resolve = act('resolve', 'Resolve a thread (its author or a chair)')
const reopen = act('reopen', 'Reopen a resolved thread (its author or a chair)')
const accept = act('accept', 'Accept a suggestion: its replacement is applied to the text (editors)')
const reject = act('reject', 'Reject a suggestion (editors, or its author to withdraw it)')
const remove = createRoute({ method: 'delete', path: '/comments/{id}', tags: ['Comments'], summary: 'Delete a comment (its author or a chair); the thread stays', request: { params: threadParams }, responses: { 200: ok(OkSchema), ...errors } })
const all = createRoute({
  method: 'post',
  path: '/documents/{id}/suggestions/{decision}',
  tags: ['Comments'],
  summary: 'Accept or reject every open suggestion, in document order (editors)',
  request: { params: z.object({ id: idParam, decision: z.enum(['accept-all', 'reject-all']) }) },
  responses: { 200: ok(z.object({ accepted: z.number(), rejected: z.number(), skipped: z.number() })), ...errors },
})

const b64 = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString('base64') : '')
type Loaded = Awaited<ReturnType<typeof loadReadableDocument>>

async function presentThreads(c: Context<AppEnv>, loaded: Loaded) {
  const { db } = c.var.deps
  const rows = await listDocumentComments(db, loaded.document.id)
  const doc = docFromUpdate(await loadDocumentState(db, loaded.document.id))
  const roots = rows.filter((r) => r.parent_id === null)
  const can = (action: Parameters<typeof assertCommentAction>[0], authorId: string) => {
    try {
      assertCommentAction(action, loaded.actor, loaded.subject, { authorId })
      return true
    } catch {
      return false
    }
  }
  const threads = roots.map((r) => {
    const anchor = r.anchor_start && r.anchor_end ? resolveAnchor(doc, r.anchor_start, r.anchor_end) : { from: 0, to: 0, detached: true, quote: '' }
    const open = r.status === 'open'
    const isSuggestion = r.kind === 'suggestion'
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      author: { id: r.author_id, displayName: r.author_name },
      body: r.body,
      createdAt: iso(r.created_at),
      deleted: r.deleted_at !== null,
      quote: anchor.detached ? '' : anchor.quote,
      originalQuote: r.quote,
      contextBefore: r.context_before,
      contextAfter: r.context_after,
      proposal: r.proposal,
      anchor: { start: b64(r.anchor_start), end: b64(r.anchor_end), from: anchor.from, to: anchor.to, detached: anchor.detached },
      resolvedAt: isoOrNull(r.resolved_at),
      replies: rows
        .filter((x) => x.thread_id === r.id && x.parent_id !== null)
        .map((x) => ({ id: x.id, author: { id: x.author_id, displayName: x.author_name }, body: x.body, createdAt: iso(x.created_at), deleted: x.deleted_at !== null })),
      viewer: {
        canReply: can('comment', r.author_id),
        canResolve: !isSuggestion && can('resolve', r.author_id),
        canAccept: isSuggestion && open && !anchor.detached && can('accept', r.author_id),
        canReject: isSuggestion && open && can('reject', r.author_id),
        canDelete: can('delete', r.author_id),
      },
    }
  })
  return threads.sort((a, b) => Number(a.anchor.detached) - Number(b.anchor.detached) || a.anchor.from - b.anchor.from || a.createdAt.localeCompare(b.createdAt))
}

async function presentThread(c: Context<AppEnv>, loaded: Loaded, threadId: string) {
  return (await presentThreads(c, loaded)).find((t) => t.id === threadId)!
}

/**
 * People mentioned and the thread's earlier participants are told, if they may read the document now: a
 * participant may have lost access since (removed from the body, or the document went back to draft after
 * an outsider commented in consultation), and a notification carries the title and an excerpt.
 */
async function notifyAbout(c: Context<AppEnv>, loaded: Loaded, comment: CommentRow) {
  const { db, now } = c.var.deps
  const rows: NewNotification[] = []
  const base = { actor_id: loaded.actor.userId, document_id: loaded.document.id, comment_id: comment.id, call_id: null, excerpt: comment.body.slice(0, 200), at: now() }
  const told = new Set<string>([loaded.actor.userId])
  const tell = async (userId: string, kind: 'mention' | 'reply') => {
    if (told.has(userId)) return
    told.add(userId)
    const actor: Actor | null = await loadActor(db, userId)
    if (actor && documentAccess(actor, loaded.subject) !== 'none') rows.push({ ...base, user_id: userId, kind })
  }
  for (const userId of mentionedUserIds(comment.body)) await tell(userId, 'mention')
  if (comment.parent_id) for (const p of await threadParticipants(db, comment.thread_id)) await tell(p.author_id, 'reply')
  await notify(db, rows)
}

/** The comment text with each mention naming the person it notifies (domain/mentions.ts). */
async function withTrueMentions(c: Context<AppEnv>, body: string): Promise<string> {
  return withTrueMentionNames(body, await displayNames(c.var.deps.db, mentionedUserIds(body)))
}

async function loadThread(c: Context<AppEnv>, id: string) {
  const root = await findComment(c.var.deps.db, id)
  if (!root) throw notFound('Comment')
  const loaded = await loadReadableDocument(c, root.document_id)
  return { root, loaded }
}

/**
 * Applies a claimed suggestion's replacement to the stored text through the collab server. If it cannot be
 * applied (its text is gone, the document was frozen meanwhile…) it is open again and the error goes on.
 */
async function applySuggestion(c: Context<AppEnv>, documentId: string, s: CommentRow) {
  const { db, notifier } = c.var.deps
  try {
    const doc = docFromUpdate(await loadDocumentState(db, documentId))
    const before = Y.encodeStateVector(doc)
    replaceAnchored(doc, s.anchor_start!, s.anchor_end!, s.proposal ?? '')
    await notifier.applyUpdate(documentId, c.var.actor!.userId, Y.encodeStateAsUpdate(doc, before), EDITABLE_STATES)
  } catch (err) {
    await setThreadStatus(db, s.id, { status: 'open', by: null, at: null })
    throw err
  }
}

export const commentRoutes = newRouter()
  .openapi(list, async (c) => {
    const loaded = await loadReadableDocument(c, c.req.valid('param').id)
    return c.json({ threads: await presentThreads(c, loaded) }, 200)
  })
  .openapi(create, async (c) => {
    const { db, now } = c.var.deps
    const b = c.req.valid('json')
    assertNotHostile('body', b.body)
    if (b.proposal !== undefined) assertNotHostile('proposal', b.proposal)
    const loaded = await loadReadableDocument(c, c.req.valid('param').id)
    assertCommentAction(b.kind === 'suggestion' ? 'suggest' : 'comment', loaded.actor, loaded.subject)
    if (b.kind === 'comment' && !b.body.trim()) throw badRequest('invalid_request', 'body: write a comment.')
    if (b.kind === 'suggestion' && b.proposal === undefined) throw badRequest('invalid_request', 'proposal: a suggestion needs its replacement text (empty to delete).')
    const doc = docFromUpdate(await loadDocumentState(db, loaded.document.id))
    const anchor = placeAnchor(doc, Buffer.from(b.anchor.start, 'base64'), Buffer.from(b.anchor.end, 'base64'))
    if (b.kind === 'suggestion' && b.proposal === anchor.quote) throw badRequest('no_change', 'The suggestion does not change the text.')
    const id = newId()
    const row: CommentRow = {
      id,
      document_id: loaded.document.id,
      thread_id: id,
      parent_id: null,
      author_id: loaded.actor.userId,
      body: await withTrueMentions(c, b.body),
      kind: b.kind,
      anchor_start: anchor.start,
      anchor_end: anchor.end,
      quote: anchor.quote,
      context_before: anchor.contextBefore,
      context_after: anchor.contextAfter,
      proposal: b.kind === 'suggestion' ? (b.proposal ?? '') : null,
      status: 'open',
      resolved_by: null,
      resolved_at: null,
      created_at: now(),
      deleted_at: null,
    }
    await db.transaction().execute(async (trx) => {
      await insertComment(trx, row)
      await recordAudit(trx, now(), { actorId: loaded.actor.userId, action: `${b.kind}.created`, subjectType: 'document', subjectId: loaded.document.id, data: { threadId: id } })
    })
    await notifyAbout(c, loaded, row)
    return c.json(await presentThread(c, loaded, id), 201)
  })
  .openapi(reply, async (c) => {
    const { db, now } = c.var.deps
    assertNotHostile('body', c.req.valid('json').body)
    const { root, loaded } = await loadThread(c, c.req.valid('param').id)
    if (root.parent_id !== null) throw badRequest('not_a_thread', 'Reply to the first comment of a thread.')
    assertCommentAction('comment', loaded.actor, loaded.subject)
    const written = c.req.valid('json').body
    if (!written.trim()) throw badRequest('invalid_request', 'body: write a reply.')
    const body = await withTrueMentions(c, written)
    const row: CommentRow = { ...root, id: newId(), parent_id: root.id, author_id: loaded.actor.userId, body, kind: 'comment', anchor_start: null, anchor_end: null, quote: '', context_before: '', context_after: '', proposal: null, status: 'open', resolved_by: null, resolved_at: null, created_at: now(), deleted_at: null }
    await insertComment(db, row)
    await notifyAbout(c, loaded, row)
    const me = await db.selectFrom('users').select('display_name').where('id', '=', row.author_id).executeTakeFirstOrThrow()
    return c.json({ id: row.id, author: { id: row.author_id, displayName: me.display_name }, body, createdAt: iso(row.created_at), deleted: false }, 201)
  })
  .openapi(resolve, async (c) => {
    const { root, loaded } = await loadThread(c, c.req.valid('param').id)
    assertCommentAction('resolve', loaded.actor, loaded.subject, { authorId: root.author_id })
    if (root.kind !== 'comment') throw conflict('is_suggestion', 'Accept or reject a suggestion instead.')
    await setThreadStatus(c.var.deps.db, root.id, { status: 'resolved', by: loaded.actor.userId, at: c.var.deps.now() })
    return c.json(await presentThread(c, loaded, root.id), 200)
  })
  .openapi(reopen, async (c) => {
    const { root, loaded } = await loadThread(c, c.req.valid('param').id)
    assertCommentAction('resolve', loaded.actor, loaded.subject, { authorId: root.author_id })
    if (root.kind !== 'comment') throw conflict('is_suggestion', 'A decided suggestion cannot be reopened; make a new one.')
    await setThreadStatus(c.var.deps.db, root.id, { status: 'open', by: null, at: null })
    return c.json(await presentThread(c, loaded, root.id), 200)
  })
  .openapi(accept, async (c) => {
    const { db, now } = c.var.deps
    const { root, loaded } = await loadThread(c, c.req.valid('param').id)
    assertCommentAction('accept', loaded.actor, loaded.subject, { authorId: root.author_id })
    const decided = { status: 'accepted' as const, by: loaded.actor.userId, at: now() }
    if (!(await claimSuggestion(db, root.id, decided))) throw conflict('not_open_suggestion', 'This is not an open suggestion.')
    await applySuggestion(c, loaded.document.id, root)
    await recordAudit(db, now(), { actorId: loaded.actor.userId, action: 'suggestion.accepted', subjectType: 'document', subjectId: loaded.document.id, data: { threadId: root.id } })
    return c.json(await presentThread(c, loaded, root.id), 200)
  })
  .openapi(reject, async (c) => {
    const { db, now } = c.var.deps
    const { root, loaded } = await loadThread(c, c.req.valid('param').id)
    assertCommentAction('reject', loaded.actor, loaded.subject, { authorId: root.author_id })
    const decided = { status: 'rejected' as const, by: loaded.actor.userId, at: now() }
    if (!(await claimSuggestion(db, root.id, decided))) throw conflict('not_open_suggestion', 'This is not an open suggestion.')
    await recordAudit(db, now(), { actorId: loaded.actor.userId, action: 'suggestion.rejected', subjectType: 'document', subjectId: loaded.document.id, data: { threadId: root.id } })
    return c.json(await presentThread(c, loaded, root.id), 200)
  })
  .openapi(remove, async (c) => {
    const { db, now } = c.var.deps
    const { root: comment, loaded } = await loadThread(c, c.req.valid('param').id)
    assertCommentAction('delete', loaded.actor, loaded.subject, { authorId: comment.author_id })
    if (comment.deleted_at === null) await deleteComment(db, comment.id, now())
    return c.json({ ok: true as const }, 200)
  })
  .openapi(all, async (c) => {
    const { db, now } = c.var.deps
    const { id, decision } = c.req.valid('param')
    const loaded = await loadReadableDocument(c, id)
    assertCommentAction(decision === 'accept-all' ? 'accept' : 'reject', loaded.actor, loaded.subject, { authorId: '' })
    let accepted = 0
    let rejected = 0
    let skipped = 0
    const record = () => recordAudit(db, now(), { actorId: loaded.actor.userId, action: `suggestion.${decision}`, subjectType: 'document', subjectId: id, data: { accepted, rejected, skipped } })
    for (const s of await openSuggestions(db, id)) {
      const decided = { status: decision === 'accept-all' ? ('accepted' as const) : ('rejected' as const), by: loaded.actor.userId, at: now() }
      if (!(await claimSuggestion(db, s.id, decided))) continue // someone decided it meanwhile
      if (decision === 'reject-all') {
        rejected++
        continue
      }
      try {
        await applySuggestion(c, id, s)
        accepted++
      } catch (err) {
        if (err instanceof HubError && err.code === 'anchor_gone') {
          skipped++ // its text is gone: it stays open, detached, for a person to look at
          continue
        }
        // Anything else (the document was frozen meanwhile, the collab server is down) stops the run: what
        // was done so far is recorded, and the caller learns why the rest was not.
        await record()
        throw err
      }
    }
    await record()
    return c.json({ accepted, rejected, skipped }, 200)
  })
