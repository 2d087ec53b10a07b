/**
 * Sign-in, sign-out, first-account setup and password-reset links. Unknown email, wrong password and a
 * disabled account give the same answer in the same time; 10 failures per email in 15 minutes lock it out
 * for the rest of the window.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { recordAudit } from '../../db/queries/audit.ts'
import { findUsableToken, markTokenUsed, withdrawPasswordLinks } from '../../db/queries/one-time-tokens.ts'
import { deleteSession, deleteUserSessions } from '../../db/queries/sessions.ts'
import { countUsers, findUser, findUserByEmail, insertUser, updateUser } from '../../db/queries/users.ts'
import { newId } from '../../db/ids.ts'
import { createSession } from '../../db/session-auth.ts'
import { HubError, conflict, gone } from '../../domain/errors.ts'
import { clearSessionCookie, setSessionCookie } from '../auth/cookies.ts'
import { reservePasswordAttempt } from '../auth/password-attempt.ts'
import { loadMe } from '../presenters/me.ts'
import { MeSchema } from '../presenters/users.ts'
import { errors, jsonBody, ok, OkSchema } from '../openapi.ts'
import { newRouter } from '../router.ts'
import { anyPassword, email, name, password, tokenParam } from '../schemas.ts'

const invalidCredentials = () => new HubError(401, 'invalid_credentials', 'The email or password is incorrect.')

const login = createRoute({
  method: 'post',
  path: '/login',
  tags: ['Auth'],
  summary: 'Sign in with email and password; sets the session cookie',
  request: { body: jsonBody(z.strictObject({ email: z.string().max(254), password: anyPassword })) },
  responses: { 200: ok(MeSchema), ...errors, 429: errors[409] },
})

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['Auth'],
  summary: 'Sign out: ends this session',
  responses: { 200: ok(OkSchema), ...errors },
})

const setup = createRoute({
  method: 'post',
  path: '/setup',
  tags: ['Auth'],
  summary: 'Create the first (secretariat) account with the one-time setup token printed at first start',
  request: {
    body: jsonBody(z.strictObject({ token: tokenParam, email, password, displayName: name(120) })),
  },
  responses: { 200: ok(MeSchema), ...errors, 410: errors[409] },
})

const resetInfo = createRoute({
  method: 'get',
  path: '/password-resets/{token}',
  tags: ['Auth'],
  summary: 'Check a password-reset link',
  request: { params: z.object({ token: tokenParam }) },
  responses: { 200: ok(z.object({ email: z.string(), displayName: z.string() })), ...errors, 410: errors[409] },
})

const resetPassword = createRoute({
  method: 'post',
  path: '/password-resets/{token}',
  tags: ['Auth'],
  summary: 'Set a new password with a reset link; ends every session of that account and signs in',
  request: { params: z.object({ token: tokenParam }), body: jsonBody(z.strictObject({ password })) },
  responses: { 200: ok(MeSchema), ...errors, 410: errors[409] },
})

export const authRoutes = newRouter()
  .openapi(login, async (c) => {
    const { db, now, passwords } = c.var.deps
    const body = c.req.valid('json')
    const address = body.email.trim().toLowerCase()
    // The slot is taken before any await: parallel guesses cannot all see a free one.
    const attempt = await reservePasswordAttempt(c, address, { action: 'auth.login_throttled', actorId: null })
    const user = await findUserByEmail(db, address)
    const usable = user && user.disabled_at === null && user.password_hash
    const valid = usable ? await passwords.verify(user.password_hash!, body.password) : (await passwords.verifyDummy(body.password), false)
    if (!valid || !user) {
      attempt.failed()
      await recordAudit(db, now(), {
        actorId: null,
        action: 'auth.login_failed',
        subjectType: 'user',
        subjectId: user?.id ?? null,
        data: { email: address },
      })
      throw invalidCredentials()
    }
    attempt.succeeded()
    const { token, session } = await db.transaction().execute(async (trx) => {
      const created = await createSession(trx, user.id, now(), c.req.header('user-agent'))
      await recordAudit(trx, now(), { actorId: user.id, action: 'auth.login', subjectType: 'user', subjectId: user.id })
      return created
    })
    setSessionCookie(c, token, session.expiresAt)
    return c.json(await loadMe(db, user.id), 200)
  })
  .openapi(logout, async (c) => {
    const { db, now, notifier } = c.var.deps
    const session = c.var.session
    if (session) {
      await db.transaction().execute(async (trx) => {
        await deleteSession(trx, session.id)
        await recordAudit(trx, now(), { actorId: session.userId, action: 'auth.logout', subjectType: 'user', subjectId: session.userId })
      })
      notifier.sessionsEnded([session.id])
    }
    clearSessionCookie(c)
    return c.json({ ok: true as const }, 200)
  })
  .openapi(setup, async (c) => {
    const { db, now, passwords } = c.var.deps
    const body = c.req.valid('json')
    const hashed = await passwords.hash(body.password)
    const userId = newId()
    // The account, its audit event and its first session commit together: no account without a way in.
    const { token, session } = await db.transaction().execute(async (trx) => {
      const row = await findUsableToken(trx, body.token, 'setup', now())
      if (!row) throw gone('link_expired', 'This setup link is invalid, used or expired. Restart the hub for a new one.')
      if ((await countUsers(trx)) > 0) throw conflict('already_set_up', 'The hub already has an account.')
      await markTokenUsed(trx, row.token_hash, now())
      await insertUser(trx, {
        id: userId,
        email: body.email,
        display_name: body.displayName,
        institution_id: null,
        locale: 'en',
        password_hash: hashed,
        is_secretariat: 1,
        disabled_at: null,
        created_at: now(),
      })
      await recordAudit(trx, now(), { actorId: userId, action: 'user.bootstrap', subjectType: 'user', subjectId: userId, data: { email: body.email, via: 'setup_link' } })
      return createSession(trx, userId, now(), c.req.header('user-agent'))
    })
    setSessionCookie(c, token, session.expiresAt)
    return c.json(await loadMe(db, userId), 200)
  })
  .openapi(resetInfo, async (c) => {
    const { db, now } = c.var.deps
    const row = await findUsableToken(db, c.req.valid('param').token, 'password_reset', now())
    const user = row?.user_id ? await findUser(db, row.user_id) : undefined
    if (!row || !user || user.disabled_at !== null) throw gone('link_expired', 'This link is invalid, used or expired. Ask the secretariat for a new one.')
    return c.json({ email: user.email, displayName: user.display_name }, 200)
  })
  .openapi(resetPassword, async (c) => {
    const { db, now, passwords, notifier } = c.var.deps
    const { token } = c.req.valid('param')
    const hashed = await passwords.hash(c.req.valid('json').password)
    // The new password, the end of every other session, the audit event and the new session commit together.
    const { userId, ended, created } = await db.transaction().execute(async (trx) => {
      const row = await findUsableToken(trx, token, 'password_reset', now())
      const user = row?.user_id ? await findUser(trx, row.user_id) : undefined
      if (!row || !user || user.disabled_at !== null) throw gone('link_expired', 'This link is invalid, used or expired. Ask the secretariat for a new one.')
      await markTokenUsed(trx, row.token_hash, now())
      await withdrawPasswordLinks(trx, user.id)
      await updateUser(trx, user.id, { password_hash: hashed })
      const ended = await deleteUserSessions(trx, user.id)
      await recordAudit(trx, now(), { actorId: user.id, action: 'user.password_reset', subjectType: 'user', subjectId: user.id })
      return { userId: user.id, ended, created: await createSession(trx, user.id, now(), c.req.header('user-agent')) }
    })
    notifier.sessionsEnded(ended)
    setSessionCookie(c, created.token, created.session.expiresAt)
    return c.json(await loadMe(db, userId), 200)
  })
