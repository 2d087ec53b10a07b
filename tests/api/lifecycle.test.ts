/**
 * A document's whole life over HTTP and the websocket: co-editing, consultation, a consensus call with
 * positions from several institutions, the finding, endorsements, submission and publication; the
 * published HTML is the agreed version's content; edits after the freeze are refused over the websocket;
 * a revision becomes a second edition while the first stays reachable.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'
import { collabClient, typeParagraph, waitUntil, type HubClient } from '../helpers/collab-client.ts'
import { makeDocument } from '../helpers/documents.ts'

let hub: TestHub
type Person = Awaited<ReturnType<TestHub['makeUser']>>
let chair: Person, alice: Person, bruno: Person, solo: Person, watcher: Person, outsider: Person
let admin: string
let documentId = ''
const clients: HubClient[] = []

const call = async (method: string, path: string, cookie: string, json?: unknown) => {
  const res = await hub.request(method, path, { cookie, json })
  return { status: res.status, body: await res.json() }
}
const storedText = (doc: Y.Doc) => doc.getXmlFragment('default').toString()
const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

beforeAll(async () => {
  hub = await startTestHub()
  admin = await hub.signIn(ADMIN.email, ADMIN.password)
  const inst = async (nameEn: string, country: string) => hub.makeInstitution({ nameEn, country })
  chair = await hub.makeUser({ name: 'Chen Chair', institutionId: await inst('Institute of Digital Policy', 'CN') })
  alice = await hub.makeUser({ name: 'Alice', institutionId: await inst('Data Foundation', 'DE') })
  bruno = await hub.makeUser({ name: 'Bruno', institutionId: await inst('Instituto de Datos', 'BR') })
  solo = await hub.makeUser({ name: 'Solo Expert' })
  watcher = await hub.makeUser({ name: 'Watcher' })
  outsider = await hub.makeUser({ name: 'Outsider' })
  await hub.addMember('data', chair.id, 'chair')
  await hub.addMember('data', alice.id, 'member')
  await hub.addMember('data', bruno.id, 'member')
  await hub.addMember('data', solo.id, 'member')
  await hub.addMember('data', watcher.id, 'observer')
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await hub.close()
})

describe('from draft to published', () => {
  let freezeVersion = 0
  let callId = ''
  let slug = ''

  it('members co-edit a new draft in real time', async () => {
    const created = await call('POST', '/api/bodies/data/documents', chair.cookie, { kind: 'consensus_document', titleEn: 'Principles for Cross-Border Data Flows', titleZh: '跨境数据流动原则', language: 'en' })
    expect(created.status).toBe(201)
    documentId = created.body.id
    const a = collabClient(hub, documentId, alice.cookie)
    const b = collabClient(hub, documentId, bruno.cookie)
    clients.push(a, b)
    await Promise.all([a.synced(), b.synced()])
    typeParagraph(a.doc, 'Data should flow freely with trust across borders.')
    typeParagraph(b.doc, '促进数据跨境安全有序流动')
    await waitUntil(() => storedText(a.doc).includes('促进数据') && storedText(b.doc).includes('flow freely'), 5000, 'both edits on both clients')
    const saved = await call('POST', `/api/documents/${documentId}/versions`, alice.cookie, { label: 'Draft 1' })
    expect(saved).toMatchObject({ status: 201, body: { number: 1, label: 'Draft 1', origin: 'named' } })
    const v1 = await call('GET', `/api/documents/${documentId}/versions/1`, watcher.cookie)
    expect(v1.body.html).toContain('flow freely')
    expect(v1.body.html).toContain('促进数据跨境安全有序流动')
  })

  it('consultation opens the draft to every signed-in person for reading', async () => {
    expect((await call('GET', `/api/documents/${documentId}`, outsider.cookie)).status).toBe(404)
    const moved = await call('POST', `/api/documents/${documentId}/transitions`, chair.cookie, { to: 'consultation' })
    expect(moved).toMatchObject({ status: 200, body: { document: { state: 'consultation' } } })
    const read = await call('GET', `/api/documents/${documentId}`, outsider.cookie)
    expect(read).toMatchObject({ status: 200, body: { viewer: { access: 'read' } } })
  })

  it('opening the consensus call freezes the text on a saved version, and the websocket refuses edits', async () => {
    const [a, b] = clients
    const opened = await call('POST', `/api/documents/${documentId}/consensus-calls`, chair.cookie, { closesAt: inFuture(14) })
    expect(opened.status).toBe(201)
    callId = opened.body.id
    freezeVersion = opened.body.versionNumber
    expect(freezeVersion).toBe(2)
    const doc = await call('GET', `/api/documents/${documentId}`, alice.cookie)
    expect(doc.body).toMatchObject({ document: { state: 'consensus_call' }, viewer: { access: 'read', readOnlyReason: 'frozen' } })

    const before = storedText(b.doc)
    typeParagraph(a.doc, 'A sneaky late edit.')
    await new Promise((r) => setTimeout(r, 400))
    expect(storedText(b.doc)).toBe(before)
    const stored = await call('GET', `/api/documents/${documentId}/compare?from=${freezeVersion}&to=current`, chair.cookie)
    expect(stored.body.rows.every((r: { kind: string }) => r.kind === 'same')).toBe(true)
  })

  it('each institution states one position; later casts replace earlier ones and the history stays', async () => {
    const base = `/api/consensus-calls/${callId}/positions`
    expect((await call('POST', base, bruno.cookie, { stance: 'concern' })).body.error.code).toBe('reason_required')
    expect((await call('POST', base, bruno.cookie, { stance: 'concern', reason: 'Localisation rules need a carve-out.' })).status).toBe(201)
    expect((await call('POST', base, bruno.cookie, { stance: 'formal_objection', reason: 'Without the carve-out we cannot join.' })).status).toBe(201)
    expect((await call('POST', base, alice.cookie, { stance: 'support' })).status).toBe(201)
    expect((await call('POST', base, watcher.cookie, { stance: 'support' })).status).toBe(403)
    const view = await call('GET', `/api/consensus-calls/${callId}`, chair.cookie)
    expect(view.body.tally).toMatchObject({ support: 1, formal_objection: 1, concern: 0, responded: 2, participants: 4 })
    const waiting = view.body.participants.filter((p: { position: unknown }) => !p.position).map((p: { name: string }) => p.name)
    expect(waiting.sort()).toEqual(['Institute of Digital Policy', 'Solo Expert'])
    expect(view.body.history).toHaveLength(3)
    expect(view.body.participants.find((p: { name: string }) => p.name === 'Instituto de Datos').position).toMatchObject({ stance: 'formal_objection', reason: 'Without the carve-out we cannot join.' })
    expect((await call('POST', base, chair.cookie, { stance: 'support' })).status).toBe(201)
    expect((await call('POST', base, solo.cookie, { stance: 'abstain' })).status).toBe(201)
  })

  it('the finding must agree with the positions; every formal objection needs a disposition', async () => {
    const close = `/api/consensus-calls/${callId}/close`
    expect((await call('POST', close, alice.cookie, { finding: 'consensus' })).status).toBe(403)
    expect((await call('POST', close, chair.cookie, { finding: 'unanimous' })).body.error.code).toBe('finding_inconsistent')
    expect((await call('POST', close, chair.cookie, { finding: 'consensus' })).body.error.code).toBe('finding_inconsistent')
    expect((await call('POST', close, chair.cookie, { finding: 'consensus_with_dissent' })).body.error.code).toBe('disposition_required')
    const view = await call('GET', `/api/consensus-calls/${callId}`, chair.cookie)
    const objection = view.body.participants.find((p: { name: string }) => p.name === 'Instituto de Datos').position.id
    const noRationale = await call('POST', close, chair.cookie, { finding: 'consensus_with_dissent', dispositions: [{ positionId: objection, disposition: 'overruled' }] })
    expect(noRationale.body.error.code).toBe('rationale_required')
    const closed = await call('POST', close, chair.cookie, {
      finding: 'consensus_with_dissent',
      note: 'Agreed at the plenary of 3 June.',
      dispositions: [{ positionId: objection, disposition: 'overruled', rationale: 'The carve-out is covered by paragraph 4.' }],
    })
    expect(closed).toMatchObject({ status: 200, body: { status: 'closed', finding: 'consensus_with_dissent' } })
    expect((await call('GET', `/api/documents/${documentId}`, chair.cookie)).body.document.state).toBe('agreed')
  })

  it('a closed consensus record cannot change, through the API or raw SQL', async () => {
    expect((await call('POST', `/api/consensus-calls/${callId}/positions`, alice.cookie, { stance: 'abstain' })).body.error.code).toBe('call_closed')
    expect((await call('POST', `/api/consensus-calls/${callId}/close`, chair.cookie, { finding: 'no_consensus' })).body.error.code).toBe('call_closed')
    const { sqlite } = hub.conn
    expect(() => sqlite.prepare("UPDATE consensus_calls SET finding = 'unanimous' WHERE id = ?").run(callId)).toThrow(/immutable/)
    expect(() => sqlite.prepare('DELETE FROM positions').run()).toThrow(/immutable/)
    expect(() => sqlite.prepare("UPDATE positions SET stance = 'support'").run()).toThrow(/immutable/)
    expect(() => sqlite.prepare("UPDATE versions SET label = 'x'").run()).toThrow(/immutable/)
    expect(() => sqlite.prepare('INSERT INTO positions (call_id, participant_key, cast_by, stance, reason, at) VALUES (?, ?, ?, ?, ?, ?)').run(callId, 'x', alice.id, 'support', '', 1)).toThrow(/closed/)
  })

  it('institutions endorse the agreed version once each', async () => {
    expect((await call('POST', `/api/documents/${documentId}/endorsements`, alice.cookie)).status).toBe(201)
    expect((await call('POST', `/api/documents/${documentId}/endorsements`, alice.cookie)).body.error.code).toBe('already_endorsed')
    const second = await call('POST', `/api/documents/${documentId}/endorsements`, chair.cookie)
    expect(second.body).toMatchObject({ institutions: 2, countries: 2 })
    expect((await call('POST', `/api/documents/${documentId}/endorsements`, solo.cookie)).body.error.code).toBe('no_institution')
  })

  it('the chair submits; only the secretariat publishes, rendering the agreed version on the server', async () => {
    expect((await call('POST', `/api/documents/${documentId}/transitions`, chair.cookie, { to: 'published' })).status).toBe(403)
    expect((await call('POST', `/api/documents/${documentId}/transitions`, chair.cookie, { to: 'submitted' })).status).toBe(200)
    const published = await call('POST', `/api/documents/${documentId}/transitions`, admin, { to: 'published' })
    expect(published).toMatchObject({ status: 200, body: { document: { state: 'published' }, publication: { edition: 1 } } })
    slug = published.body.publication.slug
    expect(slug).toBe('principles-for-cross-border-data-flows')

    const agreed = await call('GET', `/api/documents/${documentId}/versions/${freezeVersion}`, chair.cookie)
    const pub = await call('GET', `/api/publications/${slug}`, outsider.cookie)
    expect(pub.body.publication.html).toBe(agreed.body.html)
    expect(pub.body.publication.html).not.toContain('sneaky')
    expect(pub.body.publication.htmlSha256).toBe(createHash('sha256').update(agreed.body.html).digest('hex'))
    expect(pub.body.publication.endorsements).toEqual({ institutions: 2, countries: 2 })

    const page = await fetch(`${hub.url}/p/${slug}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Data should flow freely with trust across borders.')
    expect(html).toContain('Endorsed by 2 institutions from 2 countries')
    expect(html).toContain(pub.body.publication.htmlSha256)
    expect(html).toContain('@media print')
    const docx = await fetch(`${hub.url}/p/${slug}/1/download.docx`)
    expect(docx.headers.get('content-type')).toContain('wordprocessingml')
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK')
    const md = await (await fetch(`${hub.url}/p/${slug}/1/download.md`)).text()
    expect(md).toContain('促进数据跨境安全有序流动')
  })

  it('the published record cannot change through raw SQL: publications, endorsements, dispositions and the rest', () => {
    const { sqlite } = hub.conn
    const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    // Every table the migrations guard with triggers, each with rows to refuse changing.
    const guarded: Array<[table: string, update: string, message: RegExp]> = [
      ['publications', "UPDATE publications SET html = '<p>forged</p>'", /immutable/],
      ['endorsements', "UPDATE endorsements SET signed_by = 'someone-else'", /immutable/],
      ['dispositions', "UPDATE dispositions SET disposition = 'withdrawn', rationale = 'rewritten'", /immutable/],
      ['positions', "UPDATE positions SET reason = 'rewritten'", /immutable/],
      ['versions', "UPDATE versions SET sha256 = 'forged'", /immutable/],
      ['consensus_calls', "UPDATE consensus_calls SET finding_note = 'rewritten' WHERE status = 'closed'", /immutable/],
      ['audit_events', "UPDATE audit_events SET action = 'forged'", /append-only/],
    ]
    for (const [table, update, message] of guarded) {
      const before = count(table)
      expect(before, table).toBeGreaterThan(0)
      expect(() => sqlite.prepare(update).run(), `${table}: UPDATE`).toThrow(message)
      expect(() => sqlite.prepare(`DELETE FROM ${table}`).run(), `${table}: DELETE`).toThrow(message)
      expect(count(table), table).toBe(before)
    }
    expect(sqlite.prepare("SELECT count(*) AS n FROM publications WHERE html LIKE '%forged%'").get()).toEqual({ n: 0 })
    // A closed call takes no new disposition either.
    const position = sqlite.prepare("SELECT id, call_id FROM positions WHERE stance = 'support' LIMIT 1").get() as { id: number; call_id: string }
    expect(() => sqlite.prepare("INSERT INTO dispositions (position_id, call_id, disposition, rationale, recorded_by, at) VALUES (?, ?, 'addressed', '', ?, 1)").run(position.id, position.call_id, chair.id)).toThrow(/closed/)
  })

  it('nobody edits a published document, the secretariat included', async () => {
    const before = (await call('GET', `/api/documents/${documentId}/compare?from=${freezeVersion}&to=current`, admin)).body.rows
    for (const who of [alice, chair]) {
      const c = collabClient(hub, documentId, who.cookie)
      clients.push(c)
      await c.synced()
      typeParagraph(c.doc, `Edit by ${who.id}`)
    }
    const sec = collabClient(hub, documentId, admin)
    clients.push(sec)
    await sec.synced()
    typeParagraph(sec.doc, 'Secretariat edit')
    await new Promise((r) => setTimeout(r, 400))
    const after = (await call('GET', `/api/documents/${documentId}/compare?from=${freezeVersion}&to=current`, admin)).body.rows
    expect(after).toEqual(before)
    expect(after.every((r: { kind: string }) => r.kind === 'same')).toBe(true)
  })

  it('the archive finds it by an English word and a Chinese phrase; drafts never appear', async () => {
    await call('POST', '/api/bodies/data/documents', chair.cookie, { kind: 'proposal', titleEn: 'Unpublished zebra draft', titleZh: '未发布', language: 'en' })
    const search = async (q: string) => (await (await fetch(`${hub.url}/api/publications?q=${encodeURIComponent(q)}`)).json()).publications.map((p: { slug: string }) => p.slug)
    expect(await search('trust')).toEqual([slug])
    expect(await search('安全有序')).toEqual([slug])
    expect(await search('数据')).toEqual([slug])
    expect(await search('zebra')).toEqual([])
    expect(await search('sneaky')).toEqual([])
    const page = await (await fetch(`${hub.url}/publications?q=${encodeURIComponent('跨境')}`)).text()
    expect(page).toContain('Principles for Cross-Border Data Flows')
  })

  it('a revision becomes a second edition and the first stays reachable', async () => {
    expect((await call('POST', `/api/documents/${documentId}/transitions`, chair.cookie, { to: 'draft' })).body.error.code).toBe('reason_required')
    expect((await call('POST', `/api/documents/${documentId}/transitions`, chair.cookie, { to: 'draft', reason: 'Annual review' })).status).toBe(200)
    const writer = collabClient(hub, documentId, alice.cookie)
    clients.push(writer)
    await writer.synced()
    typeParagraph(writer.doc, 'Revised in the annual review.')
    await waitUntil(async () => {
      const rows = (await call('GET', `/api/documents/${documentId}/compare?from=${freezeVersion}&to=current`, chair.cookie)).body.rows
      return rows.some((r: { kind: string; right: Array<{ text: string }> }) => r.kind === 'added' && r.right.some((s) => s.text.includes('Revised in the annual review.')))
    })
    await call('POST', `/api/documents/${documentId}/transitions`, chair.cookie, { to: 'consultation' })
    const opened = await call('POST', `/api/documents/${documentId}/consensus-calls`, chair.cookie, { closesAt: inFuture(7) })
    for (const who of [chair, alice, bruno, solo]) await call('POST', `/api/consensus-calls/${opened.body.id}/positions`, who.cookie, { stance: 'support' })
    expect((await call('POST', `/api/consensus-calls/${opened.body.id}/close`, chair.cookie, { finding: 'unanimous' })).status).toBe(200)
    await call('POST', `/api/documents/${documentId}/transitions`, chair.cookie, { to: 'submitted' })
    const second = await call('POST', `/api/documents/${documentId}/transitions`, admin, { to: 'published' })
    expect(second.body.publication).toEqual({ slug, edition: 2 })
    expect(await (await fetch(`${hub.url}/p/${slug}`)).text()).toContain('Revised in the annual review.')
    const first = await (await fetch(`${hub.url}/p/${slug}/1`)).text()
    expect(first).not.toContain('Revised in the annual review.')
    expect(first).toContain('a newer edition exists')
  })
})

describe('a move made on what the mover saw', () => {
  it('is refused with state_changed once the document has moved on, and the audit names the state it left', async () => {
    const coChair = await hub.makeUser({ name: 'Co-chair' })
    await hub.addMember('data', coChair.id, 'chair')
    const { id } = await makeDocument(hub, { body: 'data', state: 'draft', createdBy: chair.id, text: 'Stale screens.' })
    expect((await call('POST', `/api/documents/${id}/transitions`, chair.cookie, { to: 'consultation', from: 'draft' })).status).toBe(200)
    // The co-chair, still looking at the draft, asks to withdraw it: they are told, nothing changes.
    const stale = await call('POST', `/api/documents/${id}/transitions`, coChair.cookie, { to: 'withdrawn', from: 'draft', reason: 'Dropped' })
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'state_changed' } } })
    expect((await call('GET', `/api/documents/${id}`, chair.cookie)).body.document.state).toBe('consultation')
    expect((await call('POST', `/api/documents/${id}/transitions`, chair.cookie, { to: 'draft', from: 'consultation', reason: 'More work' })).status).toBe(200)
    const moves = await hub.conn.db.selectFrom('audit_events').select('data').where('subject_id', '=', id).where('action', '=', 'document.transition').orderBy('id').execute()
    expect(moves.map((m) => JSON.parse(m.data).from)).toEqual(['draft', 'consultation'])
  })
})
