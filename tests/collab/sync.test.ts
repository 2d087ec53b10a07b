import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sameState, startHarness, storedDoc, text, typeParagraph, waitFor, type Client, type Harness } from './harness.ts'

let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.close()
})

const converged = (clients: Client[], docId: string) => async () => {
  const stored = storedDoc(h.sqlite, docId)
  return clients.every((c) => sameState(c.doc, clients[0].doc)) && sameState(stored, clients[0].doc)
}

describe('sync between y-websocket clients', () => {
  it('two clients converge, and what they see is what is stored', async () => {
    const { writer, documentId } = await h.scenario()
    const a = h.client(documentId, writer)
    const b = h.client(documentId, writer)
    await Promise.all([a.synced(), b.synced()])
    typeParagraph(a.doc, 'from a')
    typeParagraph(b.doc, 'from b')
    await waitFor(converged([a, b], documentId), 5000, 'convergence')
    expect(text(a.doc)).toContain('from a')
    expect(text(a.doc)).toContain('from b')
  })

  it('ten clients editing at once converge', async () => {
    const { writer, documentId } = await h.scenario()
    const clients = Array.from({ length: 10 }, () => h.client(documentId, writer))
    await Promise.all(clients.map((c) => c.synced()))
    for (let round = 0; round < 5; round++) {
      clients.forEach((c, i) => typeParagraph(c.doc, `client ${i} round ${round}`))
      await new Promise((r) => setTimeout(r, 5))
    }
    await waitFor(converged(clients, documentId), 10_000, 'convergence of ten clients')
    expect(clients[0].doc.getXmlFragment('default').length).toBe(50)
  })

  it('a late joiner catches up with everything written before it came', async () => {
    const { writer, reader, documentId } = await h.scenario()
    const a = h.client(documentId, writer)
    await a.synced()
    for (let i = 0; i < 20; i++) typeParagraph(a.doc, `line ${i}`)
    await waitFor(() => sameState(storedDoc(h.sqlite, documentId), a.doc), 5000, 'stored')
    const late = h.client(documentId, reader)
    await late.synced()
    await waitFor(() => sameState(late.doc, a.doc), 5000, 'late joiner')
  })

  it('a client whose socket dropped reconnects and converges, including edits made while away', async () => {
    const { writer, documentId } = await h.scenario()
    const a = h.client(documentId, writer)
    const b = h.client(documentId, writer)
    await Promise.all([a.synced(), b.synced()])
    typeParagraph(a.doc, 'before')
    await waitFor(converged([a, b], documentId), 5000, 'first convergence')
    // Drop b's socket from under it (not a clean disconnect): the provider reconnects by itself.
    ;(b.provider.ws as unknown as { terminate(): void }).terminate()
    typeParagraph(b.doc, 'offline edit of b')
    typeParagraph(a.doc, 'edit of a while b was away')
    await waitFor(() => b.provider.wsconnected && b.provider.synced, 5000, 'reconnect')
    await waitFor(converged([a, b], documentId), 5000, 'convergence after reconnect')
    expect(text(a.doc)).toContain('offline edit of b')
  })

  it('a document is loaded once however many first connections arrive together', async () => {
    const { writer, documentId } = await h.scenario()
    const seed = new Y.Doc()
    typeParagraph(seed, 'stored before')
    h.sqlite
      .prepare('INSERT INTO document_updates (document_id, "update", user_id, at) VALUES (?, ?, ?, ?)')
      .run(documentId, Y.encodeStateAsUpdate(seed), writer.id, Date.now())
    const clients = Array.from({ length: 6 }, () => h.client(documentId, writer))
    await Promise.all(clients.map((c) => c.synced()))
    const loads = () => h.logs.filter((l) => l.msg === 'collab room loaded' && l.extra?.room === documentId)
    // Newcomers may be synced from the stored state before the room has finished loading.
    await waitFor(() => loads().length > 0, 5000, 'room loaded')
    expect(loads()).toHaveLength(1)
    for (const c of clients) expect(text(c.doc)).toContain('stored before')
  })

  it('a newcomer to a large document that is not loaded yet is synced from the stored state at once, then edits as usual', async () => {
    const { writer, documentId } = await h.scenario()
    const seed = new Y.Doc()
    for (let i = 0; i < 3000; i++) typeParagraph(seed, `Paragraph ${i} of a long consensus document. `.repeat(4))
    h.sqlite.prepare('INSERT INTO document_snapshots (document_id, state, up_to, at) VALUES (?, ?, 0, ?)').run(documentId, Y.encodeStateAsUpdate(seed), Date.now())
    typeParagraph(seed, 'and a tail entry')
    h.sqlite
      .prepare('INSERT INTO document_updates (document_id, "update", user_id, at) VALUES (?, ?, ?, ?)')
      .run(documentId, Y.encodeStateAsUpdate(seed, Y.encodeStateVector(storedDoc(h.sqlite, documentId))), writer.id, Date.now())
    const loaded = () => h.logs.some((l) => l.msg === 'collab room loaded' && l.extra?.room === documentId)
    const a = h.client(documentId, writer)
    await a.synced()
    expect(loaded()).toBe(false) // answered while the validator and the main thread were still loading it
    expect(sameState(a.doc, seed)).toBe(true)
    typeParagraph(a.doc, 'written right after opening')
    await waitFor(() => text(storedDoc(h.sqlite, documentId)).includes('written right after opening'), 10_000, 'edit stored')
    expect(loaded()).toBe(true)
    const b = h.client(documentId, writer)
    await waitFor(() => sameState(b.doc, a.doc), 5000, 'second client')
  })
})
