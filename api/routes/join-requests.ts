/** Join requests: anyone signed in asks to join with a message; chairs approve (with a role) or decline. */
import { createRoute, z } from '@hono/zod-openapi'
import { recordAudit } from '../../db/queries/audit.ts'
import { toBodySubject } from '../../db/queries/bodies.ts'
import { decideJoinRequest, findJoinRequest, findPendingRequest, insertJoinRequest, listJoinRequests } from '../../db/queries/join-requests.ts'
import { findMembership, upsertMembership } from '../../db/queries/memberships.ts'
import { findUser } from '../../db/queries/users.ts'
import { newId } from '../../db/ids.ts'
import { conflict, notFound } from '../../domain/errors.ts'
import { loadBody } from '../load.ts'
import { authorize, requireActor } from '../middleware/require.ts'
import { errors, jsonBody, ok } from '../openapi.ts'
import { iso, isoOrNull } from '../presenters/time.ts'
import { InstitutionRefSchema, presentInstitutionRef } from '../presenters/users.ts'
import { newRouter } from '../router.ts'
import { idParam, role, slugParam, text } from '../schemas.ts'

const JoinRequestSchema = z
  .object({
    id: z.string(),
    status: z.enum(['pending', 'approved', 'declined']),
    message: z.string(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    user: z.object({ id: z.string(), displayName: z.string(), email: z.string(), institution: InstitutionRefSchema.nullable() }),
  })
  .openapi('JoinRequest')

const requestParams = z.object({ slug: z.string().min(1).max(60), id: idParam })

const file = createRoute({
  method: 'post',
  path: '/{slug}/join-requests',
  tags: ['Membership'],
  summary: 'Ask to join a body, with a message for its chairs',
  request: { params: slugParam, body: jsonBody(z.strictObject({ message: text(2000) })) },
  responses: { 201: ok(z.object({ id: z.string(), status: z.literal('pending') }), 'Created'), ...errors },
})

const list = createRoute({
  method: 'get',
  path: '/{slug}/join-requests',
  tags: ['Membership'],
  summary: 'Join requests of a body (chairs)',
  request: { params: slugParam, query: z.object({ status: z.enum(['pending', 'approved', 'declined']).default('pending') }) },
  responses: { 200: ok(z.object({ requests: z.array(JoinRequestSchema) })), ...errors },
})

const approve = createRoute({
  method: 'post',
  path: '/{slug}/join-requests/{id}/approve',
  tags: ['Membership'],
  summary: 'Approve a join request with a role (chairs; member by default)',
  request: { params: requestParams, body: jsonBody(z.strictObject({ role: role.default('member') })) },
  responses: { 200: ok(z.object({ id: z.string(), status: z.literal('approved') })), ...errors },
})

const decline = createRoute({
  method: 'post',
  path: '/{slug}/join-requests/{id}/decline',
  tags: ['Membership'],
  summary: 'Decline a join request (chairs)',
  request: { params: requestParams },
  responses: { 200: ok(z.object({ id: z.string(), status: z.literal('declined') })), ...errors },
})

export const joinRequestRoutes = newRouter()
  .openapi(file, async (c) => {
    const { db, now } = c.var.deps
    const body = await loadBody(db, c.req.valid('param').slug)
    const actor = requireActor(c)
    if (actor.roles.has(body.id)) throw conflict('already_member', 'You are already a member of this body.')
    await authorize(c, 'body.request_join', { body: toBodySubject(body) }, body.id)
    const id = newId()
    await db.transaction().execute(async (trx) => {
      if (await findPendingRequest(trx, body.id, actor.userId)) throw conflict('request_pending', 'You have already asked to join; the chairs will decide.')
      await insertJoinRequest(trx, {
        id,
        body_id: body.id,
        user_id: actor.userId,
        message: c.req.valid('json').message,
        status: 'pending',
        created_at: now(),
        decided_by: null,
        decided_at: null,
      })
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'join_request.filed', subjectType: 'body', subjectId: body.id, data: { requestId: id } })
    })
    return c.json({ id, status: 'pending' as const }, 201)
  })
  .openapi(list, async (c) => {
    const { db } = c.var.deps
    const body = await loadBody(db, c.req.valid('param').slug)
    await authorize(c, 'body.manage_members', { body: toBodySubject(body) }, body.id)
    const rows = await listJoinRequests(db, body.id, c.req.valid('query').status)
    const requests = rows.map((r) => ({
      id: r.id,
      status: r.status,
      message: r.message,
      createdAt: iso(r.created_at),
      decidedAt: isoOrNull(r.decided_at),
      user: { id: r.user_id, displayName: r.display_name, email: r.email, institution: presentInstitutionRef(r) },
    }))
    return c.json({ requests }, 200)
  })
  .openapi(approve, async (c) => {
    const { db, now, notifier } = c.var.deps
    const { slug, id } = c.req.valid('param')
    const body = await loadBody(db, slug)
    const actor = await authorize(c, 'body.manage_members', { body: toBodySubject(body) }, body.id)
    const grant = c.req.valid('json').role
    const userId = await db.transaction().execute(async (trx) => {
      const request = await findJoinRequest(trx, body.id, id)
      if (!request) throw notFound('Join request')
      if (request.status !== 'pending') throw conflict('already_decided', `This request was already ${request.status}.`)
      const user = await findUser(trx, request.user_id)
      if (!user || user.disabled_at !== null) throw conflict('account_disabled', 'The account that asked to join is disabled.')
      await decideJoinRequest(trx, id, { status: 'approved', decidedBy: actor.userId, at: now() })
      if (!(await findMembership(trx, body.id, request.user_id))) {
        await upsertMembership(trx, { bodyId: body.id, userId: request.user_id, role: grant, since: now() })
      }
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'join_request.approved', subjectType: 'body', subjectId: body.id, data: { requestId: id, userId: request.user_id, role: grant } })
      return request.user_id
    })
    notifier.userAccessChanged(userId)
    return c.json({ id, status: 'approved' as const }, 200)
  })
  .openapi(decline, async (c) => {
    const { db, now } = c.var.deps
    const { slug, id } = c.req.valid('param')
    const body = await loadBody(db, slug)
    const actor = await authorize(c, 'body.manage_members', { body: toBodySubject(body) }, body.id)
    await db.transaction().execute(async (trx) => {
      const request = await findJoinRequest(trx, body.id, id)
      if (!request) throw notFound('Join request')
      if (request.status !== 'pending') throw conflict('already_decided', `This request was already ${request.status}.`)
      await decideJoinRequest(trx, id, { status: 'declined', decidedBy: actor.userId, at: now() })
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'join_request.declined', subjectType: 'body', subjectId: body.id, data: { requestId: id, userId: request.user_id } })
    })
    return c.json({ id, status: 'declined' as const }, 200)
  })
