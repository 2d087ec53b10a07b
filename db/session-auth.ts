/**
 * Creating and validating sessions, shared by the API (cookie on HTTP requests) and the collab server
 * (cookie on the websocket upgrade). Expiry rules come from domain/session-policy.
 */
import type { Kysely } from 'kysely'
import { judgeSession, newSessionExpiry } from '../domain/session-policy.ts'
import type { Actor } from '../domain/permissions.ts'
import { rolesOfUser } from './queries/memberships.ts'
import { deleteSession, findSessionWithUser, insertSession, setSessionExpiry } from './queries/sessions.ts'
import type { Database } from './schema.ts'
import { generateToken, hashToken } from './tokens.ts'

export interface ValidSession {
  id: string
  userId: string
  createdAt: number
  expiresAt: number
  /** True when the expiry moved forward and the cookie should be sent again. */
  renewed: boolean
}

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  now: number,
  userAgent = '',
): Promise<{ token: string; session: ValidSession }> {
  const token = generateToken()
  const id = hashToken(token)
  const expiresAt = newSessionExpiry(now)
  await insertSession(db, { id, userId, createdAt: now, expiresAt, userAgent: userAgent.slice(0, 300) })
  return { token, session: { id, userId, createdAt: now, expiresAt, renewed: false } }
}

/**
 * The session behind a cookie token, renewed when due (the API, which sends the cookie again when
 * `renewed`). Expired sessions and sessions of disabled accounts are deleted and give null.
 */
export function validateSessionToken(db: Kysely<Database>, token: string, now: number): Promise<ValidSession | null> {
  return readSession(db, token, now, true)
}

/**
 * The same check without renewing: for the collab server, which has no response to carry a new cookie.
 * Renewing there would move the expiry in the database only, so the API would never re-send the cookie
 * and the browser would drop it at the old expiry while the session still ran.
 */
export function checkSessionToken(db: Kysely<Database>, token: string, now: number): Promise<ValidSession | null> {
  return readSession(db, token, now, false)
}

async function readSession(db: Kysely<Database>, token: string, now: number, renew: boolean): Promise<ValidSession | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null
  const id = hashToken(token)
  const row = await findSessionWithUser(db, id)
  if (!row) return null
  if (row.disabled_at !== null) {
    await deleteSession(db, id)
    return null
  }
  const verdict = judgeSession({ createdAt: row.created_at, expiresAt: row.expires_at }, now)
  if (verdict.kind === 'expired') {
    await deleteSession(db, id)
    return null
  }
  if (verdict.kind === 'renew' && renew) {
    await setSessionExpiry(db, id, verdict.expiresAt)
    return { id, userId: row.user_id, createdAt: row.created_at, expiresAt: verdict.expiresAt, renewed: true }
  }
  return { id, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at, renewed: false }
}

/** The signed-in person as the permission rules see them. */
export async function loadActor(db: Kysely<Database>, userId: string): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'is_secretariat', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user || user.disabled_at !== null) return null
  return { userId: user.id, isSecretariat: user.is_secretariat === 1, roles: await rolesOfUser(db, userId) }
}
