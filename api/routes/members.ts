/**
 * Membership of a body, managed by its chairs (or the chairs of its parent committee, or the secretariat):
 * change a member's role, remove a member. Anyone may leave. The last chair can neither leave nor be demoted.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { recordAudit } from '../../db/queries/audit.ts'
import { toBodySubject } from '../../db/queries/bodies.ts'
import { countOtherActiveChairs, deleteMembership, findMembership, setRole } from '../../db/queries/memberships.ts'
import { notFound } from '../../domain/errors.ts'
import { assertKeepsAChair } from '../../domain/membership-rules.ts'
import { can } from '../../domain/permissions.ts'
import { loadBody } from '../load.ts'
import { denied } from '../audit-refusals.ts'
import { authorize, requireActor } from '../middleware/require.ts'
import { errors, jsonBody, ok, OkSchema } from '../openapi.ts'
import { newRouter } from '../router.ts'
import { idParam, role } from '../schemas.ts'

const params = z.object({ slug: z.string().min(1).max(60), userId: idParam })

const changeRole = createRoute({
  method: 'patch',
  path: '/{slug}/members/{userId}',
  tags: ['Membership'],
  summary: "Change a member's role (chairs)",
  request: { params, body: jsonBody(z.strictObject({ role })) },
  responses: { 200: ok(OkSchema), ...errors },
})

const remove = createRoute({
  method: 'delete',
  path: '/{slug}/members/{userId}',
  tags: ['Membership'],
  summary: 'Remove a member (chairs), or leave the body (yourself)',
  request: { params },
  responses: { 200: ok(OkSchema), ...errors },
})

export const memberRoutes = newRouter()
  .openapi(changeRole, async (c) => {
    const { db, now, notifier } = c.var.deps
    const { slug, userId } = c.req.valid('param')
    const body = await loadBody(db, slug)
    const actor = await authorize(c, 'body.manage_members', { body: toBodySubject(body) }, body.id)
    const next = c.req.valid('json').role
    await db.transaction().execute(async (trx) => {
      const membership = await findMembership(trx, body.id, userId)
      if (!membership) throw notFound('Member')
      if (membership.role === next) return
      assertKeepsAChair(membership.role, next, await countOtherActiveChairs(trx, body.id, userId))
      await setRole(trx, body.id, userId, next)
      await recordAudit(trx, now(), {
        actorId: actor.userId,
        action: 'membership.role_changed',
        subjectType: 'body',
        subjectId: body.id,
        data: { userId, from: membership.role, to: next },
      })
    })
    notifier.userAccessChanged(userId)
    return c.json({ ok: true as const }, 200)
  })
  .openapi(remove, async (c) => {
    const { db, now, notifier } = c.var.deps
    const { slug, userId } = c.req.valid('param')
    const body = await loadBody(db, slug)
    const actor = requireActor(c)
    const subject = { body: toBodySubject(body) }
    const leaving = userId === actor.userId && can(actor, 'body.leave', subject)
    if (!leaving && !can(actor, 'body.manage_members', subject)) throw denied('body.manage_members', body.id)
    await db.transaction().execute(async (trx) => {
      const membership = await findMembership(trx, body.id, userId)
      if (!membership) throw notFound('Member')
      assertKeepsAChair(membership.role, null, await countOtherActiveChairs(trx, body.id, userId))
      await deleteMembership(trx, body.id, userId)
      await recordAudit(trx, now(), {
        actorId: actor.userId,
        action: leaving ? 'membership.left' : 'membership.removed',
        subjectType: 'body',
        subjectId: body.id,
        data: { userId, role: membership.role },
      })
    })
    notifier.userAccessChanged(userId)
    return c.json({ ok: true as const }, 200)
  })
