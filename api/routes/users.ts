/** People, administered by the secretariat: create, edit, disable, reset links, secretariat rights. */
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { recordAudit } from '../../db/queries/audit.ts'
import { findInstitution } from '../../db/queries/institutions.ts'
import { issueOneTimeToken, withdrawPasswordLinks } from '../../db/queries/one-time-tokens.ts'
import { deleteUserSessions } from '../../db/queries/sessions.ts'
import {
  countActiveSecretariat,
  findUser,
  findUserByEmail,
  findUserWithInstitution,
  insertUser,
  listUsers,
  updateUser,
} from '../../db/queries/users.ts'
import { newId } from '../../db/ids.ts'
import type { Database } from '../../db/schema.ts'
import type { Kysely } from 'kysely'
import { DAY_MS } from '../../domain/session-policy.ts'
import { badRequest, conflict, notFound } from '../../domain/errors.ts'
import { absoluteLink } from '../auth/cookies.ts'
import type { AppEnv } from '../env.ts'
import { authorize } from '../middleware/require.ts'
import { errors, jsonBody, ok } from '../openapi.ts'
import { iso } from '../presenters/time.ts'
import { UserSchema, presentUser } from '../presenters/users.ts'
import { newRouter } from '../router.ts'
import { email, idParam, locale, name } from '../schemas.ts'

const LinkSchema = z.object({ link: z.string(), expiresAt: z.string() }).openapi('OneTimeLink')
const NEW_ACCOUNT_LINK_MS = 7 * DAY_MS
const RESET_LINK_MS = DAY_MS

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['People'],
  summary: 'People (secretariat), searchable by name or email',
  request: {
    query: z.object({
      q: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
  },
  responses: { 200: ok(z.object({ users: z.array(UserSchema) })), ...errors },
})

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['People'],
  summary: 'Create an account (secretariat); answers with a link for the person to set their password',
  request: {
    body: jsonBody(
      z.strictObject({
        email,
        displayName: name(120),
        institutionId: idParam.nullable().optional(),
        locale: locale.optional(),
        isSecretariat: z.boolean().optional(),
      }),
    ),
  },
  responses: { 201: ok(z.object({ user: UserSchema, setPassword: LinkSchema }), 'Created'), ...errors },
})

const patch = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['People'],
  summary: 'Edit a person: name, institution, language, secretariat rights (secretariat)',
  request: {
    params: z.object({ id: idParam }),
    body: jsonBody(
      z
        .strictObject({ displayName: name(120), institutionId: idParam.nullable(), locale, isSecretariat: z.boolean() })
        .partial(),
    ),
  },
  responses: { 200: ok(UserSchema), ...errors },
})

const disable = createRoute({
  method: 'post',
  path: '/{id}/disable',
  tags: ['People'],
  summary: 'Disable an account: every session ends at once (secretariat)',
  request: { params: z.object({ id: idParam }) },
  responses: { 200: ok(UserSchema), ...errors },
})

const enable = createRoute({
  method: 'post',
  path: '/{id}/enable',
  tags: ['People'],
  summary: 'Enable a disabled account (secretariat)',
  request: { params: z.object({ id: idParam }) },
  responses: { 200: ok(UserSchema), ...errors },
})

const resetLink = createRoute({
  method: 'post',
  path: '/{id}/password-reset',
  tags: ['People'],
  summary: 'Issue a password-reset link, valid 24 hours (secretariat)',
  request: { params: z.object({ id: idParam }) },
  responses: { 200: ok(LinkSchema), ...errors },
})

async function loadPresented(db: Kysely<Database>, id: string) {
  const row = await findUserWithInstitution(db, id)
  if (!row) throw notFound('Person')
  return presentUser(row)
}

async function assertInstitutionExists(db: Kysely<Database>, id: string | null | undefined) {
  if (id && !(await findInstitution(db, id))) throw badRequest('unknown_institution', 'institutionId: no such institution.')
}

function presentLink(c: Context<AppEnv>, token: string, expiresAt: number) {
  return { link: absoluteLink(c, `/reset/${token}`), expiresAt: iso(expiresAt) }
}

export const userRoutes = newRouter()
  .openapi(list, async (c) => {
    await authorize(c, 'user.manage', {})
    const rows = await listUsers(c.var.deps.db, c.req.valid('query'))
    return c.json({ users: rows.map(presentUser) }, 200)
  })
  .openapi(create, async (c) => {
    const actor = await authorize(c, 'user.manage', {})
    const { db, now } = c.var.deps
    const b = c.req.valid('json')
    const id = newId()
    const link = await db.transaction().execute(async (trx) => {
      if (await findUserByEmail(trx, b.email)) throw conflict('email_taken', 'An account with this email already exists.')
      await assertInstitutionExists(trx, b.institutionId)
      await insertUser(trx, {
        id,
        email: b.email,
        display_name: b.displayName,
        institution_id: b.institutionId ?? null,
        locale: b.locale ?? 'en',
        password_hash: null,
        is_secretariat: b.isSecretariat ? 1 : 0,
        disabled_at: null,
        created_at: now(),
      })
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'user.created', subjectType: 'user', subjectId: id, data: b })
      return issueOneTimeToken(trx, { purpose: 'password_reset', userId: id, createdBy: actor.userId, now: now(), ttlMs: NEW_ACCOUNT_LINK_MS })
    })
    return c.json({ user: await loadPresented(db, id), setPassword: presentLink(c, link.token, link.expiresAt) }, 201)
  })
  .openapi(patch, async (c) => {
    const { id } = c.req.valid('param')
    const actor = await authorize(c, 'user.manage', {}, id)
    const { db, now, notifier } = c.var.deps
    const b = c.req.valid('json')
    await db.transaction().execute(async (trx) => {
      const user = await findUser(trx, id)
      if (!user) throw notFound('Person')
      await assertInstitutionExists(trx, b.institutionId)
      if (b.isSecretariat === false && user.is_secretariat === 1 && (await countActiveSecretariat(trx)) <= 1) {
        throw conflict('last_secretariat', 'The hub must keep at least one secretariat account.')
      }
      await updateUser(trx, id, {
        ...(b.displayName !== undefined && { display_name: b.displayName }),
        ...(b.institutionId !== undefined && { institution_id: b.institutionId }),
        ...(b.locale !== undefined && { locale: b.locale }),
        ...(b.isSecretariat !== undefined && { is_secretariat: b.isSecretariat ? 1 : 0 }),
      })
      const rights = b.isSecretariat !== undefined && (b.isSecretariat ? 1 : 0) !== user.is_secretariat
      const action = rights ? (b.isSecretariat ? 'user.secretariat_granted' : 'user.secretariat_revoked') : 'user.updated'
      await recordAudit(trx, now(), { actorId: actor.userId, action, subjectType: 'user', subjectId: id, data: b })
    })
    notifier.userAccessChanged(id)
    return c.json(await loadPresented(db, id), 200)
  })
  .openapi(disable, async (c) => {
    const { id } = c.req.valid('param')
    const actor = await authorize(c, 'user.manage', {}, id)
    const { db, now, notifier } = c.var.deps
    if (id === actor.userId) throw conflict('cannot_disable_self', 'You cannot disable your own account.')
    const ended = await db.transaction().execute(async (trx) => {
      const user = await findUser(trx, id)
      if (!user) throw notFound('Person')
      if (user.disabled_at !== null) return []
      if (user.is_secretariat === 1 && (await countActiveSecretariat(trx)) <= 1) {
        throw conflict('last_secretariat', 'The hub must keep at least one secretariat account.')
      }
      await updateUser(trx, id, { disabled_at: now() })
      await withdrawPasswordLinks(trx, id)
      const ended = await deleteUserSessions(trx, id)
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'user.disabled', subjectType: 'user', subjectId: id, data: { sessionsEnded: ended.length } })
      return ended
    })
    notifier.sessionsEnded(ended)
    notifier.userAccessChanged(id)
    return c.json(await loadPresented(db, id), 200)
  })
  .openapi(enable, async (c) => {
    const { id } = c.req.valid('param')
    const actor = await authorize(c, 'user.manage', {}, id)
    const { db, now } = c.var.deps
    await db.transaction().execute(async (trx) => {
      const user = await findUser(trx, id)
      if (!user) throw notFound('Person')
      if (user.disabled_at === null) return
      await updateUser(trx, id, { disabled_at: null })
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'user.enabled', subjectType: 'user', subjectId: id })
    })
    return c.json(await loadPresented(db, id), 200)
  })
  .openapi(resetLink, async (c) => {
    const { id } = c.req.valid('param')
    const actor = await authorize(c, 'user.manage', {}, id)
    const { db, now } = c.var.deps
    const link = await db.transaction().execute(async (trx) => {
      const user = await findUser(trx, id)
      if (!user) throw notFound('Person')
      if (user.disabled_at !== null) throw conflict('account_disabled', 'Enable the account before issuing a reset link.')
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'user.password_reset_issued', subjectType: 'user', subjectId: id })
      await withdrawPasswordLinks(trx, id)
      return issueOneTimeToken(trx, { purpose: 'password_reset', userId: id, createdBy: actor.userId, now: now(), ttlMs: RESET_LINK_MS })
    })
    return c.json(presentLink(c, link.token, link.expiresAt), 200)
  })
