/**
 * "Your drafts" on the home page lists what a person created or wrote in, and keeps listing a co-written
 * draft after its room was unloaded and its update log compacted away (a real hub, a stock y-websocket
 * client, the log checked empty in the SQLite file before the home page is read).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCollabServer } from '../../collab/server.ts'
import { collabClient, typeParagraph, waitUntil, type HubClient } from '../helpers/collab-client.ts'
import { makeDocument } from '../helpers/documents.ts'
import { startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
const clients: HubClient[] = []

beforeAll(async () => {
  hub = await startTestHub({
    collab: ({ db, sqlite, now, publicUrl, trustProxy }) => createCollabServer({ db, sqlite, now, publicUrl, trustProxy, idleUnloadMs: 100, log: () => {} }),
  })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await hub.close()
})

const draftIds = async (cookie: string) => {
  const res = await hub.request('GET', '/api/me/home', { cookie })
  expect(res.status).toBe(200)
  return ((await res.json()).drafts as { id: string }[]).map((d) => d.id)
}

describe('home page drafts', () => {
  it('keeps a draft someone wrote in after its log was compacted, and leaves out one they only read', async () => {
    const chair = await hub.makeUser({ name: 'Chair' })
    const writer = await hub.makeUser({ name: 'Writer' })
    const reader = await hub.makeUser({ name: 'Reader' })
    await hub.addMember('data', chair.id, 'chair')
    await hub.addMember('data', writer.id, 'member')
    await hub.addMember('data', reader.id, 'member')
    const { id } = await makeDocument(hub, { body: 'data', state: 'draft', createdBy: chair.id })

    const writing = collabClient(hub, id, writer.cookie)
    const reading = collabClient(hub, id, reader.cookie)
    clients.push(writing, reading)
    await Promise.all([writing.synced(), reading.synced()])
    typeParagraph(writing.doc, 'a paragraph by the writer')
    await waitUntil(() => reading.doc.getXmlFragment('default').toString().includes('by the writer'), 5000, 'the edit to arrive')
    expect(await draftIds(writer.cookie)).toContain(id)

    writing.destroy()
    reading.destroy()
    const logRows = () =>
      hub.conn.db.selectFrom('document_updates').select((eb) => eb.fn.countAll<number>().as('n')).where('document_id', '=', id).executeTakeFirstOrThrow()
    await waitUntil(async () => (await logRows()).n === 0, 5000, 'the room to unload and compact its log')
    const snapshot = await hub.conn.db.selectFrom('document_snapshots').select('document_id').where('document_id', '=', id).executeTakeFirst()
    expect(snapshot).toBeDefined()

    expect(await draftIds(writer.cookie)).toContain(id)
    expect(await draftIds(chair.cookie)).toContain(id)
    expect(await draftIds(reader.cookie)).not.toContain(id)
  })

  it('leaves out a draft of a body the person was removed from', async () => {
    const chair = await hub.makeUser({ name: 'Chair Two' })
    const author = await hub.makeUser({ name: 'Author' })
    await hub.addMember('data', chair.id, 'chair')
    await hub.addMember('data', author.id, 'member')
    const { id } = await makeDocument(hub, { body: 'data', state: 'draft', createdBy: author.id })
    expect(await draftIds(author.cookie)).toContain(id)
    const removed = await hub.request('DELETE', `/api/bodies/data/members/${author.id}`, { cookie: chair.cookie })
    expect(removed.status).toBe(200)
    expect((await hub.request('GET', `/api/documents/${id}`, { cookie: author.cookie })).status).toBe(404)
    expect(await draftIds(author.cookie)).not.toContain(id)
  })
})

describe('home page activity', () => {
  it('names what happened without the invitee address that only chairs may see', async () => {
    const chair = await hub.makeUser({ name: 'Inviting Chair' })
    const observer = await hub.makeUser({ name: 'Watching Observer' })
    await hub.addMember('data', chair.id, 'chair')
    await hub.addMember('data', observer.id, 'observer')
    const invited = await hub.request('POST', '/api/bodies/data/invitations', { cookie: chair.cookie, json: { email: 'candidate@example.org', role: 'member' } })
    expect(invited.status).toBe(201)
    expect((await hub.request('GET', '/api/bodies/data/invitations', { cookie: observer.cookie })).status).toBe(403)
    const home = await (await hub.request('GET', '/api/me/home', { cookie: observer.cookie })).json()
    const event = home.activity.find((a: { action: string }) => a.action === 'invitation.created')
    expect(event).toMatchObject({ actorName: 'Inviting Chair', subjectType: 'body', data: {} })
    expect(JSON.stringify(home)).not.toContain('candidate@example.org')
    // The facts its sentences name are still there: a role change says from and to.
    const member = await hub.makeUser({ name: 'Promoted' })
    await hub.addMember('data', member.id, 'member')
    expect((await hub.request('PATCH', `/api/bodies/data/members/${member.id}`, { cookie: chair.cookie, json: { role: 'observer' } })).status).toBe(200)
    const after = await (await hub.request('GET', '/api/me/home', { cookie: observer.cookie })).json()
    expect(after.activity.find((a: { action: string }) => a.action === 'membership.role_changed')).toMatchObject({ data: { from: 'member', to: 'observer' } })
  })
})
