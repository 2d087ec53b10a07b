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
 * How far apart a room's batches are: the more people receive each batch, the more a batch saves (one
 * write per socket serves every update in it) and the longer it may wait. A working group of a handful
 * of people gets its edits out within 2 ms; a plenary of a hundred waits up to 40 ms, which nobody notices
 * on a remote caret (network round trips are longer), and the server does an eighth of the socket
 * writes: at 100 editors typing 2 characters a second each, ~8 updates share each write.
 */
export function audienceWindowMs(receivers: number): number {
  return Math.min(MAX_WINDOW_MS, Math.max(MIN_WINDOW_MS, receivers * MS_PER_RECEIVER))
}
const MIN_WINDOW_MS = 2
const MAX_WINDOW_MS = 40
const MS_PER_RECEIVER = 0.4
