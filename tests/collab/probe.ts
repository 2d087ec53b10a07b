/**
 * Measures whether other documents stay responsive: in a room of its own, one socket sends an edit, another
 * waits for its broadcast, over and over; `stop()` returns the round-trip times.
 */
import { kindOf, paragraphUpdate, updateFrame } from './frames.ts'
import type { Harness } from './harness.ts'

export interface ProbeResult {
  count: number
  max: number
  p50: number
}

export async function startProbe(h: Harness, pauseMs = 5): Promise<{ stop: () => Promise<ProbeResult> }> {
  const { writer, documentId } = await h.scenario()
  const sender = await h.raw(documentId, writer)
  const receiver = await h.raw(documentId, writer)
  const times: number[] = []
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
      times.push(await roundTrip(i))
      await new Promise((r) => setTimeout(r, pauseMs))
    }
  })()
  return {
    async stop() {
      running = false
      await loop
      sender.close()
      receiver.close()
      const sorted = [...times].sort((a, b) => a - b)
      return { count: sorted.length, max: sorted.at(-1) ?? 0, p50: sorted[Math.floor(sorted.length / 2)] ?? 0 }
    },
  }
}
