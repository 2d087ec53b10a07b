import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { userColor } from '../../collab/identity.ts'
import { awarenessFrame, awarenessStates, kindOf } from './frames.ts'
import { inbox, startHarness, waitFor, type Harness } from './harness.ts'

let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.close()
})

type UserField = { id: string; name: string; institution: string | null; color: string }
const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms))

describe('awareness is trusted', () => {
  it('the user field is overwritten with the signed-in identity, whatever the client claims', async () => {
    const { writer, reader, documentId } = await h.scenario()
    const watcher = h.client(documentId, reader)
    await watcher.synced()
    const ws = await h.raw(documentId, writer)
    ws.send(awarenessFrame([{ clientId: 111, clock: 1, state: { user: { name: 'The Secretary-General', color: '#000' }, cursor: 7 } }]))
    await waitFor(() => watcher.provider.awareness.getStates().has(111), 5000, 'awareness of 111')
    const state = watcher.provider.awareness.getStates().get(111) as { user: UserField; cursor: number }
    expect(state.cursor).toBe(7)
    expect(state.user).toEqual({ id: writer.id, name: 'Writer', institution: 'Test Institute', color: userColor(writer.id) })
    expect(userColor(writer.id)).toMatch(/^#[0-9a-f]{6}$/)
  })

  it('entries for a client id owned by another connection are refused', async () => {
    const { writer, reader, documentId } = await h.scenario()
    const watcher = h.client(documentId, reader)
    await watcher.synced()
    const owner = await h.raw(documentId, writer)
    owner.send(awarenessFrame([{ clientId: 222, clock: 1, state: { mine: true } }]))
    await waitFor(() => watcher.provider.awareness.getStates().has(222), 5000, 'owner state')
    const intruder = await h.raw(documentId, reader)
    intruder.send(awarenessFrame([{ clientId: 222, clock: 99, state: { mine: false } }]))
    intruder.send(awarenessFrame([{ clientId: 222, clock: 100, state: null }]))
    await settle()
    expect(watcher.provider.awareness.getStates().get(222)).toMatchObject({ mine: true, user: { name: 'Writer' } })
    expect(intruder.readyState).toBe(intruder.OPEN)
  })

  it('a connection owns at most four client ids', async () => {
    const { writer, reader, documentId } = await h.scenario()
    const watcher = h.client(documentId, reader)
    await watcher.synced()
    const ws = await h.raw(documentId, writer)
    ws.send(awarenessFrame(Array.from({ length: 10 }, (_, i) => ({ clientId: 1000 + i, clock: 1, state: { i } }))))
    await waitFor(() => watcher.provider.awareness.getStates().has(1000), 5000, 'first ids')
    await settle()
    const ids = [...watcher.provider.awareness.getStates().keys()].filter((id) => id >= 1000 && id < 1010)
    expect(ids.sort()).toEqual([1000, 1001, 1002, 1003])
  })

  it('read-only connections may set awareness for their own client id; it is removed when they leave', async () => {
    const { writer, reader, documentId } = await h.scenario()
    const watcher = h.client(documentId, writer)
    await watcher.synced()
    const ws = await h.raw(documentId, reader)
    ws.send(awarenessFrame([{ clientId: 333, clock: 1, state: { reading: true } }]))
    await waitFor(() => watcher.provider.awareness.getStates().has(333), 5000, 'reader awareness')
    ws.close()
    await waitFor(() => !watcher.provider.awareness.getStates().has(333), 5000, 'removal after leaving')
  })

  it('the sender gets its own awareness echoed, and query-awareness returns every state', async () => {
    const { writer, documentId } = await h.scenario()
    const ws = await h.raw(documentId, writer)
    const received = inbox(ws)
    ws.send(awarenessFrame([{ clientId: 444, clock: 1, state: {} }]))
    await waitFor(() => received.some((m) => kindOf(m) === 'awareness'), 5000, 'echo')
    received.length = 0
    ws.send(new Uint8Array([3]))
    await waitFor(() => received.some((m) => kindOf(m) === 'awareness'), 5000, 'query answer')
    const states = awarenessStates(received.find((m) => kindOf(m) === 'awareness') as Buffer)
    expect(states.get(444)).toMatchObject({ user: { name: 'Writer' } })
  })
})
