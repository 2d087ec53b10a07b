/** First start: the first secretariat account from the environment, or a one-time setup link; never both. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/connection.ts'
import { startHub, type Hub } from '../../hub.ts'

const hubs: Hub[] = []
afterEach(async () => {
  while (hubs.length) await hubs.pop()!.close()
})

async function start(dataDir: string, env: { adminEmail?: string; adminPassword?: string } = {}, now = Date.now) {
  const lines: string[] = []
  const hub = await startHub({ dataDir, port: 0, host: '127.0.0.1', log: (l) => lines.push(l), now, ...env })
  hubs.push(hub)
  return { hub, lines }
}

const post = (hub: Hub, p: string, json: unknown) =>
  fetch(hub.url + p, { method: 'POST', headers: { origin: hub.url, 'content-type': 'application/json' }, body: JSON.stringify(json) })

describe('first account', () => {
  it('with HUB_ADMIN_EMAIL and HUB_ADMIN_PASSWORD: creates that secretariat account and prints no setup link', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-boot-'))
    const { hub, lines } = await start(dir, { adminEmail: 'Boss@Example.org', adminPassword: 'boss-password-1' })
    expect(hub.bootstrap).toEqual({ kind: 'admin_created', email: 'boss@example.org' })
    expect(lines.join('\n')).not.toContain('/setup/')
    const tokens = await hub.conn.db.selectFrom('one_time_tokens').selectAll().execute()
    expect(tokens).toEqual([])
    const login = await post(hub, '/api/auth/login', { email: 'boss@example.org', password: 'boss-password-1' })
    expect(login.status).toBe(200)
    expect((await login.json()).user.isSecretariat).toBe(true)
    await hub.close()
    hubs.pop()
    // Never again once an account exists, even with other credentials in the environment.
    const second = await start(dir, { adminEmail: 'other@example.org', adminPassword: 'other-password-1' })
    expect(second.hub.bootstrap).toEqual({ kind: 'existing' })
    expect(second.lines.join('\n')).not.toContain('/setup/')
    const users = await second.hub.conn.db.selectFrom('users').select('email').execute()
    expect(users).toEqual([{ email: 'boss@example.org' }])
  })

  it('without them: prints a one-time setup link valid for one hour that creates the secretariat account once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-boot-'))
    let clock = Date.now()
    const { hub, lines } = await start(dir, {}, () => clock)
    expect(hub.bootstrap.kind).toBe('setup_link')
    const link = lines.join('\n').match(/http:\/\/\S+\/setup\/([a-z2-7]{32})/)
    expect(link).not.toBeNull()
    const token = link![1]
    const stored = await hub.conn.db.selectFrom('one_time_tokens').select('token_hash').execute()
    expect(stored).toHaveLength(1)
    expect(stored[0].token_hash).not.toBe(token)

    const wrong = await post(hub, '/api/auth/setup', { token: 'a'.repeat(32), email: 'first@example.org', password: 'first-password-1', displayName: 'First' })
    expect(wrong.status).toBe(410)
    const created = await post(hub, '/api/auth/setup', { token, email: 'first@example.org', password: 'first-password-1', displayName: 'First' })
    expect(created.status).toBe(200)
    expect((await created.json()).user).toMatchObject({ email: 'first@example.org', isSecretariat: true })
    const reuse = await post(hub, '/api/auth/setup', { token, email: 'second@example.org', password: 'second-password-1', displayName: 'Second' })
    expect(reuse.status).toBe(410)
  })

  it('the setup link expires after one hour', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-boot-'))
    let clock = Date.now()
    const { hub, lines } = await start(dir, {}, () => clock)
    const token = lines.join('\n').match(/\/setup\/([a-z2-7]{32})/)![1]
    clock += 60 * 60 * 1000 + 1
    const late = await post(hub, '/api/auth/setup', { token, email: 'late@example.org', password: 'late-password-1', displayName: 'Late' })
    expect(late.status).toBe(410)
    expect(await hub.conn.db.selectFrom('users').select('id').execute()).toEqual([])
  })
})

describe('first account across restarts', () => {
  const linkIn = (lines: string[]) => lines.join('\n').match(/\/setup\/([a-z2-7]{32})/)?.[1]
  const setUp = (hub: Hub, token: string) => post(hub, '/api/auth/setup', { token, email: 'first@example.org', password: 'first-password-1', displayName: 'First' })

  it('each start without accounts withdraws the earlier setup links: only the newest works', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-boot-'))
    const first = await start(dir)
    const old = linkIn(first.lines)!
    await first.hub.close()
    hubs.pop()
    const second = await start(dir)
    const newest = linkIn(second.lines)!
    expect(newest).not.toBe(old)
    expect(await second.hub.conn.db.selectFrom('one_time_tokens').select('token_hash').execute()).toHaveLength(1)
    expect((await setUp(second.hub, old)).status).toBe(410)
    expect((await setUp(second.hub, newest)).status).toBe(200)
  })

  it('a restart after the setup link was used prints no new link', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-boot-'))
    const first = await start(dir)
    expect((await setUp(first.hub, linkIn(first.lines)!)).status).toBe(200)
    await first.hub.close()
    hubs.pop()
    const again = await start(dir)
    expect(again.hub.bootstrap).toEqual({ kind: 'existing' })
    expect(again.lines.join('\n')).not.toContain('/setup/')
    const usable = await again.hub.conn.db.selectFrom('one_time_tokens').select('token_hash').where('used_at', 'is', null).execute()
    expect(usable).toEqual([])
  })

  it.each([
    [{ adminEmail: 'boss@example.org' }, /HUB_ADMIN_EMAIL is set but HUB_ADMIN_PASSWORD is not/],
    [{ adminPassword: 'boss-password-1' }, /HUB_ADMIN_PASSWORD is set but HUB_ADMIN_EMAIL is not/],
    [{ adminEmail: 'boss@example.org', adminPassword: 'short' }, /HUB_ADMIN_PASSWORD must be at least 10 characters/],
    [{ adminEmail: 'not an email', adminPassword: 'boss-password-1' }, /HUB_ADMIN_EMAIL is not a valid email address/],
  ])('half or bad admin settings (%o) stop the start with a clear message and print no setup link', async (env, message) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-boot-'))
    const lines: string[] = []
    await expect(startHub({ dataDir: dir, port: 0, host: '127.0.0.1', log: (l) => lines.push(l), ...env })).rejects.toThrow(message)
    expect(lines.join('\n')).not.toContain('/setup/')
    const { db } = openDatabase(path.join(dir, 'hub.sqlite'))
    try {
      expect(await db.selectFrom('one_time_tokens').select('token_hash').execute()).toEqual([])
      expect(await db.selectFrom('users').select('id').execute()).toEqual([])
    } finally {
      await db.destroy()
    }
  })
})

describe('startup', () => {
  it('opens SQLite with WAL, synchronous=FULL, foreign keys and a busy timeout, and seeds the organisation', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-boot-'))
    const { hub } = await start(dir, { adminEmail: 'a@example.org', adminPassword: 'admin-password-1' })
    const { sqlite } = hub.conn
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(fs.existsSync(path.join(dir, 'hub.sqlite'))).toBe(true)
    const bodies = await hub.conn.db.selectFrom('bodies').select(['slug', 'parent_id', 'kind']).execute()
    expect(bodies.map((b) => b.slug).sort()).toEqual(
      ['ai-committee', 'ai-industry', 'ai-safety-governance', 'ai-standards', 'council', 'cross-border-ecommerce', 'data', 'members-assembly', 'secretariat', 'think-tanks', 'youth-leaders'].sort(),
    )
    const committee = bodies.find((b) => b.slug === 'ai-committee')!
    expect(bodies.filter((b) => b.parent_id !== null).every((b) => b.kind === 'programme')).toBe(true)
    expect(await hub.conn.db.selectFrom('bodies').select('slug').where('parent_id', '=', (await hub.conn.db.selectFrom('bodies').select('id').where('slug', '=', 'ai-committee').executeTakeFirstOrThrow()).id).execute()).toHaveLength(3)
    expect(committee.kind).toBe('committee')
  })
})
