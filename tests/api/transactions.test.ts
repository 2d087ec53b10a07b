/**
 * Changes that write several rows commit them together or not at all: when the audit event of a
 * sign-in, sign-out or session revocation cannot be written, the session change is rolled back too; when
 * the session that setup, a password reset or accepting an invitation signs in with cannot be created,
 * the account, the new password, the used link and the membership are rolled back with it.
 * The failure is injected with a temporary trigger on the hub's own SQLite connection.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { issueOneTimeToken } from '../../db/queries/one-time-tokens.ts'
import { newId } from '../../db/ids.ts'
import { generateToken, hashToken } from '../../db/tokens.ts'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
beforeAll(async () => {
  hub = await startTestHub()
})
afterAll(() => hub.close())
afterEach(() => {
  hub.conn.sqlite.exec('DROP TRIGGER IF EXISTS temp.audit_unavailable')
  hub.conn.sqlite.exec('DROP TRIGGER IF EXISTS temp.sessions_unavailable')
})

/** From now on, writing an audit event with this action fails. */
function failAuditOf(action: string) {
  hub.conn.sqlite.exec(
    `CREATE TEMP TRIGGER audit_unavailable BEFORE INSERT ON audit_events WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`,
  )
}

/** From now on, creating a session on this hub fails. */
function failSessions(on: TestHub = hub) {
  on.conn.sqlite.exec(`CREATE TEMP TRIGGER sessions_unavailable BEFORE INSERT ON sessions BEGIN SELECT RAISE(ABORT, 'sessions unavailable'); END`)
}

const sessionCount = () => (hub.conn.sqlite.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n
const sessionExists = (cookie: string) =>
  !!hub.conn.sqlite.prepare('SELECT 1 FROM sessions WHERE id = ?').get(hashToken(cookie.split('=')[1]))

describe('one transaction per change', () => {
  it('sign-in: no session is left behind when its audit event fails', async () => {
    const before = sessionCount()
    failAuditOf('auth.login')
    const res = await hub.request('POST', '/api/auth/login', { json: { email: ADMIN.email, password: ADMIN.password } })
    expect(res.status).toBe(500)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(sessionCount()).toBe(before)
  })

  it('sign-out: the session stays when its audit event fails', async () => {
    const cookie = await hub.signIn(ADMIN.email, ADMIN.password)
    failAuditOf('auth.logout')
    expect((await hub.request('POST', '/api/auth/logout', { cookie })).status).toBe(500)
    expect(sessionExists(cookie)).toBe(true)
  })

  it('revoking a session: it stays when its audit event fails', async () => {
    const cookie = await hub.signIn(ADMIN.email, ADMIN.password)
    const other = await hub.signIn(ADMIN.email, ADMIN.password)
    failAuditOf('auth.session_revoked')
    const res = await hub.request('DELETE', `/api/me/sessions/${hashToken(other.split('=')[1])}`, { cookie })
    expect(res.status).toBe(500)
    expect(sessionExists(other)).toBe(true)
  })
})

describe('signing in a new or changed account', () => {
  it('setup: no account is created and the link stays usable when its session cannot be created', async () => {
    const fresh = await startTestHub({ adminEmail: undefined, adminPassword: undefined })
    try {
      if (fresh.bootstrap.kind !== 'setup_link') throw new Error('expected a setup link')
      const body = { token: fresh.bootstrap.token, email: 'first@example.org', password: 'first-password-1', displayName: 'First' }
      failSessions(fresh)
      const res = await fresh.request('POST', '/api/auth/setup', { json: body })
      expect(res.status).toBe(500)
      expect(res.headers.get('set-cookie')).toBeNull()
      expect(fresh.conn.sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 })
      expect(fresh.conn.sqlite.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'user.bootstrap'").get()).toEqual({ n: 0 })
      fresh.conn.sqlite.exec('DROP TRIGGER temp.sessions_unavailable')
      const again = await fresh.request('POST', '/api/auth/setup', { json: body })
      expect(again.status).toBe(200)
      expect(again.headers.get('set-cookie')).toContain('hub_session=')
    } finally {
      await fresh.close()
    }
  })

  it('password reset: the password, the other sessions and the link stay as they were', async () => {
    const person = await hub.makeUser()
    const { token } = await issueOneTimeToken(hub.conn.db, { purpose: 'password_reset', userId: person.id, createdBy: null, now: Date.now(), ttlMs: 3_600_000 })
    failSessions()
    const res = await hub.request('POST', `/api/auth/password-resets/${token}`, { json: { password: 'brand-new-password' } })
    expect(res.status).toBe(500)
    expect(hub.conn.sqlite.prepare('SELECT password_hash FROM users WHERE id = ?').get(person.id)).toEqual({ password_hash: null })
    expect(sessionExists(person.cookie)).toBe(true)
    expect(hub.conn.sqlite.prepare('SELECT used_at FROM one_time_tokens WHERE token_hash = ?').get(hashToken(token))).toEqual({ used_at: null })
    hub.conn.sqlite.exec('DROP TRIGGER temp.sessions_unavailable')
    expect((await hub.request('POST', `/api/auth/password-resets/${token}`, { json: { password: 'brand-new-password' } })).status).toBe(200)
    expect(sessionExists(person.cookie)).toBe(false)
  })

  it('accepting an invitation: no account, no membership, and the invitation still open', async () => {
    const token = generateToken()
    const chair = await hub.makeUser()
    await hub.addMember('data', chair.id, 'chair') // an invitation holds only while its sender may manage the body
    const email = `invited-${newId()}@example.org`
    await hub.conn.db
      .insertInto('invitations')
      .values({ id: newId(), body_id: await hub.bodyId('data'), email, role: 'member', token_hash: hashToken(token), invited_by: chair.id, created_at: Date.now(), expires_at: Date.now() + 86_400_000, accepted_at: null, accepted_by: null, revoked_at: null })
      .execute()
    failSessions()
    const res = await hub.request('POST', `/api/invitations/${token}/accept`, { json: { displayName: 'Invitee', password: 'invitee-password-1' } })
    expect(res.status).toBe(500)
    expect(hub.conn.sqlite.prepare('SELECT count(*) AS n FROM users WHERE email = ?').get(email)).toEqual({ n: 0 })
    expect(hub.conn.sqlite.prepare('SELECT accepted_at FROM invitations WHERE token_hash = ?').get(hashToken(token))).toEqual({ accepted_at: null })
    hub.conn.sqlite.exec('DROP TRIGGER temp.sessions_unavailable')
    const again = await hub.request('POST', `/api/invitations/${token}/accept`, { json: { displayName: 'Invitee', password: 'invitee-password-1' } })
    expect(again.status).toBe(200)
    expect(again.headers.get('set-cookie')).toContain('hub_session=')
  })
})
