/**
 * Versions the hub names itself say so in a form the app can word in any language: a restored copy
 * carries the number it restores (stored in versions.restored_from), a freeze nobody labelled is
 * `namedByHub`, and the English label stays as stored for the API and the archive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeDocument } from '../helpers/documents.ts'
import { startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
let chair: Awaited<ReturnType<TestHub['makeUser']>>

const call = async (method: string, path: string, json?: unknown) => {
  const res = await hub.request(method, path, { cookie: chair.cookie, json })
  return { status: res.status, body: await res.json() }
}

beforeAll(async () => {
  hub = await startTestHub()
  chair = await hub.makeUser({ name: 'Chair' })
  await hub.addMember('data', chair.id, 'chair')
})
afterAll(() => hub.close())

describe('versions the hub names', () => {
  it('a restored copy names the version it restores; a person’s label is theirs', async () => {
    const { id } = await makeDocument(hub, { body: 'data', state: 'draft', createdBy: chair.id, text: 'First words.' })
    const saved = await call('POST', `/api/documents/${id}/versions`, { label: 'Restored from version 9' })
    expect(saved.body).toMatchObject({ number: 1, origin: 'named', restoredFrom: null, namedByHub: false })
    const restored = await call('POST', `/api/documents/${id}/versions/1/restore`)
    expect(restored).toMatchObject({ status: 200, body: { number: 2, origin: 'restore', restoredFrom: 1, namedByHub: true, label: 'Restored from version 1' } })
    const stored = hub.conn.sqlite.prepare('SELECT number, restored_from FROM versions WHERE document_id = ? ORDER BY number').all(id)
    expect(stored).toEqual([{ number: 1, restored_from: null }, { number: 2, restored_from: 1 }])
    const list = await call('GET', `/api/documents/${id}/versions`)
    expect(list.body.versions.map((v: { number: number; restoredFrom: number | null }) => [v.number, v.restoredFrom])).toEqual([[2, 1], [1, null]])
  })

  it('a freeze is named by the hub only when the chair gave it no label', async () => {
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString()
    const unlabelled = await makeDocument(hub, { body: 'data', state: 'consultation', createdBy: chair.id, text: 'Call text.' })
    expect((await call('POST', `/api/documents/${unlabelled.id}/consensus-calls`, { closesAt: inAWeek })).status).toBe(201)
    const labelled = await makeDocument(hub, { body: 'data', state: 'consultation', createdBy: chair.id, text: 'Call text.' })
    expect((await call('POST', `/api/documents/${labelled.id}/consensus-calls`, { closesAt: inAWeek, label: 'Text for the vote' })).status).toBe(201)
    expect((await call('GET', `/api/documents/${unlabelled.id}/versions`)).body.versions[0]).toMatchObject({ origin: 'freeze', label: 'Frozen for consensus call', namedByHub: true, restoredFrom: null })
    expect((await call('GET', `/api/documents/${labelled.id}/versions`)).body.versions[0]).toMatchObject({ origin: 'freeze', label: 'Text for the vote', namedByHub: false })
  })
})
