/**
 * Invitations: a chair invites an email with a role and gets a link to send (valid 14 days, revocable);
 * the invitee accepts it signed in as that email, or creates their account from it.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Kysely } from 'kysely'
import { recordAudit } from '../../db/queries/audit.ts'
import { toBodySubject } from '../../db/queries/bodies.ts'
import { findInvitation, findInvitationByToken, insertInvitation, listOpenInvitations, markInvitation } from '../../db/queries/invitations.ts'
import { decideJoinRequest, findPendingRequest } from '../../db/queries/join-requests.ts'
import { findMembership, upsertMembership } from '../../db/queries/memberships.ts'
import { findUserByEmail, insertUser } from '../../db/queries/users.ts'
import { newId } from '../../db/ids.ts'
import type { Database } from '../../db/schema.ts'
import { createSession, loadActor } from '../../db/session-auth.ts'
import { generateToken, hashToken } from '../../db/tokens.ts'
import { HubError, badRequest, conflict, notFound } from '../../domain/errors.ts'
import { INVITATION_TTL_MS, assertInvitationUsable, assertSenderMayStillInvite, roleAfterAccepting, senderMayStillInvite } from '../../domain/invitation-rules.ts'
import { ROLES } from '../../domain/roles.ts'
import { Denied } from '../audit-refusals.ts'
import { absoluteLink, setSessionCookie } from '../auth/cookies.ts'
import { loadBody } from '../load.ts'
import { authorize } from '../middleware/require.ts'
import { errors, jsonBody, ok, OkSchema } from '../openapi.ts'
import { loadMe } from '../presenters/me.ts'
import { iso } from '../presenters/time.ts'
import { MeSchema } from '../presenters/users.ts'
import { newRouter } from '../router.ts'
import { email, idParam, name, password, role, slugParam, tokenParam } from '../schemas.ts'

const InvitationSchema = z
  .object({ id: z.string(), email: z.string(), role: z.enum(ROLES), invitedBy: z.string().nullable(), createdAt: z.string(), expiresAt: z.string() })
  .openapi('Invitation')

const create = createRoute({
  method: 'post',
  path: '/{slug}/invitations',
  tags: ['Membership'],
  summary: 'Invite someone by email with a role (chairs); answers with the link to send',
  request: { params: slugParam, body: jsonBody(z.strictObject({ email, role })) },
  responses: { 201: ok(z.object({ invitation: InvitationSchema, link: z.string() }), 'Created'), ...errors },
})

const list = createRoute({
  method: 'get',
  path: '/{slug}/invitations',
  tags: ['Membership'],
  summary: 'Open invitations of a body (chairs)',
  request: { params: slugParam },
  responses: { 200: ok(z.object({ invitations: z.array(InvitationSchema) })), ...errors },
})

const revoke = createRoute({
  method: 'delete',
  path: '/{slug}/invitations/{id}',
  tags: ['Membership'],
  summary: 'Withdraw an invitation (chairs)',
  request: { params: z.object({ slug: z.string().min(1).max(60), id: idParam }) },
  responses: { 200: ok(OkSchema), ...errors },
})

const show = createRoute({
  method: 'get',
  path: '/{token}',
  tags: ['Membership'],
  summary: 'What an invitation link is for (no account needed)',
  request: { params: z.object({ token: tokenParam }) },
  responses: {
    200: ok(
      z.object({
        email: z.string(),
        role: z.enum(ROLES),
        body: z.object({ slug: z.string(), nameEn: z.string(), nameZh: z.string() }),
        accountExists: z.boolean(),
        expiresAt: z.string(),
      }),
    ),
    ...errors,
    410: errors[409],
  },
})

const accept = createRoute({
  method: 'post',
  path: '/{token}/accept',
  tags: ['Membership'],
  summary: 'Accept an invitation: signed in as the invited email, or by creating the account (name and password)',
  request: {
    params: z.object({ token: tokenParam }),
    body: jsonBody(z.strictObject({ displayName: name(120).optional(), password: password.optional() })),
  },
  responses: { 200: ok(MeSchema), ...errors, 410: errors[409] },
})

export const bodyInvitationRoutes = newRouter()
  .openapi(create, async (c) => {
    const { db, now } = c.var.deps
    const body = await loadBody(db, c.req.valid('param').slug)
    const actor = await authorize(c, 'body.manage_members', { body: toBodySubject(body) }, body.id)
    const b = c.req.valid('json')
    const token = generateToken()
    const row = {
      id: newId(),
      body_id: body.id,
      email: b.email,
      role: b.role,
      token_hash: hashToken(token),
      invited_by: actor.userId,
      created_at: now(),
      expires_at: now() + INVITATION_TTL_MS,
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
    }
    await db.transaction().execute(async (trx) => {
      const existing = await findUserByEmail(trx, b.email)
      if (existing && (await findMembership(trx, body.id, existing.id))) {
        throw conflict('already_member', 'This person is already a member of the body.')
      }
      await insertInvitation(trx, row)
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'invitation.created', subjectType: 'body', subjectId: body.id, data: { email: b.email, role: b.role, invitationId: row.id } })
    })
    const invitation = { id: row.id, email: row.email, role: row.role, invitedBy: actor.userId, createdAt: iso(row.created_at), expiresAt: iso(row.expires_at) }
    return c.json({ invitation, link: absoluteLink(c, `/invite/${token}`) }, 201)
  })
  .openapi(list, async (c) => {
    const { db, now } = c.var.deps
    const body = await loadBody(db, c.req.valid('param').slug)
    const subject = toBodySubject(body)
    await authorize(c, 'body.manage_members', { body: subject }, body.id)
    // Invitations whose sender may no longer manage the body no longer hold: not listed as open.
    const open = await listOpenInvitations(db, body.id, now())
    const senders = new Map<string, boolean>()
    for (const by of new Set(open.map((r) => r.invited_by))) senders.set(by, senderMayStillInvite(await loadActor(db, by), subject))
    const invitations = open.filter((r) => senders.get(r.invited_by)).map((r) => ({ id: r.id, email: r.email, role: r.role, invitedBy: r.invited_by_name, createdAt: iso(r.created_at), expiresAt: iso(r.expires_at) }))
    return c.json({ invitations }, 200)
  })
  .openapi(revoke, async (c) => {
    const { db, now } = c.var.deps
    const { slug, id } = c.req.valid('param')
    const body = await loadBody(db, slug)
    const actor = await authorize(c, 'body.manage_members', { body: toBodySubject(body) }, body.id)
    await db.transaction().execute(async (trx) => {
      const inv = await findInvitation(trx, body.id, id)
      if (!inv) throw notFound('Invitation')
      if (inv.accepted_at !== null) throw conflict('invitation_used', 'This invitation has already been accepted.')
      if (inv.revoked_at !== null) return
      await markInvitation(trx, id, { revoked_at: now() })
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'invitation.revoked', subjectType: 'body', subjectId: body.id, data: { invitationId: id, email: inv.email } })
    })
    return c.json({ ok: true as const }, 200)
  })

/** Whether the invitation's sender may still manage its body (domain/invitation-rules.ts). */
async function assertStillHolds(db: Kysely<Database>, inv: { invited_by: string; body_slug: string }) {
  const body = await loadBody(db, inv.body_slug)
  assertSenderMayStillInvite(await loadActor(db, inv.invited_by), toBodySubject(body))
}

export const invitationRoutes = newRouter()
  .openapi(show, async (c) => {
    const { db, now } = c.var.deps
    const inv = await findInvitationByToken(db, c.req.valid('param').token)
    if (!inv) throw notFound('Invitation')
    assertInvitationUsable(inv, now())
    await assertStillHolds(db, inv)
    return c.json(
      {
        email: inv.email,
        role: inv.role,
        body: { slug: inv.body_slug, nameEn: inv.body_name_en, nameZh: inv.body_name_zh },
        accountExists: !!(await findUserByEmail(db, inv.email)),
        expiresAt: iso(inv.expires_at),
      },
      200,
    )
  })
  .openapi(accept, async (c) => {
    const { db, now, passwords, notifier } = c.var.deps
    const { token } = c.req.valid('param')
    const b = c.req.valid('json')
    const signedIn = c.var.actor
    // Hash outside the transaction: it takes ~50 ms and must not hold the database.
    const hashed = !signedIn && b.password ? await passwords.hash(b.password) : null
    // A new account comes with its session, in the same transaction as the membership and the audit event.
    const { userId, created, signIn } = await db.transaction().execute(async (trx) => {
      const inv = await findInvitationByToken(trx, token)
      if (!inv) throw notFound('Invitation')
      assertInvitationUsable(inv, now())
      await assertStillHolds(trx, inv)
      const existing = await findUserByEmail(trx, inv.email)
      let userId: string
      let created = false
      if (signedIn) {
        if (signedIn.userId !== existing?.id) {
          const message = `This invitation was sent to ${inv.email}. Sign in with that account to accept it.`
          throw new Denied('invitation.accept', { type: 'body', id: inv.body_id }, message, 'invitation_for_other_email')
        }
        userId = signedIn.userId
      } else if (existing) {
        throw new HubError(401, 'sign_in_required', 'An account with this email exists: sign in, then open the link again.')
      } else {
        if (!b.displayName || !hashed) throw badRequest('invalid_request', 'Choose your name and a password to create your account.')
        userId = newId()
        created = true
        await insertUser(trx, {
          id: userId,
          email: inv.email,
          display_name: b.displayName,
          institution_id: null,
          locale: 'en',
          password_hash: hashed,
          is_secretariat: 0,
          disabled_at: null,
          created_at: now(),
        })
      }
      const current = await findMembership(trx, inv.body_id, userId)
      const role = roleAfterAccepting(current?.role, inv.role)
      if (role !== current?.role) await upsertMembership(trx, { bodyId: inv.body_id, userId, role, since: current?.since ?? now() })
      await markInvitation(trx, inv.id, { accepted_at: now(), accepted_by: userId })
      // Their own request to join is answered by the invitation: left pending, a chair could approve it after
      // a later removal and bring them back without meaning to.
      const pending = await findPendingRequest(trx, inv.body_id, userId)
      if (pending) await decideJoinRequest(trx, pending.id, { status: 'approved', decidedBy: inv.invited_by, at: now() })
      await recordAudit(trx, now(), {
        actorId: userId,
        action: 'invitation.accepted',
        subjectType: 'body',
        subjectId: inv.body_id,
        data: { invitationId: inv.id, role: inv.role, accountCreated: created, ...(role !== inv.role && { keptRole: role }), ...(pending && { joinRequestAnswered: pending.id }) },
      })
      return { userId, created, signIn: created ? await createSession(trx, userId, now(), c.req.header('user-agent')) : null }
    })
    if (signIn) setSessionCookie(c, signIn.token, signIn.session.expiresAt)
    if (!created) notifier.userAccessChanged(userId)
    return c.json(await loadMe(db, userId), 200)
  })
