/**
 * The price of opening a document undecoded (collab/room.ts): how long the first edit after a cold open of
 * the history case's document (20,000 small inserts) takes to reach another client, against the second
 * edit. The first pays for the validator's replica and the main thread's doc, both built from the stored
 * bytes at that moment. Not part of `npm run bench`: server and clients share this process (the test
 * harness), so it shows the order of magnitude, not a ratio. Run: `npx tsx bench/first-edit.ts`.
 */
import { startHarness, waitFor } from '../tests/collab/harness.ts'

const ROUNDS = 6
const h = await startHarness({ idleUnloadMs: 100 })
try {
  const { writer, reader, documentId } = await h.scenario()
  const author = h.client(documentId, writer)
  await author.synced()
  const text = author.doc.getText('bench')
  for (let start = 0; start < 20_000; start += 20) {
    author.doc.transact(() => {
      for (let i = 0; i < 20; i++) text.insert(Math.floor(Math.random() * (text.length + 1)), 'ab ')
    })
    if (start % 2000 === 0) await new Promise((r) => setTimeout(r, 50)) // stay under the rate limit
  }
  await waitFor(() => h.server.stats().pendingUpdates === 0, 30_000, 'history committed')
  author.destroy()
  const firsts: number[] = []
  const seconds: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    await waitFor(() => h.server.stats().rooms === 0, 10_000, 'unload')
    const r = h.client(documentId, reader)
    const w = h.client(documentId, writer)
    await Promise.all([r.synced(), w.synced()])
    await new Promise((res) => setTimeout(res, 300))
    if (h.server.stats().decoded !== 0) throw new Error('the room was decoded before its first edit')
    for (const [mark, times] of [['X', firsts], ['Y', seconds]] as const) {
      const at = performance.now()
      w.doc.getText('bench').insert(0, mark)
      await waitFor(() => r.doc.getText('bench').toString().startsWith(mark), 10_000, 'delivered')
      times.push(performance.now() - at)
    }
    r.destroy()
    w.destroy()
  }
  const show = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ')
  console.log(`first edit after a cold open, ms: ${show(firsts)}\nsecond edit, ms: ${show(seconds)}`)
} finally {
  await h.close()
}
