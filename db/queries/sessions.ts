/** Sessions: rows keyed by sha256(token). The raw token never reaches this module. */
import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'

export async function insertSession(
  db: Kysely<Database>,
  row: { id: string; userId: string; createdAt: number; expiresAt: number; userAgent: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: row.id,
      user_id: row.userId,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
      user_agent: row.userAgent,
    })
    .execute()
}

/** The session with the fields of its user that every request needs. */
export function findSessionWithUser(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.created_at',
      'sessions.expires_at',
      'users.disabled_at',
      'users.is_secretariat',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst()
}

export async function setSessionExpiry(db: Kysely<Database>, id: string, expiresAt: number): Promise<void> {
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute()
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
}

/** Deletes the session only if it belongs to this user; false when there was none. */
export async function deleteOwnSession(db: Kysely<Database>, userId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('sessions').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
  return Number(r.numDeletedRows) > 0
}

export async function deleteUserSessions(db: Kysely<Database>, userId: string, exceptId?: string): Promise<string[]> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptId) query = query.where('id', '!=', exceptId)
  const rows = await query.returning('id').execute()
  return rows.map((r) => r.id)
}

export function listUserSessions(db: Kysely<Database>, userId: string, now: number) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'expires_at', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute()
}
