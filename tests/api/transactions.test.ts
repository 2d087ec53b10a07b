/**
 * Changes that write several rows commit them together or not at all: when the audit event of a
 * sign-in, sign-out or session revocation cannot be written, the session change is rolled back too.
 * The failure is injected with a temporary trigger on the hub's own SQLite connection.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { hashToken } from '../../db/tokens.ts'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
beforeAll(async () => {
  hub = await startTestHub()
})
afterAll(() => hub.close())
afterEach(() => {
  hub.conn.sqlite.exec('DROP TRIGGER IF EXISTS temp.audit_unavailable')
})

/** From now on, writing an audit event with this action fails. */
function failAuditOf(action: string) {
  hub.conn.sqlite.exec(
    `CREATE TEMP TRIGGER audit_unavailable BEFORE INSERT ON audit_events WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`,
  )
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
