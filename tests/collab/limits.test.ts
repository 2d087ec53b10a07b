import type net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { CollabOptions } from '../../collab/server.ts'
import { paragraphUpdate, step1Frame, updateFrame } from './frames.ts'
import { closed, startHarness, storedDoc, text, typeParagraph, waitFor, type Harness } from './harness.ts'

let h: Harness
const start = async (opts: Partial<CollabOptions> = {}) => (h = await startHarness(opts))
afterEach(async () => {
  await h.close()
})

const MIB = 1024 * 1024

describe('limits close only the offending connection', () => {
  it('a message larger than maxPayload gets 4413', async () => {
    await start({ maxPayload: 64 * 1024 })
    const { writer, documentId } = await h.scenario()
    const ws = await h.raw(documentId, writer)
    ws.send(updateFrame(paragraphUpdate('x'.repeat(100_000))))
    expect(await closed(ws)).toMatchObject({ code: 4413 })
  })

  it('an update that would take the document past its size cap gets 4413, and the document keeps what it had', async () => {
    await start({ maxDocumentBytes: 20_000 })
    const { writer, documentId } = await h.scenario()
    const ws = await h.raw(documentId, writer)
    const result = closed(ws)
    for (let i = 0; i < 8; i++) ws.send(updateFrame(paragraphUpdate(`${i}`.repeat(5_000))))
    expect((await result).code).toBe(4413)
    // What was accepted before the cap was reached is still stored.
    await waitFor(() => h.server.stats().pendingUpdates === 0, 5000, 'pending updates committed')
    const stored = text(storedDoc(h.sqlite, documentId))
    expect(stored.length).toBeGreaterThan(5_000)
    expect(stored.length).toBeLessThan(20_000)
  })

  it('a connection sending faster than its rate gets 4429', async () => {
    await start({ limits: { messagesPerSecond: 5, messageBurst: 10 } })
    const { writer, documentId } = await h.scenario()
    const ws = await h.raw(documentId, writer)
    for (let i = 0; i < 30; i++) ws.send(step1Frame())
    expect((await closed(ws)).code).toBe(4429)
  })

  it('a client that stops reading is disconnected once its send buffer is full; others are unaffected', async () => {
    await start({ limits: { maxBufferedBytes: 256 * 1024, bytesPerSecond: 100 * MIB, byteBurst: 100 * MIB, messageBurst: 1000 } })
    const { writer, reader, documentId } = await h.scenario()
    const stalled = await h.raw(documentId, reader)
    ;(stalled as unknown as { _socket: net.Socket })._socket.pause()
    const watcher = h.client(documentId, writer)
    await watcher.synced()
    const ws = await h.raw(documentId, writer)
    const chunk = 'y'.repeat(400_000)
    for (let i = 0; i < 60 && h.server.stats().connections === 3; i++) {
      ws.send(updateFrame(paragraphUpdate(chunk + i)))
      await new Promise((r) => setTimeout(r, 10))
    }
    await waitFor(() => h.logs.some((l) => l.msg === 'collab client not reading, disconnected'), 5000, 'slow reader dropped')
    await waitFor(() => h.server.stats().connections === 2, 5000, 'connection count')
    typeParagraph(watcher.doc, 'still working')
    await waitFor(() => text(storedDoc(h.sqlite, documentId)).includes('still working'), 5000, 'watcher still works')
  })
})

describe('bad input closes that connection with 4400; the room and the process carry on', () => {
  const cases: [string, Uint8Array | string][] = [
    ['a text frame', 'hello'],
    ['a truncated varint', new Uint8Array([0x80])],
    ['an unknown message type', new Uint8Array([7])],
    ['the auth message type, which only servers send', new Uint8Array([2, 0, 0])],
    ['an unknown sync step', new Uint8Array([0, 9, 0])],
    ['a length beyond the frame', new Uint8Array([0, 2, 50, 1, 2])],
    ['trailing bytes', new Uint8Array([3, 0])],
    ['awareness that is not JSON', new Uint8Array([1, 5, 1, 1, 1, 1, 0x7b])],
    ['an update Yjs refuses', updateFrame(new Uint8Array([1, 2, 3]))],
    ['an empty frame', new Uint8Array([])],
  ]
  it.each(cases)('%s', async (_name, frame) => {
    await start()
    const { writer, documentId } = await h.scenario()
    const watcher = h.client(documentId, writer)
    await watcher.synced()
    const ws = await h.raw(documentId, writer)
    ws.send(frame)
    expect((await closed(ws)).code).toBe(4400)
    typeParagraph(watcher.doc, 'the room carries on')
    await waitFor(() => text(storedDoc(h.sqlite, documentId)).includes('the room carries on'), 5000, 'room alive')
  })
})
