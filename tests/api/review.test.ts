/**
 * The secretariat's review queue: submitted documents only, with their body, who submitted them and when,
 * and their endorsements; closed to everyone else; a document leaves it when published or returned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeDocument } from '../helpers/documents.ts'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
type Person = Awaited<ReturnType<TestHub['makeUser']>>
let chair: Person, member: Person
let admin: string

const call = async (method: string, path: string, cookie: string, json?: unknown) => {
  const res = await hub.request(method, path, { cookie, json })
  return { status: res.status, body: await res.json() }
}

beforeAll(async () => {
  hub = await startTestHub()
  admin = await hub.signIn(ADMIN.email, ADMIN.password)
  chair = await hub.makeUser({ name: 'Chen Chair', institutionId: await hub.makeInstitution({ nameEn: 'Chair Institute', country: 'CN' }) })
  member = await hub.makeUser({ name: 'Maria Member', institutionId: await hub.makeInstitution({ nameEn: 'Member Institute', country: 'BR' }) })
  await hub.addMember('data', chair.id, 'chair')
  await hub.addMember('data', member.id, 'member')
})
afterAll(() => hub.close())

describe('GET /api/review', () => {
  it('lists submitted documents with who submitted them, when, and their endorsements', async () => {
    const agreed = await makeDocument(hub, { body: 'data', state: 'agreed', createdBy: chair.id, title: 'Queue item' })
    await makeDocument(hub, { body: 'data', state: 'agreed', createdBy: chair.id, title: 'Not submitted yet' })
    for (const who of [chair, member]) expect((await call('POST', `/api/documents/${agreed.id}/endorsements`, who.cookie)).status).toBe(201)
    const before = Date.now()
    expect((await call('POST', `/api/documents/${agreed.id}/transitions`, chair.cookie, { to: 'submitted' })).status).toBe(200)

    const queue = await call('GET', '/api/review', admin)
    expect(queue.status).toBe(200)
    expect(queue.body.documents).toHaveLength(1)
    const [item] = queue.body.documents
    expect(item).toMatchObject({
      id: agreed.id,
      titleEn: 'Queue item',
      state: 'submitted',
      body: { slug: 'data', nameEn: expect.any(String), nameZh: expect.any(String) },
      submittedBy: { id: chair.id, displayName: 'Chen Chair' },
      endorsements: { institutions: 2, countries: 2 },
    })
    expect(Date.parse(item.submittedAt)).toBeGreaterThanOrEqual(before - 1000)
  })

  it('is the secretariat’s alone', async () => {
    for (const who of [chair, member]) expect((await call('GET', '/api/review', who.cookie)).body.error.code).toBe('forbidden')
  })

  it('lets go of a document once it is published or returned', async () => {
    const [item] = (await call('GET', '/api/review', admin)).body.documents
    const returned = await makeDocument(hub, { body: 'data', state: 'submitted', createdBy: chair.id, title: 'To return' })
    expect((await call('GET', '/api/review', admin)).body.documents.map((d: { id: string }) => d.id)).toEqual([item.id, returned.id])
    expect((await call('POST', `/api/documents/${item.id}/transitions`, admin, { to: 'published' })).status).toBe(200)
    expect((await call('POST', `/api/documents/${returned.id}/transitions`, admin, { to: 'draft', reason: 'Section 3 needs sources.' })).status).toBe(200)
    expect((await call('GET', '/api/review', admin)).body.documents).toEqual([])
  })
})
