/** One-time links (first-account setup, password reset): stored hashed, single use, expiring. */
import type { Kysely } from 'kysely'
import type { Database, OneTimeTokenTable } from '../schema.ts'
import { generateToken, hashToken } from '../tokens.ts'

export async function issueOneTimeToken(
  db: Kysely<Database>,
  t: { purpose: OneTimeTokenTable['purpose']; userId: string | null; createdBy: string | null; now: number; ttlMs: number },
): Promise<{ token: string; expiresAt: number }> {
  const token = generateToken()
  const expiresAt = t.now + t.ttlMs
  await db
    .insertInto('one_time_tokens')
    .values({
      token_hash: hashToken(token),
      purpose: t.purpose,
      user_id: t.userId,
      created_by: t.createdBy,
      created_at: t.now,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute()
  return { token, expiresAt }
}

/** The token's row if it is of this purpose, unused and unexpired. */
export function findUsableToken(db: Kysely<Database>, token: string, purpose: OneTimeTokenTable['purpose'], now: number) {
  return db
    .selectFrom('one_time_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
}

export async function markTokenUsed(db: Kysely<Database>, tokenHash: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** Withdraws every unused link of this purpose (a newer one replaces them). */
export async function withdrawUnusedTokens(db: Kysely<Database>, purpose: OneTimeTokenTable['purpose']): Promise<void> {
  await db.deleteFrom('one_time_tokens').where('purpose', '=', purpose).where('used_at', 'is', null).execute()
}

/**
 * Withdraws a person's unused password links: when a newer one is issued or one is used, when they change
 * their password and when the account is disabled. An older link, forwarded or left in a mailbox, must not
 * set the password after the person has settled it.
 */
export async function withdrawPasswordLinks(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('one_time_tokens').where('purpose', '=', 'password_reset').where('user_id', '=', userId).where('used_at', 'is', null).execute()
}
