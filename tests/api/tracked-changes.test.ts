/**
 * Tracked changes over the real hub: suggestion marks written by an editor through the collab server are
 * stored, rendered by the server with their author, and keep a consensus call from opening (409) until
 * an editor decides them; a read-only connection cannot write one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { collabClient, waitUntil, type HubClient } from '../helpers/collab-client.ts'
import { makeDocument } from '../helpers/documents.ts'
import { startTestHub, type TestHub } from '../helpers/hub.ts'
import { loadDocumentState } from '../../db/queries/document-state.ts'
import { docFromUpdate, toProsemirrorJSON } from '../../domain/document-content.ts'
import { trackedSuggestions } from '../../domain/suggestion-marks.ts'

let hub: TestHub
type Person = Awaited<ReturnType<TestHub['makeUser']>>
let chair: Person, editor: Person, observer: Person
const clients: HubClient[] = []

const call = async (method: string, path: string, cookie: string, json?: unknown) => {
  const res = await hub.request(method, path, { cookie, json })
  return { status: res.status, body: await res.json() }
}
const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()
const firstText = (doc: Y.Doc) => ((doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText)
const stored = async (id: string) => trackedSuggestions(toProsemirrorJSON(docFromUpdate(await loadDocumentState(hub.conn.db, id))))

async function connect(id: string, person: Person) {
  const c = collabClient(hub, id, person.cookie)
  clients.push(c)
  await c.synced()
  return c
}

beforeAll(async () => {
  hub = await startTestHub()
  chair = await hub.makeUser({ name: 'Chair Chen' })
  editor = await hub.makeUser({ name: 'Editor Eva' })
  observer = await hub.makeUser({ name: 'Observer Olga' })
  await hub.addMember('data', chair.id, 'chair')
  await hub.addMember('data', editor.id, 'member')
  await hub.addMember('data', observer.id, 'observer')
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await hub.close()
})

describe('tracked changes', () => {
  it('block a consensus call while one is open, and let it open once an editor has decided it', async () => {
    const { id } = await makeDocument(hub, { body: 'data', state: 'consultation', createdBy: chair.id, text: 'The parties shall share data.' })
    const eva = await connect(id, editor)
    const author = { id: 's-eva-1', authorId: editor.id, authorName: 'Editor Eva', at: Date.now() }
    // What the editor does in suggesting mode: "shall" marked deleted, "should" inserted after it.
    eva.doc.transact(() => {
      const t = firstText(eva.doc)
      t.format(12, 5, { deletion: author })
      t.insert(17, 'should', { insertion: author })
    })
    await waitUntil(async () => (await stored(id)).length === 1, 5000, 'the tracked change is stored')
    expect(await stored(id)).toEqual([{ id: 's-eva-1', kind: 'replacement', deleted: 'shall', inserted: 'should', breaks: false, authorId: editor.id, authorName: 'Editor Eva', at: author.at }])

    const named = await call('POST', `/api/documents/${id}/versions`, editor.cookie, { label: 'With a suggestion' })
    expect(named.status).toBe(201)
    const shown = await call('GET', `/api/documents/${id}/versions/${named.body.number}`, editor.cookie)
    expect(shown.body.html).toContain('<del class="suggestion suggestion-deletion" data-suggestion-id="s-eva-1"')
    expect(shown.body.html).toContain('data-author="Editor Eva"')

    const blocked = await call('POST', `/api/documents/${id}/consensus-calls`, chair.cookie, { closesAt: inFuture(7) })
    expect(blocked).toMatchObject({ status: 409, body: { error: { code: 'open_suggestions' } } })
    expect(blocked.body.error.message).toContain('1 open suggestion')
    // Nothing of the refused call stays behind: no freeze version, still in consultation.
    const versions = await call('GET', `/api/documents/${id}/versions`, chair.cookie)
    expect(versions.body.versions.map((v: { origin: string }) => v.origin)).toEqual(['named'])
    expect((await call('GET', `/api/documents/${id}`, chair.cookie)).body.document.state).toBe('consultation')

    // Accepting: the deleted text goes, the insertion keeps its text without the mark (an ordinary edit).
    eva.doc.transact(() => {
      const t = firstText(eva.doc)
      t.delete(12, 5)
      t.format(12, 6, { insertion: null })
    })
    await waitUntil(async () => (await stored(id)).length === 0, 5000, 'the decision is stored')
    const opened = await call('POST', `/api/documents/${id}/consensus-calls`, chair.cookie, { closesAt: inFuture(7) })
    expect(opened.status).toBe(201)
    const frozen = (await call('GET', `/api/documents/${id}/versions`, chair.cookie)).body.versions[0]
    const frozenText = await call('GET', `/api/documents/${id}/versions/${frozen.number}`, chair.cookie)
    expect(frozenText.body.html).toBe('<p>The parties should share data.</p>')
  })

  it('cannot be written over a read-only connection', async () => {
    const { id } = await makeDocument(hub, { body: 'data', state: 'consultation', createdBy: chair.id, text: 'Observed text.' })
    const olga = await connect(id, observer)
    const eva = await connect(id, editor)
    firstText(olga.doc).insert(0, 'Sneaky ', { insertion: { id: 's-olga', authorId: observer.id, authorName: 'Observer Olga', at: Date.now() } })
    // A later edit by an editor is stored: when it is, the observer's earlier one would have been too.
    firstText(eva.doc).insert(firstText(eva.doc).length, ' Edited.')
    await waitUntil(async () => toProsemirrorJSON(docFromUpdate(await loadDocumentState(hub.conn.db, id))).content?.[0].content?.[0].text === 'Observed text. Edited.', 5000, 'the editor’s edit is stored')
    expect(await stored(id)).toEqual([])
    expect((await call('POST', `/api/documents/${id}/consensus-calls`, chair.cookie, { closesAt: inFuture(7) })).status).toBe(201)
  })
})
