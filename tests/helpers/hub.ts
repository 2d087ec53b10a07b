/**
 * A real hub for tests: a fresh SQLite file in a temp dir, the real HTTP server on a free port, and helpers
 * to make people and sign them in. Requests go over real HTTP with the hub's own Origin.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startHub, type Hub, type HubOptions } from '../../hub.ts'
import { createCollabServer } from '../../collab/server.ts'
import { newId } from '../../db/ids.ts'
import { createSession } from '../../db/session-auth.ts'
import { upsertMembership } from '../../db/queries/memberships.ts'
import type { Role } from '../../domain/roles.ts'

export const ADMIN = { email: 'admin@hub.test', password: 'admin-password-1' }

export interface TestHub extends Hub {
  dataDir: string
  /** A fetch bound to the hub, with Origin set, JSON bodies encoded and a JSON content type on every unsafe method. */
  request(method: string, path: string, opts?: { cookie?: string; json?: unknown; headers?: Record<string, string> }): Promise<Response>
  makeUser(opts?: { email?: string; name?: string; secretariat?: boolean; institutionId?: string | null }): Promise<{ id: string; email: string; cookie: string; sessionId: string }>
  makeInstitution(opts?: { nameEn?: string; country?: string }): Promise<string>
  addMember(bodySlug: string, userId: string, role: Role): Promise<void>
  bodyId(slug: string): Promise<string>
  signIn(email: string, password: string): Promise<string>
}

export async function startTestHub(opts: Partial<HubOptions> = {}): Promise<TestHub> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-'))
  const hub = await startHub({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    log: () => {},
    collab: ({ db, sqlite, now, publicUrl, trustProxy }) => createCollabServer({ db, sqlite, now, publicUrl, trustProxy, log: () => {} }),
    ...opts,
  })
  const { db } = hub.conn
  const now = opts.now ?? Date.now
  let counter = 0

  const request: TestHub['request'] = (method, p, o = {}) => {
    const headers: Record<string, string> = { origin: hub.url, ...o.headers }
    if (o.cookie) headers.cookie = o.cookie
    let body: string | undefined
    if (o.json !== undefined) body = typeof o.json === 'string' ? o.json : JSON.stringify(o.json)
    // As the web client does: every request that changes data says JSON, with a body or without one.
    if (o.json !== undefined || !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())) headers['content-type'] ??= 'application/json'
    return fetch(hub.url + p, { method, headers, body, redirect: 'manual' })
  }

  const bodyId = async (slug: string) => {
    const row = await db.selectFrom('bodies').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
    return row.id
  }

  return {
    ...hub,
    dataDir,
    bodyId,
    request,
    async makeUser(o = {}) {
      const n = ++counter
      const id = newId()
      const email = o.email ?? `person${n}-${id}@hub.test`
      await db
        .insertInto('users')
        .values({
          id,
          email,
          display_name: o.name ?? `Person ${n}`,
          institution_id: o.institutionId ?? null,
          locale: 'en',
          password_hash: null,
          is_secretariat: o.secretariat ? 1 : 0,
          disabled_at: null,
          created_at: now(),
        })
        .execute()
      const { token, session } = await createSession(db, id, now())
      return { id, email, cookie: `hub_session=${token}`, sessionId: session.id }
    },
    async makeInstitution(o = {}) {
      const id = newId()
      await db
        .insertInto('institutions')
        .values({ id, name_en: o.nameEn ?? `Institution ${++counter}`, name_zh: '机构', kind: 'think_tank', country: o.country ?? 'CN', joined_on: null, status: 'active', created_at: now() })
        .execute()
      return id
    },
    async addMember(slug, userId, role) {
      await upsertMembership(db, { bodyId: await bodyId(slug), userId, role, since: now() })
    },
    async signIn(email, password) {
      const res = await request('POST', '/api/auth/login', { json: { email, password } })
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
      const cookie = res.headers.get('set-cookie')!.split(';')[0]
      return cookie
    },
    async close() {
      await hub.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
