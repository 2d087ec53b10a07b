/** The signed-in person: profile, password change and their own sessions. */
import { createRoute, z } from '@hono/zod-openapi'
import { recordAudit } from '../../db/queries/audit.ts'
import { withdrawPasswordLinks } from '../../db/queries/one-time-tokens.ts'
import { deleteOwnSession, deleteUserSessions, listUserSessions } from '../../db/queries/sessions.ts'
import { findUser, updateUser } from '../../db/queries/users.ts'
import { HubError, notFound } from '../../domain/errors.ts'
import { documentAccess } from '../../domain/permissions.ts'
import { reservePasswordAttempt } from '../auth/password-attempt.ts'
import { requireActor } from '../middleware/require.ts'
import { errors, jsonBody, ok, OkSchema } from '../openapi.ts'
import { loadMe } from '../presenters/me.ts'
import { iso } from '../presenters/time.ts'
import { MeSchema } from '../presenters/users.ts'
import { newRouter } from '../router.ts'
import { activityInBodies, draftsOf } from '../../db/queries/home.ts'
import { presentActivity } from '../presenters/activity.ts'
import { AwaitingDocumentSchema, presentAwaiting } from '../presenters/awaiting.ts'
import { DocumentSchema, presentDocument } from '../presenters/documents.ts'
import { documentsAwaiting } from '../workflow/awaiting.ts'
import { anyPassword, locale, name, password } from '../schemas.ts'

const SessionSchema = z
  .object({ id: z.string(), current: z.boolean(), createdAt: z.string(), expiresAt: z.string(), userAgent: z.string() })
  .openapi('Session')

const getMe = createRoute({
  method: 'get',
  path: '/',
  tags: ['Me'],
  summary: 'The signed-in person and their memberships',
  responses: { 200: ok(MeSchema), ...errors },
})

const patchMe = createRoute({
  method: 'patch',
  path: '/',
  tags: ['Me'],
  summary: 'Change my display name or language',
  request: { body: jsonBody(z.strictObject({ displayName: name(120).optional(), locale: locale.optional() })) },
  responses: { 200: ok(MeSchema), ...errors },
})

const changePassword = createRoute({
  method: 'post',
  path: '/password',
  tags: ['Me'],
  summary: 'Change my password (needs the current one); ends every other session',
  request: { body: jsonBody(z.strictObject({ currentPassword: anyPassword, newPassword: password })) },
  responses: { 200: ok(OkSchema), ...errors, 429: errors[409] },
})

const listSessions = createRoute({
  method: 'get',
  path: '/sessions',
  tags: ['Me'],
  summary: 'My active sessions',
  responses: { 200: ok(z.object({ sessions: z.array(SessionSchema) })), ...errors },
})

const revokeSession = createRoute({
  method: 'delete',
  path: '/sessions/{id}',
  tags: ['Me'],
  summary: 'End one of my sessions',
  request: { params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'is not a session id') }) },
  responses: { 200: ok(OkSchema), ...errors },
})

const HomeDocumentSchema = DocumentSchema.extend({
  body: z.object({ slug: z.string(), nameEn: z.string(), nameZh: z.string() }),
}).openapi('HomeDocument')

const home = createRoute({
  method: 'get',
  path: '/home',
  tags: ['Me'],
  summary: 'My home page: drafts I work on, documents awaiting my action, recent activity in my bodies',
  responses: {
    200: ok(
      z.object({
        drafts: z.array(HomeDocumentSchema),
        awaiting: z.array(AwaitingDocumentSchema),
        activity: z.array(
          z.object({
            id: z.number(),
            at: z.string(),
            actorName: z.string().nullable(),
            action: z.string(),
            subjectType: z.string(),
            subjectId: z.string().nullable(),
            data: z.record(z.string(), z.unknown()),
          }),
        ),
      }),
    ),
    ...errors,
  },
})

type HomeRow = Parameters<typeof presentDocument>[0] & { body_slug: string; body_name_en: string; body_name_zh: string }
const presentHomeDocument = (d: HomeRow) => ({
  ...presentDocument(d),
  body: { slug: d.body_slug, nameEn: d.body_name_en, nameZh: d.body_name_zh },
})

export const meRoutes = newRouter()
  .openapi(home, async (c) => {
    const actor = requireActor(c)
    const { db } = c.var.deps
    const bodyIds = [...actor.roles.keys()]
    const me = await findUser(db, actor.userId)
    const awaiting = await documentsAwaiting(db, actor, me?.institution_id ?? null, c.var.deps.now(), 50)
    const [drafts, activity] = await Promise.all([draftsOf(db, actor.userId, 50), activityInBodies(db, bodyIds)])
    return c.json(
      {
        // Drafts the person created or wrote in, but only where they may still read them: they may have
        // left or been removed from the body since.
        drafts: drafts.filter((d) => documentAccess(actor, d.subject) !== 'none').slice(0, 20).map(presentHomeDocument),
        awaiting: awaiting.map(presentAwaiting),
        activity: activity.map(presentActivity),
      },
      200,
    )
  })
  .openapi(getMe, async (c) => {
    const actor = requireActor(c)
    return c.json(await loadMe(c.var.deps.db, actor.userId), 200)
  })
  .openapi(patchMe, async (c) => {
    const actor = requireActor(c)
    const { db, now } = c.var.deps
    const body = c.req.valid('json')
    await db.transaction().execute(async (trx) => {
      await updateUser(trx, actor.userId, {
        ...(body.displayName !== undefined && { display_name: body.displayName }),
        ...(body.locale !== undefined && { locale: body.locale }),
      })
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'user.profile_updated', subjectType: 'user', subjectId: actor.userId, data: body })
    })
    return c.json(await loadMe(db, actor.userId), 200)
  })
  .openapi(changePassword, async (c) => {
    const actor = requireActor(c)
    const { db, now, passwords, notifier } = c.var.deps
    const body = c.req.valid('json')
    const user = (await findUser(db, actor.userId))!
    // The current password is guessed against the same budget as sign-in: a stolen session gains no extra guesses.
    const attempt = await reservePasswordAttempt(c, user.email, { action: 'user.password_change_throttled', actorId: actor.userId, subjectId: actor.userId })
    if (!user.password_hash || !(await passwords.verify(user.password_hash, body.currentPassword))) {
      attempt.failed()
      await recordAudit(db, now(), { actorId: actor.userId, action: 'user.password_change_failed', subjectType: 'user', subjectId: actor.userId })
      throw new HubError(400, 'wrong_password', 'The current password is incorrect.')
    }
    attempt.succeeded()
    const hashed = await passwords.hash(body.newPassword)
    const ended = await db.transaction().execute(async (trx) => {
      await updateUser(trx, actor.userId, { password_hash: hashed })
      await withdrawPasswordLinks(trx, actor.userId)
      const ended = await deleteUserSessions(trx, actor.userId, c.var.session!.id)
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'user.password_changed', subjectType: 'user', subjectId: actor.userId, data: { sessionsEnded: ended.length } })
      return ended
    })
    notifier.sessionsEnded(ended)
    return c.json({ ok: true as const }, 200)
  })
  .openapi(listSessions, async (c) => {
    const actor = requireActor(c)
    const rows = await listUserSessions(c.var.deps.db, actor.userId, c.var.deps.now())
    return c.json(
      {
        sessions: rows.map((s) => ({
          id: s.id,
          current: s.id === c.var.session?.id,
          createdAt: iso(s.created_at),
          expiresAt: iso(s.expires_at),
          userAgent: s.user_agent,
        })),
      },
      200,
    )
  })
  .openapi(revokeSession, async (c) => {
    const actor = requireActor(c)
    const { db, now, notifier } = c.var.deps
    const { id } = c.req.valid('param')
    await db.transaction().execute(async (trx) => {
      if (!(await deleteOwnSession(trx, actor.userId, id))) throw notFound('Session')
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'auth.session_revoked', subjectType: 'user', subjectId: actor.userId })
    })
    notifier.sessionsEnded([id])
    return c.json({ ok: true as const }, 200)
  })
