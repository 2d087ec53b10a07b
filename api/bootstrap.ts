/**
 * The first account. On a start with no accounts: with HUB_ADMIN_EMAIL and HUB_ADMIN_PASSWORD set, create
 * that secretariat account; otherwise issue a one-time setup link (valid 1 hour) for the first person.
 * Never both, and nothing at all once any account exists.
 */
import type { Kysely } from 'kysely'
import { recordAudit } from '../db/queries/audit.ts'
import { issueOneTimeToken } from '../db/queries/one-time-tokens.ts'
import { countUsers, insertUser } from '../db/queries/users.ts'
import { newId } from '../db/ids.ts'
import type { Database } from '../db/schema.ts'
import type { PasswordHasher } from './auth/passwords.ts'
import { email as emailSchema, password as passwordSchema } from './schemas.ts'

export const SETUP_LINK_TTL_MS = 60 * 60 * 1000

export type BootstrapResult =
  | { kind: 'existing' }
  | { kind: 'admin_created'; email: string }
  | { kind: 'setup_link'; token: string; expiresAt: number }

export async function bootstrapFirstAccount(
  db: Kysely<Database>,
  opts: { adminEmail?: string; adminPassword?: string; now: number; passwords: PasswordHasher },
): Promise<BootstrapResult> {
  if ((await countUsers(db)) > 0) return { kind: 'existing' }
  if (opts.adminEmail && opts.adminPassword) {
    const email = emailSchema.safeParse(opts.adminEmail)
    const password = passwordSchema.safeParse(opts.adminPassword)
    if (!email.success) throw new Error('HUB_ADMIN_EMAIL is not a valid email address.')
    if (!password.success) throw new Error(`HUB_ADMIN_PASSWORD ${password.error.issues[0]?.message ?? 'is not valid'}.`)
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
  const { token, expiresAt } = await issueOneTimeToken(db, { purpose: 'setup', userId: null, createdBy: null, now: opts.now, ttlMs: SETUP_LINK_TTL_MS })
  return { kind: 'setup_link', token, expiresAt }
}
