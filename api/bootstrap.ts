/**
 * The first account. On a start with no accounts: with HUB_ADMIN_EMAIL and HUB_ADMIN_PASSWORD set, create
 * that secretariat account; with neither, issue a one-time setup link (valid 1 hour) for the first person.
 * Only the newest setup link works: issuing one withdraws the unused ones from earlier starts, so a link
 * left in an old log cannot be used. Half a configuration (one variable without the other, or a password
 * too short) stops the start with a message saying what to fix, rather than quietly printing a setup link
 * the operator did not ask for. Once any account exists, nothing happens and the variables are ignored.
 */
import type { Kysely } from 'kysely'
import { recordAudit } from '../db/queries/audit.ts'
import { issueOneTimeToken, withdrawUnusedTokens } from '../db/queries/one-time-tokens.ts'
import { countUsers, insertUser } from '../db/queries/users.ts'
import { newId } from '../db/ids.ts'
import type { Database } from '../db/schema.ts'
import type { PasswordHasher } from './auth/passwords.ts'
import { email as emailSchema, password as passwordSchema } from './schemas.ts'

export const SETUP_LINK_TTL_MS = 60 * 60 * 1000

/** A configuration the hub refuses to start with; the message is meant for the operator. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError'
}

export type BootstrapResult =
  | { kind: 'existing' }
  | { kind: 'admin_created'; email: string }
  | { kind: 'setup_link'; token: string; expiresAt: number }

export async function bootstrapFirstAccount(
  db: Kysely<Database>,
  opts: { adminEmail?: string; adminPassword?: string; now: number; passwords: PasswordHasher },
): Promise<BootstrapResult> {
  if ((await countUsers(db)) > 0) return { kind: 'existing' }
  // An empty variable (`HUB_ADMIN_EMAIL=` in a compose file) counts as unset.
  const adminEmail = opts.adminEmail?.trim() || undefined
  const adminPassword = opts.adminPassword || undefined
  if (adminEmail || adminPassword) return createAdmin(db, adminEmail, adminPassword, opts)
  return db.transaction().execute(async (trx) => {
    await withdrawUnusedTokens(trx, 'setup')
    const { token, expiresAt } = await issueOneTimeToken(trx, { purpose: 'setup', userId: null, createdBy: null, now: opts.now, ttlMs: SETUP_LINK_TTL_MS })
    return { kind: 'setup_link' as const, token, expiresAt }
  })
}

async function createAdmin(
  db: Kysely<Database>,
  adminEmail: string | undefined,
  adminPassword: string | undefined,
  opts: { now: number; passwords: PasswordHasher },
): Promise<BootstrapResult> {
  const neither = 'Set both to create the first secretariat account, or neither to get a one-time setup link.'
  if (!adminEmail) throw new ConfigurationError(`HUB_ADMIN_PASSWORD is set but HUB_ADMIN_EMAIL is not. ${neither}`)
  if (!adminPassword) throw new ConfigurationError(`HUB_ADMIN_EMAIL is set but HUB_ADMIN_PASSWORD is not. ${neither}`)
  const email = emailSchema.safeParse(adminEmail)
  const password = passwordSchema.safeParse(adminPassword)
  if (!email.success) throw new ConfigurationError('HUB_ADMIN_EMAIL is not a valid email address.')
  if (!password.success) throw new ConfigurationError(`HUB_ADMIN_PASSWORD ${password.error.issues[0]?.message ?? 'is not valid'}.`)
  const hashed = await opts.passwords.hash(password.data)
  const id = newId()
  await db.transaction().execute(async (trx) => {
    await insertUser(trx, {
      id,
      email: email.data,
      display_name: 'Secretariat',
      institution_id: null,
      locale: 'en',
      password_hash: hashed,
      is_secretariat: 1,
      disabled_at: null,
      created_at: opts.now,
    })
    await recordAudit(trx, opts.now, { actorId: null, action: 'user.bootstrap', subjectType: 'user', subjectId: id, data: { email: email.data, via: 'environment' } })
  })
  return { kind: 'admin_created', email: email.data }
}
