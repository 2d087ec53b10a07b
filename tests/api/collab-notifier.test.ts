/**
 * The API keeps open editors in step through the collab notifier, end to end: real API routes on a real
 * hub, stock y-websocket clients on its /collab endpoint. A demotion makes the connection read-only at
 * once; removal, a disabled account, sign-out and a password change close it (4403 / 4401).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPasswordHasher } from '../../api/auth/passwords.ts'
import { loadDocumentState } from '../../db/queries/document-state.ts'
import { docFromUpdate } from '../../domain/document-content.ts'
import { collabClient, typeParagraph, waitUntil, type HubClient } from '../helpers/collab-client.ts'
import { makeDocument } from '../helpers/documents.ts'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'

const PASSWORD = 'editor-password-1'
let hub: TestHub
let admin: string
let chair: Awaited<ReturnType<TestHub['makeUser']>>
let passwordHash = ''
const clients: HubClient[] = []

beforeAll(async () => {
  hub = await startTestHub()
  admin = await hub.signIn(ADMIN.email, ADMIN.password)
  chair = await hub.makeUser({ name: 'Chair' })
  await hub.addMember('data', chair.id, 'chair')
  passwordHash = await createPasswordHasher().hash(PASSWORD)
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await hub.close()
})

/** A member of the data group with a password, an open and synced editor on a fresh draft, and a watcher. */
async function editing() {
  const member = await hub.makeUser()
  await hub.addMember('data', member.id, 'member')
  await hub.conn.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', member.id).execute()
  const { id } = await makeDocument(hub, { body: 'data', state: 'draft', createdBy: chair.id })
  const editor = collabClient(hub, id, member.cookie)
  const watcher = collabClient(hub, id, chair.cookie)
  clients.push(editor, watcher)
  await Promise.all([editor.synced(), watcher.synced()])
  return { member, documentId: id, editor, watcher }
}

const stored = async (documentId: string) => docFromUpdate(await loadDocumentState(hub.conn.db, documentId)).getXmlFragment('default').toString()
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms))

describe('API changes reach open websockets', () => {
  it('changing a member to observer makes their open connection read-only', async () => {
    const { member, documentId, editor, watcher } = await editing()
    typeParagraph(editor.doc, 'written as a member')
    await waitUntil(() => watcher.doc.getXmlFragment('default').toString().includes('written as a member'), 5000, 'the member edit')
    const res = await hub.request('PATCH', `/api/bodies/data/members/${member.id}`, { cookie: chair.cookie, json: { role: 'observer' } })
    expect(res.status).toBe(200)
    typeParagraph(editor.doc, 'written as an observer')
    await settle()
    expect(watcher.doc.getXmlFragment('default').toString()).not.toContain('written as an observer')
    expect(await stored(documentId)).not.toContain('written as an observer')
    expect(editor.provider.wsconnected).toBe(true)
  })

  it('removing a member closes their connection with 4403', async () => {
    const { member, editor } = await editing()
    const closed = editor.nextClose()
    expect((await hub.request('DELETE', `/api/bodies/data/members/${member.id}`, { cookie: chair.cookie })).status).toBe(200)
    expect(await closed).toBe(4403)
  })

  it('disabling the account closes the connection (its sessions end: 4401)', async () => {
    const { member, editor } = await editing()
    const closed = editor.nextClose()
    expect((await hub.request('POST', `/api/users/${member.id}/disable`, { cookie: admin })).status).toBe(200)
    expect([4401, 4403]).toContain(await closed)
  })

  it('signing out closes the connection of that session with 4401', async () => {
    const { member, editor } = await editing()
    const closed = editor.nextClose()
    expect((await hub.request('POST', '/api/auth/logout', { cookie: member.cookie })).status).toBe(200)
    expect(await closed).toBe(4401)
  })

  it('changing the password closes the connections of the other sessions with 4401', async () => {
    const { member, editor } = await editing()
    const elsewhere = await hub.signIn(member.email, PASSWORD)
    const closed = editor.nextClose()
    const res = await hub.request('POST', '/api/me/password', { cookie: elsewhere, json: { currentPassword: PASSWORD, newPassword: 'another-password-2' } })
    expect(res.status).toBe(200)
    expect(await closed).toBe(4401)
  })
})
