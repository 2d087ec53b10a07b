/**
 * The inbox over the real hub: a call's notification carries its closing date as data (the app words it
 * in the reader's language), joined from the call itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeDocument } from '../helpers/documents.ts'
import { startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
type Person = Awaited<ReturnType<TestHub['makeUser']>>
let chair: Person, member: Person

const call = async (method: string, path: string, cookie: string, json?: unknown) => {
  const res = await hub.request(method, path, { cookie, json })
  return { status: res.status, body: await res.json() }
}

beforeAll(async () => {
  hub = await startTestHub()
  chair = await hub.makeUser({ name: 'Chair', institutionId: await hub.makeInstitution({ nameEn: 'Chair Institute' }) })
  member = await hub.makeUser({ name: 'Member', institutionId: await hub.makeInstitution({ nameEn: 'Member Institute' }) })
  await hub.addMember('data', chair.id, 'chair')
  await hub.addMember('data', member.id, 'member')
})
afterAll(() => hub.close())

describe('call_opened notifications', () => {
  it('carry the closing date of the call as data', async () => {
    const { id } = await makeDocument(hub, { body: 'data', state: 'consultation', createdBy: chair.id, text: 'Call me.' })
    const closesAt = new Date(Date.now() + 10 * 86_400_000).toISOString()
    const opened = await call('POST', `/api/documents/${id}/consensus-calls`, chair.cookie, { closesAt })
    expect(opened.status).toBe(201)
    const inbox = (await call('GET', '/api/me/notifications', member.cookie)).body
    const n = inbox.notifications.find((x: { callId: string | null }) => x.callId === opened.body.id)
    expect(n).toMatchObject({ kind: 'call_opened', closesAt, document: { id } })
    const mention = await call('GET', '/api/me/notifications', chair.cookie)
    expect(mention.body.notifications.every((x: { closesAt: string | null }) => x.closesAt === null)).toBe(true)
  })
})
