/**
 * The inbox over the real hub: a call's notification carries its closing date as data (the app words it
 * in the reader's language), joined from the call itself; documents awaiting the person's action are
 * derived from state, the same list as the home page's, for chairs, participants and the secretariat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeDocument } from '../helpers/documents.ts'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
type Person = Awaited<ReturnType<TestHub['makeUser']>>
let chair: Person, member: Person, observer: Person, committeeChair: Person

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
  observer = await hub.makeUser({ name: 'Observer' })
  await hub.addMember('data', observer.id, 'observer')
  committeeChair = await hub.makeUser({ name: 'Committee Chair' })
  await hub.addMember('ai-committee', committeeChair.id, 'chair')
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

describe('documents awaiting my action', () => {
  const awaiting = async (cookie: string) => {
    const body = (await call('GET', '/api/me/notifications', cookie)).body
    // Only this suite's documents (the call opened above waits on the member too).
    const ours = new Set(Object.values(docs))
    return Object.fromEntries(body.awaiting.filter((d: { id: string }) => ours.has(d.id)).map((d: { id: string; reason: string }) => [d.id, d.reason])) as Record<string, string>
  }
  const docs: Record<string, string> = {}

  beforeAll(async () => {
    const make = async (name: string, body: string, state: Parameters<typeof makeDocument>[1]['state']) => {
      docs[name] = (await makeDocument(hub, { body, state, createdBy: chair.id, title: name })).id
    }
    await make('consultation', 'data', 'consultation')
    await make('agreed', 'data', 'agreed')
    await make('open call', 'data', 'consensus_call')
    await make('call past its date', 'data', 'consensus_call')
    await make('submitted', 'data', 'submitted')
    await make('draft', 'data', 'draft')
    await make('programme consultation', 'ai-standards', 'consultation')
    hub.conn.sqlite.prepare("UPDATE consensus_calls SET closes_at = ? WHERE document_id = ? AND status = 'open'").run(Date.now() - 1000, docs['call past its date'])
  })

  it('chairs: a consultation ready for a call, a call past its date to record, an agreed document to submit, a position of their own', async () => {
    const mine = await awaiting(chair.cookie)
    expect(mine[docs['consultation']]).toBe('open_call')
    expect(mine[docs['agreed']]).toBe('submit')
    expect(mine[docs['call past its date']]).toBe('record_finding')
    expect(mine[docs['open call']]).toBe('state_position')
    for (const d of ['submitted', 'draft', 'programme consultation']) expect(mine[docs[d]], d).toBeUndefined()
  })

  it('chairs of a committee: their programmes’ documents too', async () => {
    expect(await awaiting(committeeChair.cookie)).toEqual({ [docs['programme consultation']]: 'open_call' })
  })

  it('participants: open calls where their institution has stated no position yet', async () => {
    expect(await awaiting(member.cookie)).toEqual({ [docs['open call']]: 'state_position' })
    const [callRow] = await hub.conn.db.selectFrom('consensus_calls').select('id').where('document_id', '=', docs['open call']).execute()
    expect((await call('POST', `/api/consensus-calls/${callRow.id}/positions`, member.cookie, { stance: 'support' })).status).toBe(201)
    expect(await awaiting(member.cookie)).toEqual({})
    expect(await awaiting(observer.cookie)).toEqual({})
  })

  it('the secretariat: submitted documents to publish or return', async () => {
    const admin = await hub.signIn(ADMIN.email, ADMIN.password)
    expect(await awaiting(admin)).toEqual({ [docs['submitted']]: 'review' })
  })

  it('is the home page’s list, and not part of the unread count', async () => {
    const inbox = (await call('GET', '/api/me/notifications', chair.cookie)).body
    const home = (await call('GET', '/api/me/home', chair.cookie)).body
    expect(home.awaiting.map((d: { id: string; reason: string }) => [d.id, d.reason])).toEqual(inbox.awaiting.map((d: { id: string; reason: string }) => [d.id, d.reason]))
    expect(inbox.awaiting.find((d: { id: string }) => d.id === docs['open call'])).toMatchObject({ body: { slug: 'data' }, closesAt: expect.any(String), state: 'consensus_call' })
    const read = await call('POST', '/api/me/notifications/read', chair.cookie, { all: true })
    expect(read.body.unread).toBe(0)
    expect((await call('GET', '/api/me/notifications', chair.cookie)).body.awaiting).toHaveLength(inbox.awaiting.length)
  })
})
