/**
 * Measures whether other documents stay responsive: in a room of its own, one socket sends an edit, another
 * waits for its broadcast, over and over. `mark()` splits the samples into a baseline (before) and the
 * window under test (after); `stop()` returns both.
 *
 * Round trips are wall-clock times on a machine the tests share with other work (other test files run at
 * the same time). `allowance()` is the bound a stall test asserts: 100 ms, or, when the baseline itself
 * shows the machine is that busy, the baseline's worst case plus 40 ms.
 */
import { kindOf, paragraphUpdate, updateFrame } from './frames.ts'
import type { Harness } from './harness.ts'

export interface ProbeResult {
  count: number
  max: number
  p50: number
}

const summarize = (times: number[]): ProbeResult => {
  const sorted = [...times].sort((a, b) => a - b)
  return { count: sorted.length, max: sorted.at(-1) ?? 0, p50: sorted[Math.floor(sorted.length / 2)] ?? 0 }
}

export function allowance(baseline: ProbeResult): number {
  return Math.max(100, baseline.max + 40)
}

export async function startProbe(h: Harness, pauseMs = 5) {
  const { writer, documentId } = await h.scenario()
  const sender = await h.raw(documentId, writer)
  const receiver = await h.raw(documentId, writer)
  const before: number[] = []
  const after: number[] = []
  let marked = false
  let running = true
  let arrived: (() => void) | null = null
  receiver.on('message', (data: Buffer) => {
    if (kindOf(data) === 'sync-update') arrived?.()
  })
  const roundTrip = (i: number) => {
    const sent = performance.now()
    return new Promise<number>((resolve) => {
      arrived = () => resolve(performance.now() - sent)
      sender.send(updateFrame(paragraphUpdate(`probe ${i}`)))
    })
  }
  await roundTrip(-1) // loads the room
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const inAttack = marked
      const t = await roundTrip(i)
      ;(inAttack || marked ? after : before).push(t)
      await new Promise((r) => setTimeout(r, pauseMs))
    }
  })()
  return {
    /** Starts the window under test; resolves once the baseline has some samples. */
    async mark(baselineMs = 250) {
      await new Promise((r) => setTimeout(r, baselineMs))
      marked = true
    },
    async stop() {
      running = false
      await loop
      sender.close()
      receiver.close()
      return { baseline: summarize(before), window: summarize(after) }
    },
  }
}
