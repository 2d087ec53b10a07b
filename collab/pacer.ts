/**
 * Runs a flush soon after it is requested, but never more often than once per window: after a quiet spell
 * the first request runs on the next turn of the event loop (low latency), under load requests coalesce so
 * each flush handles more at once (fewer fsyncs, fewer socket writes per delivered update).
 */
export class Pacer {
  private scheduled = false
  private last = -Infinity

  constructor(
    private readonly windowMs: number,
    private readonly run: () => void,
  ) {}

  request(): void {
    if (this.scheduled) return
    this.scheduled = true
    const wait = this.last + this.windowMs - performance.now()
    if (wait <= 0) setImmediate(this.fire)
    else setTimeout(this.fire, wait)
  }

  /** Runs later than planned (the flush could not happen now); keeps the spacing. */
  retry(ms: number): void {
    this.scheduled = true
    setTimeout(this.fire, ms)
  }

  private readonly fire = () => {
    this.scheduled = false
    this.last = performance.now()
    this.run()
  }
}
