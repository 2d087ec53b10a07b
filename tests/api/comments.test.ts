/**
 * Review over the real hub: comments anchored by the server for people without edit rights, threads,
 * resolving, suggestions decided by editors, mentions and the inbox, and bad input refused.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'
import { collabClient, typeParagraph, waitUntil, type HubClient } from '../helpers/collab-client.ts'
import { makeDocument } from '../helpers/documents.ts'

let hub: TestHub
type Person = Awaited<ReturnType<TestHub['makeUser']>>
let chair: Person, editor: Person, editor2: Person, observer: Person, outsider: Person
const clients: HubClient[] = []

const call = async (method: string, path: string, cookie: string, json?: unknown) => {
  const res = await hub.request(method, path, { cookie, json })
  return { status: res.status, body: await res.json() }
}

/** The first text node of the n-th paragraph in a client's copy. */
function textNode(doc: Y.Doc, paragraph = 0): Y.XmlText {
  const p = doc.getXmlFragment('default').get(paragraph) as Y.XmlElement
  return p.get(0) as Y.XmlText
}

/** Anchor JSON for the first occurrence of `quote` in paragraph `n`, as the editor would send it. */
function anchorFor(doc: Y.Doc, quote: string, n = 0) {
  const t = textNode(doc, n)
  const at = t.toString().indexOf(quote)
  if (at < 0) throw new Error(`"${quote}" not in "${t.toString()}"`)
  const enc = (i: number, assoc: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(t, i, assoc))).toString('base64')
  return { start: enc(at, 0), end: enc(at + quote.length, -1) }
}

async function draftWith(paragraphs: string[], state: 'draft' | 'consultation' = 'draft') {
  const { id } = await makeDocument(hub, { body: 'data', state, createdBy: chair.id, text: paragraphs.join('\n') })
  const c = collabClient(hub, id, editor.cookie)
  clients.push(c)
  await c.synced()
  return { id, client: c }
}

const plain = (doc: Y.Doc) => doc.getXmlFragment('default').toArray().map((p) => (p as Y.XmlElement).toArray().map((t) => (t as Y.XmlText).toString()).join('')).join('\n')

beforeAll(async () => {
  hub = await startTestHub()
  chair = await hub.makeUser({ name: 'Chair' })
  editor = await hub.makeUser({ name: 'Editor Eva' })
  editor2 = await hub.makeUser({ name: 'Editor Emil' })
  observer = await hub.makeUser({ name: 'Observer Olga' })
  outsider = await hub.makeUser({ name: 'Outsider Otto' })
  await hub.addMember('data', chair.id, 'chair')
  await hub.addMember('data', editor.id, 'member')
  await hub.addMember('data', editor2.id, 'member')
  await hub.addMember('data', observer.id, 'observer')
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await hub.close()
})

describe('comments', () => {
  it('an observer comments without edit rights: the server places the anchor and quotes the text', async () => {
    const { id, client } = await draftWith(['Data should flow with trust across borders.'])
    const created = await call('POST', `/api/documents/${id}/comments`, observer.cookie, { anchor: anchorFor(client.doc, 'with trust'), body: 'Define “trust”?' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ kind: 'comment', status: 'open', quote: 'with trust', originalQuote: 'with trust', contextBefore: 'Data should flow ', anchor: { detached: false } })
    expect(created.body.viewer).toMatchObject({ canReply: true, canResolve: true, canDelete: true })
    const reply = await call('POST', `/api/comments/${created.body.id}/replies`, editor.cookie, { body: 'Agreed, see OECD wording.' })
    expect(reply.status).toBe(201)
    const threads = (await call('GET', `/api/documents/${id}/comments`, chair.cookie)).body.threads
    expect(threads).toHaveLength(1)
    expect(threads[0].replies.map((r: { body: string }) => r.body)).toEqual(['Agreed, see OECD wording.'])
  })

  it('in consultation every signed-in person may comment; outside it a stranger cannot even see the draft', async () => {
    const { id: draft, client: c1 } = await draftWith(['A draft only the body sees.'])
    expect((await call('POST', `/api/documents/${draft}/comments`, outsider.cookie, { anchor: anchorFor(c1.doc, 'only'), body: 'hi' })).status).toBe(404)
    const { id, client } = await draftWith(['Open for consultation.'], 'consultation')
    const res = await call('POST', `/api/documents/${id}/comments`, outsider.cookie, { anchor: anchorFor(client.doc, 'consultation'), body: 'From a member institution outside the group.' })
    expect(res.status).toBe(201)
  })

  it('resolving: the thread author and chairs may; others may not; reopening works', async () => {
    const { id, client } = await draftWith(['Resolve me please.'])
    const t = (await call('POST', `/api/documents/${id}/comments`, editor.cookie, { anchor: anchorFor(client.doc, 'Resolve'), body: 'Typo?' })).body
    expect((await call('POST', `/api/comments/${t.id}/resolve`, editor2.cookie)).status).toBe(403)
    expect((await call('POST', `/api/comments/${t.id}/resolve`, observer.cookie)).status).toBe(403)
    expect((await call('POST', `/api/comments/${t.id}/resolve`, chair.cookie)).body.status).toBe('resolved')
    expect((await call('POST', `/api/comments/${t.id}/reopen`, editor.cookie)).body.status).toBe('open')
    expect((await call('POST', `/api/comments/${t.id}/resolve`, editor.cookie)).body.status).toBe('resolved')
    const listed = (await call('GET', `/api/documents/${id}/comments`, observer.cookie)).body.threads
    expect(listed[0]).toMatchObject({ status: 'resolved' })
  })

  it('permission matrix for comment, reply, resolve and delete', async () => {
    const { id, client } = await draftWith(['Matrix text for permissions.'])
    const actors = { chair, editor, editor2, observer, outsider }
    // expected status per action for each actor, on a thread started by `editor`
    const expected: Record<string, Record<keyof typeof actors, number>> = {
      comment: { chair: 201, editor: 201, editor2: 201, observer: 201, outsider: 404 },
      reply: { chair: 201, editor: 201, editor2: 201, observer: 201, outsider: 404 },
      resolve: { chair: 200, editor: 200, editor2: 403, observer: 403, outsider: 404 },
      delete: { chair: 200, editor: 200, editor2: 403, observer: 403, outsider: 404 },
    }
    const mismatches: string[] = []
    for (const [action, row] of Object.entries(expected)) {
      for (const [name, who] of Object.entries(actors)) {
        const thread = (await call('POST', `/api/documents/${id}/comments`, editor.cookie, { anchor: anchorFor(client.doc, 'permissions'), body: 'Thread by editor' })).body
        const res =
          action === 'comment'
            ? await call('POST', `/api/documents/${id}/comments`, who.cookie, { anchor: anchorFor(client.doc, 'Matrix'), body: 'x' })
            : action === 'reply'
              ? await call('POST', `/api/comments/${thread.id}/replies`, who.cookie, { body: 'y' })
              : action === 'resolve'
                ? await call('POST', `/api/comments/${thread.id}/resolve`, who.cookie)
                : await call('DELETE', `/api/comments/${thread.id}`, who.cookie)
        if (res.status !== row[name as keyof typeof actors]) mismatches.push(`${action} as ${name}: expected ${row[name as keyof typeof actors]}, got ${res.status}`)
      }
    }
    expect(mismatches).toEqual([])
  })

  it('a thread whose text was deleted stays listed as detached, after the attached ones', async () => {
    const { id, client } = await draftWith(['Keep this sentence.', 'Delete this sentence.'])
    const keep = (await call('POST', `/api/documents/${id}/comments`, editor.cookie, { anchor: anchorFor(client.doc, 'Keep', 0), body: 'fine' })).body
    const gone = (await call('POST', `/api/documents/${id}/comments`, editor.cookie, { anchor: anchorFor(client.doc, 'Delete this', 1), body: 'remove?' })).body
    const t = textNode(client.doc, 1)
    t.delete(0, t.length)
    await waitUntil(async () => (await call('GET', `/api/documents/${id}/comments`, editor.cookie)).body.threads.some((x: { anchor: { detached: boolean } }) => x.anchor.detached))
    const threads = (await call('GET', `/api/documents/${id}/comments`, editor.cookie)).body.threads
    expect(threads.map((x: { id: string }) => x.id)).toEqual([keep.id, gone.id])
    expect(threads[1]).toMatchObject({ originalQuote: 'Delete this', quote: '', anchor: { detached: true } })
  })
})

describe('anchors follow the text', () => {
  it('survive random concurrent edits around them by other clients (property-based)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ who: fc.integer({ min: 0, max: 1 }), side: fc.constantFrom('before', 'after', 'at-start', 'at-end'), op: fc.constantFrom('insert', 'delete'), text: fc.string({ minLength: 1, maxLength: 6 }).map((s) => s.replace(/[\u0000-\u001f]/g, 'x')) }), { minLength: 3, maxLength: 12 }),
        async (edits) => {
          const { id, client: a } = await draftWith(['Before text. ANCHORED WORDS. After text.'])
          const b = collabClient(hub, id, editor2.cookie)
          clients.push(b)
          await b.synced()
          const thread = (await call('POST', `/api/documents/${id}/comments`, observer.cookie, { anchor: anchorFor(a.doc, 'ANCHORED WORDS'), body: 'watch this' })).body
          for (const e of edits) {
            const doc = (e.who ? b : a).doc
            const t = textNode(doc)
            const s = t.toString()
            const from = s.indexOf('ANCHORED WORDS')
            const to = from + 'ANCHORED WORDS'.length
            if (e.op === 'insert') t.insert(e.side === 'before' ? Math.floor(from / 2) : e.side === 'after' ? to + Math.floor((s.length - to) / 2) : e.side === 'at-start' ? from : to, e.text)
            else if (e.side === 'before' && from > 0) t.delete(from - 1, 1)
            else if (e.side === 'after' && to < s.length) t.delete(to, 1)
          }
          await waitUntil(() => plain(a.doc) === plain(b.doc), 5000, 'clients converge')
          await waitUntil(async () => (await call('GET', `/api/documents/${id}/comments`, chair.cookie)).body.threads[0].quote === 'ANCHORED WORDS' && plain(a.doc).includes('ANCHORED WORDS'), 3000, 'anchor quote')
          const [t] = (await call('GET', `/api/documents/${id}/comments`, chair.cookie)).body.threads
          expect(t).toMatchObject({ id: thread.id, quote: 'ANCHORED WORDS', anchor: { detached: false } })
          b.destroy()
        },
      ),
      { numRuns: 12, seed: 4242 },
    )
  })
})

describe('suggestions', () => {
  it('two editors suggest concurrently; a third accepts one and rejects the other; every copy agrees', async () => {
    const { id, client: a } = await draftWith(['The parties shall share data promptly.'])
    const b = collabClient(hub, id, editor2.cookie)
    const c = collabClient(hub, id, chair.cookie)
    clients.push(b, c)
    await Promise.all([b.synced(), c.synced()])
    const [s1, s2] = await Promise.all([
      call('POST', `/api/documents/${id}/comments`, editor.cookie, { kind: 'suggestion', anchor: anchorFor(a.doc, 'shall'), proposal: 'should', body: 'Softer.' }),
      call('POST', `/api/documents/${id}/comments`, editor2.cookie, { kind: 'suggestion', anchor: anchorFor(b.doc, 'promptly'), proposal: 'without undue delay' }),
    ])
    expect([s1.status, s2.status]).toEqual([201, 201])
    expect(s1.body).toMatchObject({ kind: 'suggestion', quote: 'shall', proposal: 'should', author: { id: editor.id } })
    expect((await call('POST', `/api/comments/${s1.body.id}/accept`, observer.cookie)).status).toBe(403)
    expect((await call('POST', `/api/comments/${s1.body.id}/accept`, chair.cookie)).body.status).toBe('accepted')
    expect((await call('POST', `/api/comments/${s2.body.id}/reject`, chair.cookie)).body.status).toBe('rejected')
    const expected = 'The parties should share data promptly.'
    await waitUntil(() => [a, b, c].every((x) => plain(x.doc) === expected), 5000, 'all clients see the accepted suggestion')
    const server = (await call('GET', `/api/documents/${id}/authorship`, chair.cookie)).body.blocks.map((bl: Array<{ text: string }>) => bl.map((s) => s.text).join('')).join('\n')
    expect(server).toBe(expected)
  })

  it('two people deciding one suggestion at once: one decision holds, the replacement lands once', async () => {
    const { id, client } = await draftWith(['Data shall flow.'])
    const s = await call('POST', `/api/documents/${id}/comments`, editor.cookie, { kind: 'suggestion', anchor: anchorFor(client.doc, 'shall'), proposal: 'should' })
    const [first, second, third] = await Promise.all([
      call('POST', `/api/comments/${s.body.id}/accept`, chair.cookie),
      call('POST', `/api/comments/${s.body.id}/accept`, editor2.cookie),
      call('POST', `/api/documents/${id}/suggestions/accept-all`, editor.cookie),
    ])
    const single = [first, second].map((r) => r.status).sort()
    expect(single).toContain(409)
    const applied = single.filter((n) => n === 200).length + third.body.accepted
    expect(applied).toBe(1)
    await waitUntil(() => plain(client.doc) === 'Data should flow.', 5000, 'the replacement, once')
    const stored = (await call('GET', `/api/documents/${id}/authorship`, chair.cookie)).body.blocks.map((bl: Array<{ text: string }>) => bl.map((x) => x.text).join('')).join('\n')
    expect(stored).toBe('Data should flow.')
    // A reject after the accept is refused, and the thread stays accepted.
    expect((await call('POST', `/api/comments/${s.body.id}/reject`, chair.cookie)).body.error.code).toBe('not_open_suggestion')
    expect((await call('GET', `/api/documents/${id}/comments`, chair.cookie)).body.threads[0].status).toBe('accepted')
  })

  it('a deleted suggestion cannot be accepted: its text stays as it is', async () => {
    const { id, client } = await draftWith(['Keep every word here.'])
    const s = await call('POST', `/api/documents/${id}/comments`, editor.cookie, { kind: 'suggestion', anchor: anchorFor(client.doc, 'every'), proposal: 'no' })
    expect((await call('DELETE', `/api/comments/${s.body.id}`, editor.cookie)).status).toBe(200)
    expect((await call('POST', `/api/comments/${s.body.id}/accept`, chair.cookie)).body.error.code).toBe('not_open_suggestion')
    expect((await call('POST', `/api/documents/${id}/suggestions/accept-all`, chair.cookie)).body).toEqual({ accepted: 0, rejected: 0, skipped: 0 })
    expect(plain(client.doc)).toBe('Keep every word here.')
  })

  it('an accept that cannot be applied (its text is gone) leaves the suggestion open', async () => {
    const { id, client } = await draftWith(['Remove this sentence soon.'])
    const s = await call('POST', `/api/documents/${id}/comments`, editor.cookie, { kind: 'suggestion', anchor: anchorFor(client.doc, 'sentence'), proposal: 'line' })
    textNode(client.doc).delete(0, 'Remove this sentence soon.'.length)
    await waitUntil(async () => (await call('GET', `/api/documents/${id}/authorship`, chair.cookie)).body.blocks.flat().length === 0, 5000, 'the deletion is stored')
    expect((await call('POST', `/api/comments/${s.body.id}/accept`, chair.cookie)).status).toBe(409)
    expect((await call('GET', `/api/documents/${id}/comments`, chair.cookie)).body.threads[0].status).toBe('open')
  })

  it('accept all applies every open suggestion; a consensus call waits until none is open', async () => {
    const { id, client } = await draftWith(['Alpha beta gamma delta.'], 'consultation')
    await call('POST', `/api/documents/${id}/comments`, observer.cookie, { kind: 'suggestion', anchor: anchorFor(client.doc, 'beta'), proposal: 'BETA' })
    await call('POST', `/api/documents/${id}/comments`, outsider.cookie, { kind: 'suggestion', anchor: anchorFor(client.doc, 'delta'), proposal: '' })
    const blocked = await call('POST', `/api/documents/${id}/consensus-calls`, chair.cookie, { closesAt: new Date(Date.now() + 86_400_000).toISOString() })
    expect(blocked).toMatchObject({ status: 409, body: { error: { code: 'open_suggestions' } } })
    expect((await call('POST', `/api/documents/${id}/suggestions/accept-all`, editor.cookie)).body).toEqual({ accepted: 2, rejected: 0, skipped: 0 })
    await waitUntil(() => plain(client.doc) === 'Alpha BETA gamma .', 5000, 'accepted suggestions arrive')
    expect((await call('POST', `/api/documents/${id}/consensus-calls`, chair.cookie, { closesAt: new Date(Date.now() + 86_400_000).toISOString() })).status).toBe(201)
  })
})

describe('mentions and the inbox', () => {
  it('a mention names the person it notifies, whatever name the writer sent; a mention of nobody is plain text', async () => {
    const { id, client } = await draftWith(['Spoofed names here.'])
    const body = `@[The Secretariat](${editor2.id}) please sign off, and @[Ghost](nobody0000) too`
    const t = (await call('POST', `/api/documents/${id}/comments`, observer.cookie, { anchor: anchorFor(client.doc, 'names'), body })).body
    expect(t.body).toBe(`@[Editor Emil](${editor2.id}) please sign off, and @Ghost too`)
    const told = (await call('GET', '/api/me/notifications', editor2.cookie)).body.notifications.find((n: { commentId: string }) => n.commentId === t.id)
    expect(told.excerpt).toContain('@[Editor Emil]')
    expect(told.excerpt).not.toContain('Secretariat')
    const reply = (await call('POST', `/api/comments/${t.id}/replies`, editor.cookie, { body: `@[Chair Person](${observer.id}) done` })).body
    expect(reply.body).toBe(`@[Observer Olga](${observer.id}) done`)
  })

  it('a mention and a reply notify the right people, with unread counts', async () => {
    const { id, client } = await draftWith(['Mention target text.'])
    const before = (await call('GET', '/api/me/notifications', editor2.cookie)).body.unread
    const t = (await call('POST', `/api/documents/${id}/comments`, observer.cookie, { anchor: anchorFor(client.doc, 'target'), body: `@[Editor Emil](${editor2.id}) can you check? @[Otto](${outsider.id})` })).body
    const inbox = (await call('GET', '/api/me/notifications', editor2.cookie)).body
    expect(inbox.unread).toBe(before + 1)
    expect(inbox.notifications[0]).toMatchObject({ kind: 'mention', actorName: 'Observer Olga', document: { id }, commentId: t.id, read: false })
    // Otto cannot read this draft, so he is not told about it.
    expect((await call('GET', '/api/me/notifications', outsider.cookie)).body.notifications.filter((n: { document: { id: string } | null }) => n.document?.id === id)).toEqual([])
    await call('POST', `/api/comments/${t.id}/replies`, editor2.cookie, { body: 'Checked.' })
    const olga = (await call('GET', '/api/me/notifications', observer.cookie)).body
    expect(olga.notifications[0]).toMatchObject({ kind: 'reply', actorName: 'Editor Emil' })
    const read = await call('POST', '/api/me/notifications/read', editor2.cookie, { all: true })
    expect(read.body.unread).toBe(0)
  })

  it('a reply is not sent to an earlier participant who can no longer read the document', async () => {
    const { id, client } = await draftWith(['Consultation text for everyone.'], 'consultation')
    const otto = async () => (await call('GET', '/api/me/notifications', outsider.cookie)).body.notifications.filter((n: { document: { id: string } | null }) => n.document?.id === id)
    // In consultation every signed-in person comments, and hears replies.
    const t = (await call('POST', `/api/documents/${id}/comments`, outsider.cookie, { anchor: anchorFor(client.doc, 'everyone'), body: 'A question from outside.' })).body
    await call('POST', `/api/comments/${t.id}/replies`, editor.cookie, { body: 'Answered in public.' })
    expect(await otto()).toMatchObject([{ kind: 'reply', excerpt: 'Answered in public.' }])
    // Back to draft: the thread goes on among the members, and Otto is not told what they write.
    expect((await call('POST', `/api/documents/${id}/transitions`, chair.cookie, { to: 'draft', reason: 'Rework' })).status).toBe(200)
    expect((await call('GET', `/api/documents/${id}`, outsider.cookie)).status).toBe(404)
    expect((await call('POST', `/api/comments/${t.id}/replies`, editor.cookie, { body: 'Internal: we drop clause 2.' })).status).toBe(201)
    expect(await otto()).toMatchObject([{ kind: 'reply', excerpt: 'Answered in public.' }])
  })
})

describe('authorship', () => {
  /** A draft with Eva's and Emil's clients connected, after Eva wrote its first paragraph. */
  async function evaThenEmil() {
    const { id } = await makeDocument(hub, { body: 'data', state: 'draft', createdBy: chair.id })
    const a = collabClient(hub, id, editor.cookie)
    const b = collabClient(hub, id, editor2.cookie)
    clients.push(a, b)
    await Promise.all([a.synced(), b.synced()])
    typeParagraph(a.doc, 'Eva wrote this.')
    await waitUntil(() => plain(b.doc).includes('Eva'))
    return { id, a, b }
  }

  it('who wrote this: the text by author, for two authors', async () => {
    const { id, a, b } = await evaThenEmil()
    typeParagraph(b.doc, 'Emil wrote that.')
    await waitUntil(async () => (await call('GET', `/api/documents/${id}/authorship`, observer.cookie)).body.authors.length === 2, 5000, 'two authors')
    const view = (await call('GET', `/api/documents/${id}/authorship`, observer.cookie)).body
    expect(view.authors.map((x: { displayName: string }) => x.displayName).sort()).toEqual(['Editor Emil', 'Editor Eva'])
    expect(view.blocks).toEqual([[{ text: 'Eva wrote this.', authorId: editor.id }], [{ text: 'Emil wrote that.', authorId: editor2.id }]])
  })

  it("text written under someone else's client id is not shown as theirs", async () => {
    const { id, a, b } = await evaThenEmil()
    // A crafted client: Emil's connection writes with Eva's client id (the protocol cannot stop it).
    const own = b.doc.clientID
    const eva = a.doc.clientID
    b.doc.clientID = eva
    typeParagraph(b.doc, 'Forged by Emil.')
    b.doc.clientID = own // y-websocket's awareness is keyed by the id it started with
    await waitUntil(() => plain(a.doc).includes('Forged'), 5000, 'the forged edit to arrive')
    typeParagraph(a.doc, 'Eva again.') // Yjs gave Eva's client a new id when it saw its own used by another
    await waitUntil(() => plain(b.doc).includes('again'), 5000, 'Eva to write again')
    const authorship = async () => (await call('GET', `/api/documents/${id}/authorship`, observer.cookie)).body
    await waitUntil(async () => (await authorship()).blocks.length === 3, 5000, 'three blocks stored')
    const view = await authorship()
    expect(view.blocks).toEqual([[{ text: 'Eva wrote this.', authorId: null }], [{ text: 'Forged by Emil.', authorId: null }], [{ text: 'Eva again.', authorId: editor.id }]])
    expect(view.authors.map((x: { displayName: string }) => x.displayName)).toEqual(['Editor Eva'])
    const senders = hub.conn.sqlite.prepare('SELECT DISTINCT user_id FROM document_updates WHERE document_id = ?').all(id) as { user_id: string }[]
    expect(senders.map((r) => r.user_id).sort()).toEqual([editor.id, editor2.id].sort())
    a.doc.clientID = eva // as for Emil's: the provider's awareness is keyed by the first id
  })
})

describe('bad input', () => {
  it('hostile, oversized or control-character bodies are refused, and nothing is stored', async () => {
    const { id, client } = await draftWith(['Hostile input target.'])
    const anchor = anchorFor(client.doc, 'Hostile')
    const rows = () => hub.conn.sqlite.prepare('SELECT body, proposal FROM comments WHERE document_id = ? ORDER BY created_at').all(id)
    const hostile = ['<script>alert(1)</script><img src=x onerror=alert(2)>', '<iframe src="https://evil.example">', '<img src=x onerror=alert(2)>', '[click](javascript:alert(1))', 'bell\u0007', 'nul\u0000', 'C1\u0085']
    for (const body of hostile) {
      const res = await call('POST', `/api/documents/${id}/comments`, editor.cookie, { anchor, body })
      expect(res, body).toMatchObject({ status: 400, body: { error: { code: 'hostile_content' } } })
    }
    const proposal = await call('POST', `/api/documents/${id}/comments`, editor.cookie, { anchor, body: '', kind: 'suggestion', proposal: '<object data="x.swf"></object>' })
    expect(proposal).toMatchObject({ status: 400, body: { error: { code: 'hostile_content' } } })
    expect((await call('POST', `/api/documents/${id}/comments`, editor.cookie, { anchor, body: 'x'.repeat(10_001) })).status).toBe(400)
    expect((await call('POST', `/api/documents/${id}/comments`, editor.cookie, { anchor: { start: 'bm90IGEgcG9zaXRpb24=', end: 'AAAA' }, body: 'x' })).status).toBe(400)
    // Well-formed positions outside the text. Naming a root type that is not the document's, or landing on
    // a type that holds no elements, used to end in a 500 (the helper's two reports): now invalid_anchor.
    // One inside an item that is not a type has no place in the text, like deleted text: anchor_gone.
    const pos = (rel: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(rel)).toString('base64')
    const item = textNode(client.doc)._item!.id
    const crafted: [string, number, string][] = [
      [pos(Y.createRelativePositionFromJSON({ tname: 'comments', assoc: 0 })), 400, 'invalid_anchor'],
      ['AQEBAQ==', 400, 'invalid_anchor'],
      ['AQZkZWZhdWx0', 400, 'invalid_anchor'],
      [pos(Y.createRelativePositionFromJSON({ type: { client: item.client, clock: item.clock + 1 }, assoc: 0 })), 409, 'anchor_gone'],
    ]
    for (const [start, status, code] of crafted) {
      const res = await call('POST', `/api/documents/${id}/comments`, editor.cookie, { anchor: { start, end: anchor.end }, body: 'x' })
      expect(res, start).toMatchObject({ status, body: { error: { code } } })
    }
    expect(rows()).toEqual([])

    // People quote markup in reviews: ordinary < and > (and tabs, line breaks) are text, kept as written.
    const quoted = 'Keep a < b here, and use <em> rather than <b>.\n\tJavaScript: the good parts'
    const ok = await call('POST', `/api/documents/${id}/comments`, editor.cookie, { anchor, body: quoted })
    expect(ok).toMatchObject({ status: 201, body: { body: quoted } })
    for (const body of ['<script>alert(1)</script>', 'line\u000Bbreak']) {
      expect((await call('POST', `/api/comments/${ok.body.id}/replies`, chair.cookie, { body })).body.error.code).toBe('hostile_content')
    }
    expect(rows()).toEqual([{ body: quoted, proposal: null }])
  })

  it('comments on text that no longer exists, or on a published document, are refused', async () => {
    const { id, client } = await draftWith(['Soon gone.'])
    const anchor = anchorFor(client.doc, 'Soon')
    const t = textNode(client.doc)
    t.delete(0, t.length)
    await waitUntil(async () => (await call('GET', `/api/documents/${id}/compare?from=1&to=current`, editor.cookie)).status !== 500 || true)
    await new Promise((r) => setTimeout(r, 200))
    expect((await call('POST', `/api/documents/${id}/comments`, editor.cookie, { anchor, body: 'late' })).body.error.code).toBe('anchor_gone')
    const published = await makeDocument(hub, { body: 'data', state: 'published', createdBy: chair.id, text: 'Final text.' })
    const admin = await hub.signIn(ADMIN.email, ADMIN.password)
    const res = await call('POST', `/api/documents/${published.id}/comments`, admin, { anchor, body: 'too late' })
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'document_closed' } } })
  })
})
