/** Sign-in, sessions and cookies, against a real hub with a fake clock. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { issueOneTimeToken } from '../../db/queries/one-time-tokens.ts'
import { hashToken } from '../../db/tokens.ts'
import { DAY_MS } from '../../domain/session-policy.ts'
import { makeDocument } from '../helpers/documents.ts'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'

let clock = Date.parse('2026-01-01T00:00:00Z')
let hub: TestHub

const tokenOf = (cookie: string) => cookie.split('=')[1]
const me = (cookie: string) => hub.request('GET', '/api/me', { cookie })

async function personWithPassword(password = 'correct-horse-1') {
  const u = await hub.makeUser()
  const admin = await hub.signIn(ADMIN.email, ADMIN.password)
  const res = await hub.request('POST', `/api/users/${u.id}/password-reset`, { cookie: admin })
  const { link } = await res.json()
  const token = new URL(link).pathname.split('/').pop()!
  const set = await hub.request('POST', `/api/auth/password-resets/${token}`, { json: { password } })
  expect(set.status).toBe(200)
  return { ...u, password }
}

beforeAll(async () => {
  hub = await startTestHub({ now: () => clock })
})
afterAll(() => hub.close())

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax, Path=/ cookie and stores only the hash of the token', async () => {
    const res = await hub.request('POST', '/api/auth/login', { json: { email: ADMIN.email, password: ADMIN.password } })
    expect(res.status).toBe(200)
    const header = res.headers.get('set-cookie')!
    expect(header).toMatch(/^hub_session=[a-z2-7]{32};/)
    expect(header).toContain('HttpOnly')
    expect(header).toContain('SameSite=Lax')
    expect(header).toContain('Path=/')
    expect(header).not.toContain('Secure')
    const token = tokenOf(header.split(';')[0])
    const rows = await hub.conn.db.selectFrom('sessions').select('id').execute()
    expect(rows.map((r) => r.id)).toContain(hashToken(token))
    expect(rows.map((r) => r.id)).not.toContain(token)
    const raw = hub.conn.sqlite.prepare("SELECT count(*) AS n FROM sessions WHERE id LIKE ?").get(`%${token}%`) as { n: number }
    expect(raw.n).toBe(0)
  })

  it('accepts the email in any letter case', async () => {
    const res = await hub.request('POST', '/api/auth/login', { json: { email: ADMIN.email.toUpperCase(), password: ADMIN.password } })
    expect(res.status).toBe(200)
  })

  it('answers unknown email and wrong password identically, and audits the failure', async () => {
    const a = await hub.request('POST', '/api/auth/login', { json: { email: 'nobody@hub.test', password: 'whatever-123' } })
    const b = await hub.request('POST', '/api/auth/login', { json: { email: ADMIN.email, password: 'wrong-password' } })
    expect(a.status).toBe(401)
    expect(b.status).toBe(401)
    expect(await a.json()).toEqual(await b.json())
    const failures = await hub.conn.db.selectFrom('audit_events').selectAll().where('action', '=', 'auth.login_failed').execute()
    expect(failures.length).toBeGreaterThanOrEqual(2)
  })

  it('locks an email out after 10 failures in 15 minutes, for the rest of the window, even with the right password', async () => {
    const p = await personWithPassword()
    for (let i = 0; i < 10; i++) {
      const res = await hub.request('POST', '/api/auth/login', { json: { email: p.email, password: 'wrong-password' } })
      expect(res.status).toBe(401)
    }
    const locked = await hub.request('POST', '/api/auth/login', { json: { email: p.email, password: p.password } })
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await locked.json()).error.code).toBe('too_many_attempts')
    clock += 15 * 60 * 1000 + 1
    const later = await hub.request('POST', '/api/auth/login', { json: { email: p.email, password: p.password } })
    expect(later.status).toBe(200)
  })

  it('holds the limit against 30 parallel wrong-password attempts, and then refuses the right password too', async () => {
    const p = await personWithPassword()
    const attempts = await Promise.all(
      Array.from({ length: 30 }, () => hub.request('POST', '/api/auth/login', { json: { email: p.email, password: 'wrong-password' } })),
    )
    const statuses = attempts.map((r) => r.status)
    const evaluated = statuses.filter((s) => s === 401).length
    expect(evaluated).toBeLessThanOrEqual(10)
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - evaluated)
    const failures = await hub.conn.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'auth.login_failed')
      .where('data', 'like', `%${p.email}%`)
      .execute()
    expect(failures.length).toBeLessThanOrEqual(10)
    const right = await hub.request('POST', '/api/auth/login', { json: { email: p.email, password: p.password } })
    expect(right.status).toBe(429)
    expect((await right.json()).error.code).toBe('too_many_attempts')
  })

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const p = await personWithPassword()
    const admin = await hub.signIn(ADMIN.email, ADMIN.password)
    expect((await hub.request('POST', `/api/users/${p.id}/disable`, { cookie: admin })).status).toBe(200)
    const res = await hub.request('POST', '/api/auth/login', { json: { email: p.email, password: p.password } })
    expect(res.status).toBe(401)
    expect((await res.json()).error.code).toBe('invalid_credentials')
  })
})

describe('session lifetime', () => {
  it('renews when fewer than 15 days remain and expires after 30 idle days', async () => {
    const p = await personWithPassword()
    const cookie = await hub.signIn(p.email, p.password)
    const id = hashToken(tokenOf(cookie))
    const expiry = async () => (await hub.conn.db.selectFrom('sessions').select('expires_at').where('id', '=', id).executeTakeFirstOrThrow()).expires_at
    const first = await expiry()
    clock += 10 * DAY_MS
    const quiet = await me(cookie)
    expect(quiet.status).toBe(200)
    expect(quiet.headers.get('set-cookie')).toBeNull()
    expect(await expiry()).toBe(first)
    clock += 6 * DAY_MS
    const renewed = await me(cookie)
    expect(renewed.status).toBe(200)
    expect(renewed.headers.get('set-cookie')).toContain('hub_session=')
    expect(await expiry()).toBe(clock + 30 * DAY_MS)
    clock += 30 * DAY_MS
    expect((await me(cookie)).status).toBe(401)
  })

  it('ends for good 90 days after sign-in however active', async () => {
    const p = await personWithPassword()
    const start = clock
    const cookie = await hub.signIn(p.email, p.password)
    for (let day = 14; day < 90; day += 14) {
      clock = start + day * DAY_MS
      expect((await me(cookie)).status).toBe(200)
    }
    clock = start + 90 * DAY_MS
    expect((await me(cookie)).status).toBe(401)
  })
})

describe('renewal when the collab server sees the session first', () => {
  /** Opens a websocket to a document with the cookie, waits until it is open, and closes it. */
  async function openEditor(documentId: string, cookie: string): Promise<void> {
    const ws = new WebSocket(`${hub.url.replace(/^http/, 'ws')}/collab/${documentId}`, { headers: { cookie, origin: hub.url } })
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)))
      ws.once('error', reject)
    })
    ws.close()
  }

  it('a websocket upgrade does not renew the session, so the next API response still sends the renewed cookie', async () => {
    const p = await personWithPassword()
    await hub.addMember('data', p.id, 'member')
    const { id: documentId } = await makeDocument(hub, { body: 'data', state: 'draft', createdBy: p.id })
    const cookie = await hub.signIn(p.email, p.password)
    const id = hashToken(tokenOf(cookie))
    const expiry = async () => (await hub.conn.db.selectFrom('sessions').select('expires_at').where('id', '=', id).executeTakeFirstOrThrow()).expires_at
    const issued = await expiry()
    clock += 16 * DAY_MS
    await openEditor(documentId, cookie)
    expect(await expiry()).toBe(issued)
    const res = await me(cookie)
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toContain(`hub_session=${tokenOf(cookie)}`)
    expect(await expiry()).toBe(clock + 30 * DAY_MS)
  })
})

describe('ending sessions', () => {
  it('sign-out ends the session', async () => {
    const p = await personWithPassword()
    const cookie = await hub.signIn(p.email, p.password)
    const out = await hub.request('POST', '/api/auth/logout', { cookie })
    expect(out.status).toBe(200)
    expect(out.headers.get('set-cookie')).toMatch(/hub_session=;|Max-Age=0/)
    expect((await me(cookie)).status).toBe(401)
  })

  it('changing the password needs the current one and ends every other session', async () => {
    const p = await personWithPassword()
    const a = await hub.signIn(p.email, p.password)
    const b = await hub.signIn(p.email, p.password)
    const wrong = await hub.request('POST', '/api/me/password', { cookie: a, json: { currentPassword: 'nope', newPassword: 'another-password-2' } })
    expect(wrong.status).toBe(400)
    const ok = await hub.request('POST', '/api/me/password', { cookie: a, json: { currentPassword: p.password, newPassword: 'another-password-2' } })
    expect(ok.status).toBe(200)
    expect((await me(a)).status).toBe(200)
    expect((await me(b)).status).toBe(401)
    expect((await hub.request('POST', '/api/auth/login', { json: { email: p.email, password: 'another-password-2' } })).status).toBe(200)
  })

  it('an older password link dies when a newer one is issued, when one is used, on a password change and on disable', async () => {
    const admin = await hub.signIn(ADMIN.email, ADMIN.password)
    const issue = async (userId: string) => {
      const { link } = await (await hub.request('POST', `/api/users/${userId}/password-reset`, { cookie: admin })).json()
      return new URL(link).pathname.split('/').pop()!
    }
    const use = (token: string, password: string) => hub.request('POST', `/api/auth/password-resets/${token}`, { json: { password } })
    const expectDead = async (token: string) => {
      const res = await use(token, 'attacker-password-9')
      expect(res.status).toBe(410)
      expect((await res.json()).error.code).toBe('link_expired')
    }
    const p = await personWithPassword()
    // Issued again: the first link is withdrawn, the second works once.
    const first = await issue(p.id)
    const second = await issue(p.id)
    await expectDead(first)
    // Used: every other link still out there is withdrawn with it.
    const { token: third } = await issueOneTimeToken(hub.conn.db, { purpose: 'password_reset', userId: p.id, createdBy: null, now: clock, ttlMs: DAY_MS })
    expect((await use(second, 'second-password-2')).status).toBe(200)
    await expectDead(third)
    // A password change withdraws a link issued before it.
    const fourth = await issue(p.id)
    const cookie = await hub.signIn(p.email, 'second-password-2')
    expect((await hub.request('POST', '/api/me/password', { cookie, json: { currentPassword: 'second-password-2', newPassword: 'third-password-3' } })).status).toBe(200)
    await expectDead(fourth)
    // Disabling withdraws it too, so enabling the account again does not bring it back.
    const fifth = await issue(p.id)
    expect((await hub.request('POST', `/api/users/${p.id}/disable`, { cookie: admin })).status).toBe(200)
    expect((await hub.request('POST', `/api/users/${p.id}/enable`, { cookie: admin })).status).toBe(200)
    await expectDead(fifth)
    expect((await hub.request('POST', '/api/auth/login', { json: { email: p.email, password: 'third-password-3' } })).status).toBe(200)
  })

  it('lists my sessions and revokes one of them', async () => {
    const p = await personWithPassword()
    const a = await hub.signIn(p.email, p.password)
    const b = await hub.signIn(p.email, p.password)
    const { sessions } = await (await hub.request('GET', '/api/me/sessions', { cookie: a })).json()
    const listed = sessions.map((s: { id: string; current: boolean }) => [s.id, s.current])
    expect(listed).toContainEqual([hashToken(tokenOf(a)), true])
    expect(listed).toContainEqual([hashToken(tokenOf(b)), false])
    expect((await hub.request('DELETE', `/api/me/sessions/${hashToken(tokenOf(b))}`, { cookie: a })).status).toBe(200)
    expect((await me(b)).status).toBe(401)
    expect((await me(a)).status).toBe(200)
  })

  it('disabling an account ends all its sessions at once', async () => {
    const p = await personWithPassword()
    const cookie = await hub.signIn(p.email, p.password)
    const admin = await hub.signIn(ADMIN.email, ADMIN.password)
    await hub.request('POST', `/api/users/${p.id}/disable`, { cookie: admin })
    expect((await me(cookie)).status).toBe(401)
    const left = await hub.conn.db.selectFrom('sessions').select('id').where('user_id', '=', p.id).execute()
    expect(left).toEqual([])
  })
})

describe('cookies over HTTPS', () => {
  it('uses the __Host- prefix and Secure when the public URL is https', async () => {
    const secure = await startTestHub({ publicUrl: 'https://hub.example.org' })
    try {
      const res = await fetch(secure.url + '/api/auth/login', {
        method: 'POST',
        headers: { origin: 'https://hub.example.org', 'content-type': 'application/json' },
        body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
      })
      expect(res.status).toBe(200)
      const header = res.headers.get('set-cookie')!
      expect(header).toMatch(/^__Host-hub_session=/)
      expect(header).toContain('Secure')
      const cookie = header.split(';')[0]
      const who = await fetch(secure.url + '/api/me', { headers: { cookie } })
      expect(who.status).toBe(200)
    } finally {
      await secure.close()
    }
  })
})
