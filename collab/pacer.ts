/**
 * Runs a flush soon after it is requested, but never more often than once per window: after a quiet spell
 * the first request runs on the next turn of the event loop (low latency), under load requests coalesce so
 * each flush handles more at once (fewer fsyncs, fewer socket writes per delivered update).
 */
export class Pacer {
  private scheduled = false
  private last = -Infinity

  constructor(
    /** The window, or a function giving it at each request (it may follow the load). */
    private readonly windowMs: number | (() => number),
    private readonly run: () => void,
  ) {}

  request(): void {
    if (this.scheduled) return
    this.scheduled = true
    const windowMs = typeof this.windowMs === 'number' ? this.windowMs : this.windowMs()
    const wait = this.last + windowMs - performance.now()
    if (wait <= 0) setImmediate(this.fire)
    else setTimeout(this.fire, wait)
  }

  /** Runs later than planned (the flush could not happen now); keeps the spacing. */
  retry(ms: number): void {
    this.scheduled = true
    setTimeout(this.fire, ms)
  }

  /** Runs now if a run is scheduled (at shutdown: nothing may wait for a timer). */
  flushNow(): void {
    if (this.scheduled) this.fire()
  }

  private readonly fire = () => {
    if (!this.scheduled) return
    this.scheduled = false
    this.last = performance.now()
    this.run()
  }
}

/**
 * How far apart a room's batches are. Waiting pays only when many people receive each batch (one write per
 * socket serves every update in it) and updates come often enough that several share a batch; a pair of
 * editors or a slow trickle gain nothing from it. So the window is the shorter of
 * - `MS_PER_RECEIVER` per receiver: a working group of a handful of people gets each edit out within a few
 *   ms, whatever its pace;
 * - the time the room's recent arrival rate takes to gather `UPDATES_PER_BATCH` updates: a busy room fills
 *   its batches in a shorter window (400 updates a second: 60 ms; 800: 30 ms);
 * and within `MIN_WINDOW_MS`..`MAX_WINDOW_MS`. A plenary of a hundred typing 2 characters a second each
 * (200 updates a second) waits the full 80 ms, which nobody notices on a remote caret, and its server does
 * one socket write per ~16 delivered updates; measured with `npm run bench` (CPU per delivered update at
 * N = 100: 80 ms windows 3.8–4.1 µs, 40 ms windows 5.3–6.2 µs).
 */
export function batchWindowMs(receivers: number, updatesPerSecond: number): number {
  const audience = receivers * MS_PER_RECEIVER
  const filling = updatesPerSecond > 0 ? (UPDATES_PER_BATCH / updatesPerSecond) * 1000 : Infinity
  return Math.min(MAX_WINDOW_MS, Math.max(MIN_WINDOW_MS, Math.min(audience, filling)))
}
const MIN_WINDOW_MS = 2
const MAX_WINDOW_MS = 80
const MS_PER_RECEIVER = 0.8
const UPDATES_PER_BATCH = 24

/**
 * Events per second over the last second or so: an exponentially decaying count (time constant `tauMs`),
 * so it costs two multiplications per event and follows a room that speeds up or falls quiet.
 */
export class RateMeter {
  private count = 0
  private at = 0

  constructor(private readonly tauMs = 1000) {}

  add(now = performance.now()): void {
    this.count = this.decayed(now) + 1
    this.at = now
  }

  perSecond(now = performance.now()): number {
    return (this.decayed(now) * 1000) / this.tauMs
  }

  private decayed(now: number): number {
    return this.count === 0 ? 0 : this.count * Math.exp((this.at - now) / this.tauMs)
  }
}
