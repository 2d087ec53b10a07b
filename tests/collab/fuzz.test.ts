import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeClientMessage, ProtocolError } from '../../collab/protocol.ts'
import { awarenessFrame, paragraphUpdate, step1Frame, step2Frame, updateFrame } from './frames.ts'
import { closed, startHarness, storedDoc, text, typeParagraph, waitFor, type Harness } from './harness.ts'
import { allowance, startProbe } from './probe.ts'

/** Frames a real client could send: sync step 1, step 2, updates and awareness. */
const validFrame = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => updateFrame(paragraphUpdate(s))),
  fc.string({ maxLength: 40 }).map((s) => step2Frame(paragraphUpdate(s))),
  fc.constant(0).map(() => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'state')
    return step1Frame(doc)
  }),
  fc.record({ clientId: fc.nat(), clock: fc.nat(), x: fc.integer() }).map((e) => awarenessFrame([{ clientId: e.clientId, clock: e.clock, state: { x: e.x } }])),
  fc.constant(new Uint8Array([3])),
)

/** A valid frame, damaged: bytes flipped, cut short, spliced or padded. */
const damagedFrame = fc
  .tuple(validFrame, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), fc.nat(), fc.uint8Array({ maxLength: 8 }), fc.integer({ min: 0, max: 3 }))
  .map(([frame, flips, cut, extra, mode]) => {
    const bytes = Uint8Array.from(frame)
    for (const [at, value] of flips) if (bytes.length) bytes[at % bytes.length] = value
    if (mode === 0) return bytes.subarray(0, cut % (bytes.length + 1))
    if (mode === 1) return Uint8Array.from([...bytes, ...extra])
    if (mode === 2) return Uint8Array.from([...bytes.subarray(0, cut % (bytes.length + 1)), ...extra, ...bytes.subarray(cut % (bytes.length + 1))])
    return bytes
  })

/** An update with flipped bytes inside a well-formed sync frame, so it reaches the Yjs decoder. */
const damagedUpdate = fc
  .tuple(fc.string({ minLength: 1, maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }))
  .map(([s, flips]) => {
    const update = Uint8Array.from(paragraphUpdate(s))
    for (const [at, value] of flips) update[at % update.length] = value
    return updateFrame(update)
  })

const anyFrame = fc.oneof(fc.uint8Array({ maxLength: 300 }), damagedFrame, damagedUpdate, validFrame)

describe('the frame decoder', () => {
  it('returns a message or throws ProtocolError for any bytes, and never hangs', () => {
    fc.assert(
      fc.property(anyFrame, (frame) => {
        const started = performance.now()
        try {
          decodeClientMessage(frame)
        } catch (err) {
          expect(err).toBeInstanceOf(ProtocolError)
        }
        // A hang detector, not a benchmark: frames here are at most a few hundred bytes.
        expect(performance.now() - started).toBeLessThan(500)
      }),
      { numRuns: 3000 },
    )
  })

  it('reads what y-protocols writes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const update = paragraphUpdate(s)
        const msg = decodeClientMessage(updateFrame(update))
        expect(msg.type).toBe('sync-update')
        expect(msg.type === 'sync-update' && Buffer.from(msg.update).equals(Buffer.from(update))).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('rejects a huge varint count without allocating for it', () => {
    expect(() => decodeClientMessage(new Uint8Array([1, 6, 0xff, 0xff, 0xff, 0xff, 0x0f, 0]))).toThrow(ProtocolError)
    expect(() => decodeClientMessage(new Uint8Array([0, 0, 3, 0xff, 0xff, 0x7f]))).toThrow(ProtocolError)
  })
})

describe('random frames through real sockets', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ batchWindowMs: 0 })
  })
  afterAll(async () => {
    await h.close()
  })

  it('never take the server down, never stall another room, never corrupt the stored document', { retry: 2 }, async () => {
    const target = await h.scenario()
    const probe = await startProbe(h)
    await probe.mark()
    const frames = fc.sample(anyFrame, { numRuns: 60, seed: 20251 })
    let refused = 0
    for (const frame of frames) {
      const ws = await h.raw(target.documentId, target.writer)
      const outcome = closed(ws)
      ws.send(frame)
      const result = await Promise.race([outcome, new Promise((r) => setTimeout(() => r(null), 30))])
      if (result) refused++
      ws.terminate()
    }
    const { baseline, window } = await probe.stop()
    expect(refused).toBeGreaterThan(10)
    expect(window.max).toBeLessThan(allowance(baseline))
    // The room still works, and what a new client sees is what is stored.
    const c = h.client(target.documentId, target.writer)
    await c.synced()
    typeParagraph(c.doc, 'after the fuzz')
    await waitFor(() => text(storedDoc(h.sqlite, target.documentId)).includes('after the fuzz'), 5000, 'stored')
    const stored = storedDoc(h.sqlite, target.documentId)
    await waitFor(() => Buffer.from(Y.encodeStateVector(stored)).equals(Buffer.from(Y.encodeStateVector(c.doc))), 5000, 'same state')
  })
})
