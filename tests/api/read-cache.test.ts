/**
 * The read cache and the session cache serve from memory until any data changes (db/data-version.ts):
 * every write shows at once, through the API or a raw statement; revocations take effect on the next
 * request; ETags let a browser revalidate, and never across people; typing in a document (collab writes)
 * does not throw the caches away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'
import { collabClient, typeParagraph, waitUntil } from '../helpers/collab-client.ts'
import { makeDocument } from '../helpers/documents.ts'

let hub: TestHub
let admin: string

const get = (path: string, cookie: string, headers: Record<string, string> = {}) => hub.request('GET', path, { cookie, headers })
const names = async (res: Response) => ((await res.json()) as { institutions: { nameEn: string }[] }).institutions.map((i) => i.nameEn)

beforeAll(async () => {
  hub = await startTestHub()
  admin = await hub.signIn(ADMIN.email, ADMIN.password)
})
afterAll(() => hub.close())

describe('the read cache', () => {
  it('shows an API write at once, with a new ETag', async () => {
    const first = await get('/api/institutions', admin)
    const tag = first.headers.get('etag')!
    expect(tag).toMatch(/^W\/"/)
    expect((await get('/api/institutions', admin)).headers.get('etag')).toBe(tag)
    const created = await hub.request('POST', '/api/institutions', { cookie: admin, json: { nameEn: 'Cached Institute', nameZh: '缓存所', kind: 'think_tank', country: 'SG' } })
    expect(created.status).toBe(201)
    const after = await get('/api/institutions', admin)
    expect(after.headers.get('etag')).not.toBe(tag)
    expect(await names(after)).toContain('Cached Institute')
  })

  it('shows a raw SQL write at once too', async () => {
    await get('/api/institutions', admin)
    const id = await hub.makeInstitution({ nameEn: 'Before' })
    expect(await names(await get('/api/institutions', admin))).toContain('Before')
    hub.conn.sqlite.prepare('UPDATE institutions SET name_en = ? WHERE id = ?').run('After', id)
    const list = await names(await get('/api/institutions', admin))
    expect(list).toContain('After')
    expect(list).not.toContain('Before')
  })

  it('answers a matching If-None-Match with 304 and no body, but never with another person’s tag', async () => {
    const other = await hub.makeUser()
    const mine = await get('/api/bodies', admin)
    const tag = mine.headers.get('etag')!
    const again = await get('/api/bodies', admin, { 'if-none-match': tag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
    const theirs = await get('/api/bodies', other.cookie, { 'if-none-match': tag })
    expect(theirs.status).toBe(200)
    expect(theirs.headers.get('etag')).not.toBe(tag)
  })

  it('never answers someone else from another person’s entry: the audit log stays the secretariat’s', async () => {
    expect((await get('/api/audit?limit=5', admin)).status).toBe(200)
    expect((await get('/api/audit?limit=5', admin)).status).toBe(200) // answered before routing now
    const member = await hub.makeUser()
    const refused = await get('/api/audit?limit=5', member.cookie)
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden')
  })

  it('keeps lists per person: a role shows in the reader’s own list only', async () => {
    const chair = await hub.makeUser()
    const reader = await hub.makeUser()
    const role = async (cookie: string) => ((await (await get('/api/bodies', cookie)).json()) as { bodies: { slug: string; myRole: string | null }[] }).bodies.find((b) => b.slug === 'data')!.myRole
    expect(await role(chair.cookie)).toBeNull()
    await hub.addMember('data', chair.id, 'chair')
    expect(await role(chair.cookie)).toBe('chair')
    expect(await role(reader.cookie)).toBeNull()
  })

  it('answers a document from memory only to someone it authorized, and shows a change to it at once', async () => {
    const writer = await hub.makeUser()
    const outsider = await hub.makeUser()
    await hub.addMember('data', writer.id, 'member')
    const { id } = await makeDocument(hub, { body: 'data', state: 'draft', createdBy: writer.id, title: 'Kept draft' })
    const read = async (cookie: string) => {
      const res = await get(`/api/documents/${id}`, cookie)
      return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as { document: { titleEn: string }; viewer: { access: string } } }
    }
    const first = await read(writer.cookie)
    expect(first).toMatchObject({ status: 200, body: { document: { titleEn: 'Kept draft' }, viewer: { access: 'write' } } })
    expect((await read(writer.cookie)).etag).toBe(first.etag)
    // A draft is its body's business: someone outside is refused, with the writer's answer in the cache.
    expect((await read(outsider.cookie)).status).toBe(404)
    hub.conn.sqlite.prepare('UPDATE documents SET title_en = ? WHERE id = ?').run('Renamed draft', id)
    const after = await read(writer.cookie)
    expect(after.body.document.titleEn).toBe('Renamed draft')
    expect(after.etag).not.toBe(first.etag)
    // Removed from the body, the writer no longer gets the draft, cached or not.
    expect((await hub.request('DELETE', `/api/bodies/data/members/${writer.id}`, { cookie: admin })).status).toBe(200)
    expect((await read(writer.cookie)).status).toBe(404)
  })

  it('survives typing in a document: collab writes do not move the data version', async () => {
    const writer = await hub.makeUser()
    await hub.addMember('data', writer.id, 'member')
    const { id } = await makeDocument(hub, { body: 'data', state: 'draft', createdBy: writer.id })
    const before = (await get('/api/bodies', writer.cookie)).headers.get('etag')
    const client = collabClient(hub, id, writer.cookie)
    try {
      await client.synced()
      typeParagraph(client.doc, 'typed while the list stays cached')
      await waitUntil(async () => (await hub.conn.db.selectFrom('document_updates').select('id').where('document_id', '=', id).execute()).length > 0)
      expect((await get('/api/bodies', writer.cookie)).headers.get('etag')).toBe(before)
    } finally {
      client.destroy()
    }
  })
})

describe('the session cache', () => {
  it('signing out, a disabled account and a removed membership take effect on the next request', async () => {
    const person = await hub.makeUser()
    await hub.addMember('data', person.id, 'member')
    expect((await get('/api/me', person.cookie)).status).toBe(200)
    expect((await get('/api/me', person.cookie)).status).toBe(200) // now from the cache

    const removed = await hub.request('DELETE', `/api/bodies/data/members/${person.id}`, { cookie: admin })
    expect(removed.status).toBe(200)
    const me = (await (await get('/api/me', person.cookie)).json()) as { memberships: { slug: string }[] }
    expect(me.memberships.map((m) => m.slug)).not.toContain('data')

    expect((await hub.request('POST', `/api/users/${person.id}/disable`, { cookie: admin })).status).toBe(200)
    expect((await get('/api/me', person.cookie)).status).toBe(401)

    const other = await hub.makeUser()
    expect((await get('/api/me', other.cookie)).status).toBe(200)
    expect((await hub.request('POST', '/api/auth/logout', { cookie: other.cookie })).status).toBe(200)
    expect((await get('/api/me', other.cookie)).status).toBe(401)
  })
})
