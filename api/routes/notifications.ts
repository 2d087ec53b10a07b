/**
 * My inbox: mentions, replies, suggestions and consensus calls opened in my bodies, with the unread count,
 * and the documents awaiting my action. Those are derived from state (api/workflow/awaiting.ts, the same
 * list as the home page's), not stored: they have no read flag and leave the list once the move is made,
 * so they are not in `unread` (which "mark all read" empties) and are counted on their own.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { countUnread, listNotifications, markRead } from '../../db/queries/notifications.ts'
import { findUser } from '../../db/queries/users.ts'
import { requireActor } from '../middleware/require.ts'
import { AwaitingDocumentSchema, presentAwaiting } from '../presenters/awaiting.ts'
import { documentsAwaiting } from '../workflow/awaiting.ts'
import { errors, jsonBody, ok } from '../openapi.ts'
import { iso, isoOrNull } from '../presenters/time.ts'
import { newRouter } from '../router.ts'

const NotificationSchema = z
  .object({
    id: z.number(),
    kind: z.enum(['mention', 'reply', 'call_opened', 'suggestion']),
    actorName: z.string().nullable(),
    document: z.object({ id: z.string(), titleEn: z.string(), titleZh: z.string() }).nullable(),
    commentId: z.string().nullable(),
    callId: z.string().nullable(),
    /** When the call a call_opened notification announces closes (ISO), for the app to word in any language. */
    closesAt: z.string().nullable(),
    /** The person's own words for mentions, replies and suggestions; for call_opened, English written by the hub. */
    excerpt: z.string(),
    at: z.string(),
    read: z.boolean(),
  })
  .openapi('Notification')

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Me'],
  summary: 'My notifications, newest first, with the number unread, and the documents awaiting my action',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  responses: { 200: ok(z.object({ notifications: z.array(NotificationSchema), unread: z.number(), awaiting: z.array(AwaitingDocumentSchema) })), ...errors },
})
const read = createRoute({
  method: 'post',
  path: '/read',
  tags: ['Me'],
  summary: 'Mark notifications read (some, or all)',
  request: { body: jsonBody(z.strictObject({ ids: z.array(z.number().int().positive()).max(500).optional(), all: z.boolean().optional() })) },
  responses: { 200: ok(z.object({ unread: z.number() })), ...errors },
})

export const notificationRoutes = newRouter()
  .openapi(list, async (c) => {
    const actor = requireActor(c)
    const { db } = c.var.deps
    const [rows, me] = await Promise.all([listNotifications(db, actor.userId, c.req.valid('query').limit), findUser(db, actor.userId)])
    const awaiting = await documentsAwaiting(db, actor, me?.institution_id ?? null, c.var.deps.now())
    return c.json(
      {
        notifications: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          actorName: r.actor_name,
          document: r.document_id ? { id: r.document_id, titleEn: r.title_en ?? '', titleZh: r.title_zh ?? '' } : null,
          commentId: r.comment_id,
          callId: r.call_id,
          closesAt: isoOrNull(r.closes_at),
          excerpt: r.excerpt,
          at: iso(r.at),
          read: r.read_at !== null,
        })),
        unread: await countUnread(db, actor.userId),
        awaiting: awaiting.map(presentAwaiting),
      },
      200,
    )
  })
  .openapi(read, async (c) => {
    const actor = requireActor(c)
    const { db, now } = c.var.deps
    const b = c.req.valid('json')
    await markRead(db, actor.userId, b.all ? 'all' : (b.ids ?? []), now())
    return c.json({ unread: await countUnread(db, actor.userId) }, 200)
  })
