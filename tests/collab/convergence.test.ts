/**
 * Property: whatever several clients do — edit, lose their connection abruptly, disconnect and reconnect,
 * in any order and timing — once they are all connected again every client and the server's stored state
 * have identical state vectors and content. Real server, real sockets, stock y-websocket clients.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startHarness, storedDoc, text, waitFor, type Client, type Harness } from './harness.ts'

const CLIENTS = 3

type Command =
  | { kind: 'insert'; client: number; at: number; text: string }
  | { kind: 'delete'; client: number; at: number; length: number }
  | { kind: 'format'; client: number; at: number; length: number }
  | { kind: 'paragraph'; client: number; at: number }
  | { kind: 'disconnect' | 'connect' | 'drop'; client: number }
  | { kind: 'wait'; ms: number }

const client = fc.integer({ min: 0, max: CLIENTS - 1 })
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), client, at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), client, at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('format' as const), client, at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('paragraph' as const), client, at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('disconnect' as const, 'connect' as const, 'drop' as const), client }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 25 }) }) },
)

function paragraphs(doc: Y.Doc): Y.XmlText[] {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((p) => (p as Y.XmlElement).get(0) as Y.XmlText)
}

function edit(doc: Y.Doc, cmd: Command): void {
  const fragment = doc.getXmlFragment('default')
  if (cmd.kind === 'paragraph' || (fragment.length === 0 && cmd.kind === 'insert')) {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText('¶')])
    fragment.insert(cmd.kind === 'paragraph' ? cmd.at % (fragment.length + 1) : 0, [p])
    return
  }
  const texts = paragraphs(doc)
  if (texts.length === 0 || !('at' in cmd)) return
  const t = texts[cmd.at % texts.length]
  const at = cmd.at % (t.length + 1)
  if (cmd.kind === 'insert') t.insert(at, cmd.text)
  else if (cmd.kind === 'delete' && t.length > 0) t.delete(Math.min(at, t.length - 1), Math.min(cmd.length, t.length - Math.min(at, t.length - 1)))
  else if (cmd.kind === 'format' && t.length > 0) t.format(Math.min(at, t.length - 1), cmd.length, { bold: true })
}

describe('convergence under random edits, drops and reconnects', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => {
    await h.close()
  })

  it('every client and the stored state end identical', async () => {
    let withContent = 0
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 10, maxLength: 40 }), async (commands) => {
        const { writer, documentId } = await h.scenario()
        const clients: Client[] = Array.from({ length: CLIENTS }, () => h.client(documentId, writer))
        try {
          await Promise.all(clients.map((c) => c.synced()))
          for (const cmd of commands) {
            if (cmd.kind === 'wait') await new Promise((r) => setTimeout(r, cmd.ms))
            else if (cmd.kind === 'disconnect') clients[cmd.client].provider.disconnect()
            else if (cmd.kind === 'connect') clients[cmd.client].provider.connect()
            else if (cmd.kind === 'drop') (clients[cmd.client].provider.ws as unknown as { terminate?: () => void } | null)?.terminate?.()
            else edit(clients[cmd.client].doc, cmd)
          }
          for (const c of clients) c.provider.connect()
          const sv = (d: Y.Doc) => Buffer.from(Y.encodeStateVector(d))
          await waitFor(
            () => {
              const stored = storedDoc(h.sqlite, documentId)
              return clients.every((c) => c.provider.synced && sv(c.doc).equals(sv(stored)) && text(c.doc) === text(stored))
            },
            15_000,
            'convergence',
          )
          const stored = storedDoc(h.sqlite, documentId)
          expect(stored.store.pendingStructs).toBeNull()
          for (const c of clients) expect(c.doc.getXmlFragment('default').toJSON()).toEqual(stored.getXmlFragment('default').toJSON())
          if (text(stored).length > 0) withContent++
        } finally {
          for (const c of clients) c.destroy()
        }
      }),
      { numRuns: 12, seed: Number(process.env.COLLAB_SEED ?? 4242) },
    )
    expect(withContent).toBeGreaterThan(6)
  })
})
