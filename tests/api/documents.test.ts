/**
 * A document's detail links it to its public edition, and the archive links each edition back to its
 * document, so the app never has to guess one from the other by matching titles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeDocument } from '../helpers/documents.ts'
import { startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
let chair: Awaited<ReturnType<TestHub['makeUser']>>

const get = async (path: string, cookie?: string) => {
  const res = await hub.request('GET', path, { cookie })
  return { status: res.status, body: await res.json() }
}

beforeAll(async () => {
  hub = await startTestHub()
  chair = await hub.makeUser({ name: 'Chair' })
  await hub.addMember('data', chair.id, 'chair')
  await hub.addMember('ai-standards', chair.id, 'chair')
})
afterAll(() => hub.close())

describe('GET /api/documents/:id', () => {
  it('names no publication for a document never published', async () => {
    const { id } = await makeDocument(hub, { body: 'data', state: 'agreed', createdBy: chair.id })
    expect((await get(`/api/documents/${id}`, chair.cookie)).body.publication).toBeNull()
  })

  it('names the newest edition of a published document, and keeps it while a revision is in progress', async () => {
    // Two documents with the same body, kind and titles: the link must not depend on telling them apart by title.
    const title = 'Twin titles for data flows'
    const first = await makeDocument(hub, { body: 'data', state: 'published', createdBy: chair.id, title })
    const second = await makeDocument(hub, { body: 'data', state: 'published', createdBy: chair.id, title })
    const a = (await get(`/api/documents/${first.id}`, chair.cookie)).body.publication
    const b = (await get(`/api/documents/${second.id}`, chair.cookie)).body.publication
    expect(a).toEqual({ slug: 'twin-titles-for-data-flows', edition: 1 })
    expect(b).toEqual({ slug: 'twin-titles-for-data-flows-2', edition: 1 })

    const back = await hub.request('POST', `/api/documents/${first.id}/transitions`, { cookie: chair.cookie, json: { to: 'draft', reason: 'Annual review' } })
    expect(back.status).toBe(200)
    expect((await get(`/api/documents/${first.id}`, chair.cookie)).body).toMatchObject({ document: { state: 'draft' }, publication: a })
  })

  it("gives the body's parent kind, which the chair rules need", async () => {
    const { id } = await makeDocument(hub, { body: 'ai-standards', state: 'draft', createdBy: chair.id })
    expect((await get(`/api/documents/${id}`, chair.cookie)).body.body).toMatchObject({ slug: 'ai-standards', parentKind: 'committee' })
    const top = await makeDocument(hub, { body: 'data', state: 'draft', createdBy: chair.id })
    expect((await get(`/api/documents/${top.id}`, chair.cookie)).body.body).toMatchObject({ slug: 'data', parentId: null, parentKind: null })
  })
})

describe('GET /api/publications', () => {
  it('names the document each edition was published from, in the list and the detail', async () => {
    const { id } = await makeDocument(hub, { body: 'data', state: 'published', createdBy: chair.id, title: 'Archive back-link' })
    const list = await get('/api/publications?body=data&limit=100')
    const entry = list.body.publications.find((p: { slug: string }) => p.slug === 'archive-back-link')
    expect(entry).toMatchObject({ documentId: id, edition: 1 })
    expect((await get('/api/publications/archive-back-link')).body.publication).toMatchObject({ documentId: id })
  })
})
