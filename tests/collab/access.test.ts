import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DAY_MS } from '../../domain/session-policy.ts'
import { kindOf, paragraphUpdate, step1Frame, step2Frame, updateFrame } from './frames.ts'
import { closed, inbox, roundTrip, startHarness, storedDoc, text, UpgradeRefused, waitFor, type Harness } from './harness.ts'

let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.close()
})

const settle = (ms = 250) => new Promise((r) => setTimeout(r, ms))
const storedRows = (documentId: string) =>
  (h.sqlite.prepare('SELECT count(*) AS n FROM document_updates WHERE document_id = ?').get(documentId) as { n: number }).n

async function refusal(promise: Promise<unknown>): Promise<number> {
  try {
    await promise
  } catch (err) {
    if (err instanceof UpgradeRefused) return err.status
    throw err
  }
  throw new Error('the upgrade was accepted')
}

describe('the upgrade request is authenticated before any websocket exists', () => {
  it('refuses a request without a session cookie with 401', async () => {
    const { documentId } = await h.scenario()
    expect(await refusal(h.raw(documentId, null))).toBe(401)
  })

  it('refuses an expired session with 401', async () => {
    const { writer, documentId } = await h.scenario()
    h.clock.offset = 31 * DAY_MS
    expect(await refusal(h.raw(documentId, writer))).toBe(401)
  })

  it('refuses a foreign Origin with 403', async () => {
    const { writer, documentId } = await h.scenario()
    expect(await refusal(h.raw(documentId, writer, { origin: 'https://evil.example' }))).toBe(403)
  })

  it("refuses another body's draft with 403", async () => {
    const { documentId } = await h.scenario()
    const outsider = await h.user('Outsider')
    await h.member(await h.body(), outsider.id, 'member')
    expect(await refusal(h.raw(documentId, outsider))).toBe(403)
  })

  it('refuses an unknown document or a malformed path with 404', async () => {
    const { writer } = await h.scenario()
    expect(await refusal(h.raw('nosuchdocument', writer))).toBe(404)
    expect(await refusal(h.raw('a/b', writer))).toBe(404)
  })
})

describe('read-only connections', () => {
  it('get sync step 1 answered, but their sync step 2 and updates change nothing and reach nobody', async () => {
    const { writer, reader, documentId } = await h.scenario()
    const watcher = h.client(documentId, writer)
    await watcher.synced()
    const ws = await h.raw(documentId, reader)
    const received = inbox(ws)
    ws.send(step2Frame(paragraphUpdate('observer step 2')))
    ws.send(updateFrame(paragraphUpdate('observer update')))
    ws.send(step1Frame())
    await waitFor(() => received.some((m) => kindOf(m) === 'sync-step2'), 5000, 'step 2 answer')
    await settle()
    expect(ws.readyState).toBe(ws.OPEN)
    expect(text(watcher.doc)).toBe('')
    expect(storedRows(documentId)).toBe(0)
    // The server does not ask a read-only client for its state.
    expect(received.some((m) => kindOf(m) === 'sync-step1')).toBe(false)
  })
})

describe('access changes apply to open connections at once', () => {
  it('a member demoted to observer becomes read-only, even for an update sent right after the change', async () => {
    const { bodyId, writer, reader, documentId } = await h.scenario()
    const watcher = h.client(documentId, reader)
    await watcher.synced()
    const ws = await h.raw(documentId, writer)
    ws.send(updateFrame(paragraphUpdate('while a member')))
    await waitFor(() => text(watcher.doc).includes('while a member'), 5000, 'member edit')
    await h.member(bodyId, writer.id, 'observer')
    h.server.userAccessChanged(writer.id)
    ws.send(updateFrame(paragraphUpdate('after demotion')))
    await settle()
    expect(text(watcher.doc)).not.toContain('after demotion')
    expect(text(storedDoc(h.sqlite, documentId))).not.toContain('after demotion')
    expect(ws.readyState).toBe(ws.OPEN)
  })

  it('a promoted observer becomes a writer and is asked for its state', async () => {
    const { bodyId, reader, documentId } = await h.scenario()
    const ws = await h.raw(documentId, reader)
    const received = inbox(ws)
    await h.member(bodyId, reader.id, 'member')
    h.server.userAccessChanged(reader.id)
    await waitFor(() => received.some((m) => kindOf(m) === 'sync-step1'), 5000, 'step 1 after promotion')
    ws.send(updateFrame(paragraphUpdate('now a member')))
    await waitFor(() => text(storedDoc(h.sqlite, documentId)).includes('now a member'), 5000, 'stored')
  })

  it('a removed member is disconnected with 4403', async () => {
    const { bodyId, writer, documentId } = await h.scenario()
    const ws = await h.raw(documentId, writer)
    await h.db.deleteFrom('memberships').where('body_id', '=', bodyId).where('user_id', '=', writer.id).execute()
    h.server.userAccessChanged(writer.id)
    expect((await closed(ws)).code).toBe(4403)
  })

  it('a disabled account is disconnected with 4403', async () => {
    const { writer, documentId } = await h.scenario()
    const ws = await h.raw(documentId, writer)
    await h.db.updateTable('users').set({ disabled_at: Date.now() }).where('id', '=', writer.id).execute()
    h.server.userAccessChanged(writer.id)
    expect((await closed(ws)).code).toBe(4403)
  })

  it('a signed-out session is disconnected with 4401, other sessions of the same person stay', async () => {
    const { writer, documentId } = await h.scenario()
    const ws = await h.raw(documentId, writer)
    const other = await h.raw(documentId, { ...writer, ...(await sessionOf(writer.id)) })
    await h.db.deleteFrom('sessions').where('id', '=', writer.sessionId).execute()
    h.server.sessionsEnded([writer.sessionId])
    expect((await closed(ws)).code).toBe(4401)
    await settle(100)
    expect(other.readyState).toBe(other.OPEN)
  })

  it('a session that expires while the socket is open is closed with 4401', async () => {
    const { writer, documentId } = await h.scenario()
    const ws = await h.raw(documentId, writer)
    h.clock.offset = 31 * DAY_MS
    ws.send(step1Frame())
    expect((await closed(ws)).code).toBe(4401)
  })

  it('a document frozen by its lifecycle becomes read-only for everyone, and writable again when returned to draft', async () => {
    const { writer, reader, documentId } = await h.scenario()
    const watcher = h.client(documentId, reader)
    await watcher.synced()
    const ws = await h.raw(documentId, writer)
    await h.db.updateTable('documents').set({ state: 'consensus_call' }).where('id', '=', documentId).execute()
    h.server.documentChanged(documentId)
    ws.send(updateFrame(paragraphUpdate('while frozen')))
    await roundTrip(ws) // the server has seen it while frozen (on a busy machine it could arrive later)
    await settle()
    expect(text(watcher.doc)).toBe('')
    await h.db.updateTable('documents').set({ state: 'draft' }).where('id', '=', documentId).execute()
    h.server.documentChanged(documentId)
    await settle(100)
    ws.send(updateFrame(paragraphUpdate('back in draft')))
    await waitFor(() => text(watcher.doc).includes('back in draft'), 5000, 'edit after unfreezing')
    expect(text(watcher.doc)).not.toContain('while frozen')
  })
})

async function sessionOf(userId: string) {
  const { createSession } = await import('../../db/session-auth.ts')
  const { token, session } = await createSession(h.db, userId, h.now())
  return { token, sessionId: session.id, cookie: `hub_session=${token}` }
}
