/**
 * Off-main-thread validation of Yjs updates, so a crafted update cannot stall other documents.
 *
 * Yjs's decoder and integrator can loop, take seconds or exhaust memory on small crafted inputs (yjs issues
 * 479, 498, 687), and a perfectly valid update can be made expensive to integrate. A size check does not
 * help. So every client update is first applied by a validator thread to a *replica* of the document
 * (kept there for every loaded room), under a time limit (the main thread terminates the thread when a
 * job overruns) and a memory limit (V8 `resourceLimits`). Only an update the replica absorbed in time is
 * applied on the main thread, where it therefore costs about the same bounded time. Stored state is
 * opened through the same path, so a corrupt snapshot fails the load instead of hanging the server.
 *
 * Jobs run one at a time per thread, in order. When a job overruns or the thread dies, that job is the
 * culprit and is rejected; a warm spare thread takes over, the replicas of its rooms are rebuilt from the
 * main thread's documents, and the remaining jobs are re-sent. Other rooms on that thread wait at most the
 * time limit plus the rebuild; rooms on other threads do not wait at all.
 */
import { Worker } from 'node:worker_threads'

export type RejectReason = 'invalid' | 'too-slow' | 'too-much-memory' | 'closed'

export class UpdateRejected extends Error {
  override name = 'UpdateRejected'
  constructor(
    readonly reason: RejectReason,
    message: string,
  ) {
    super(message)
  }
}

export interface ValidatorOptions {
  threads: number
  checkTimeLimitMs: number
  heapMb: number
  /** The main thread's current state of a loaded room, to rebuild its replica; null if not loaded. */
  stateOf: (room: string) => Uint8Array | null
  log: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void
}

interface Job {
  id: number
  op: 'open' | 'check' | 'drop'
  room: string
  updates: Uint8Array[]
  limitMs: number
  resolve: () => void
  reject: (err: UpdateRejected) => void
}

interface Reply {
  id?: number
  ok?: boolean
  error?: string
  ready?: boolean
}

/** A validator thread and the shared memory where it publishes the job it is running and since when. */
interface Thread {
  worker: Worker
  running: Int32Array
  startedAt: Float64Array
}

interface Lane extends Thread {
  ready: boolean
  queue: Job[]
  rooms: Set<string>
  timer: NodeJS.Timeout | null
}

const WORKER_URL = new URL('./validator-worker.mjs', import.meta.url)
const noop = () => {}

export class Validator {
  private readonly lanes: Lane[] = []
  private readonly laneOf = new Map<string, Lane>()
  private spare: (Thread & { ready: boolean }) | null = null
  private nextId = 1
  private closed = false

  constructor(private readonly opts: ValidatorOptions) {
    for (let i = 0; i < Math.max(1, opts.threads); i++) {
      const lane: Lane = { ...this.spawn(), ready: false, queue: [], rooms: new Set(), timer: null }
      this.lanes.push(lane)
      this.attach(lane)
    }
    this.replenishSpare()
  }

  /** Builds the replica of a room from its stored state; rejects if that state does not apply in time. */
  open(room: string, updates: Uint8Array[]): Promise<void> {
    const lane = this.leastLoaded()
    this.laneOf.set(room, lane)
    lane.rooms.add(room)
    const bytes = updates.reduce((n, u) => n + u.length, 0)
    return this.enqueue(lane, 'open', room, updates, 2000 + bytes / 2000)
  }

  /** Applies a client's update to the room's replica; resolves when it was absorbed within the limits. */
  check(room: string, update: Uint8Array, limitMs = this.opts.checkTimeLimitMs): Promise<void> {
    const lane = this.laneOf.get(room)
    if (!lane) return Promise.reject(new UpdateRejected('invalid', 'document is not open'))
    return this.enqueue(lane, 'check', room, [update], limitMs)
  }

  /** Rebuilds a room's replica from the main thread's state (after main dropped updates the replica took). */
  reset(room: string): void {
    const lane = this.laneOf.get(room)
    const state = this.opts.stateOf(room)
    if (lane && state) this.enqueue(lane, 'open', room, [state], 2000 + state.length / 2000).catch(noop)
  }

  drop(room: string): void {
    const lane = this.laneOf.get(room)
    if (!lane) return
    this.laneOf.delete(room)
    lane.rooms.delete(room)
    this.enqueue(lane, 'drop', room, [], 1000).catch(noop)
  }

  get replicas(): number {
    return this.laneOf.size
  }

  async close(): Promise<void> {
    this.closed = true
    const workers = [...this.lanes.map((l) => l.worker), ...(this.spare ? [this.spare.worker] : [])]
    for (const lane of this.lanes) {
      if (lane.timer) clearTimeout(lane.timer)
      for (const job of lane.queue.splice(0)) job.reject(new UpdateRejected('closed', 'server is shutting down'))
    }
    await Promise.all(workers.map((w) => w.terminate()))
  }

  private spawn(): Thread {
    const state = new SharedArrayBuffer(16)
    const worker = new Worker(WORKER_URL, {
      execArgv: [],
      workerData: { state },
      resourceLimits: { maxOldGenerationSizeMb: this.opts.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    })
    worker.unref()
    worker.on('error', noop)
    return { worker, running: new Int32Array(state, 0, 1), startedAt: new Float64Array(state, 8, 1) }
  }

  private attach(lane: Lane): void {
    const worker = lane.worker
    worker.on('message', (m: Reply) => this.onReply(lane, worker, m))
    worker.on('error', (err: Error & { code?: string }) => {
      if (lane.worker !== worker) return
      const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY'
      this.fail(lane, oom ? 'too-much-memory' : 'invalid', oom ? 'update needs too much memory' : err.message)
    })
    worker.on('exit', () => {
      if (lane.worker === worker && !this.closed) this.fail(lane, 'invalid', 'validator thread exited')
    })
  }

  private leastLoaded(): Lane {
    return this.lanes.reduce((a, b) => (b.rooms.size < a.rooms.size ? b : a))
  }

  private enqueue(lane: Lane, op: Job['op'], room: string, updates: Uint8Array[], limitMs: number): Promise<void> {
    if (this.closed) return Promise.reject(new UpdateRejected('closed', 'server is shutting down'))
    return new Promise<void>((resolve, reject) => {
      const job: Job = { id: this.newId(), op, room, updates, limitMs, resolve, reject }
      lane.queue.push(job)
      this.post(lane, job)
      if (lane.queue.length === 1) this.arm(lane)
    })
  }

  /** Posts a tight copy of the payload and transfers it, so the caller keeps its own bytes for a re-send. */
  private post(lane: Lane, job: Job): void {
    const copies = job.updates.map((u) => Uint8Array.prototype.slice.call(u))
    const transfer = copies.map((c) => c.buffer as ArrayBuffer)
    const payload = job.op === 'check' ? { update: copies[0] } : { updates: copies }
    lane.worker.postMessage({ id: job.id, op: job.op, room: job.room, ...payload }, transfer)
  }

  private newId(): number {
    this.nextId = (this.nextId % 2_000_000_000) + 1
    return this.nextId
  }

  /** Starts the watchdog for the job at the head of the queue (once the thread is ready to run it). */
  private arm(lane: Lane, ms?: number): void {
    if (lane.timer) clearTimeout(lane.timer)
    lane.timer = null
    const head = lane.queue[0]
    if (!lane.ready || !head) return
    lane.timer = setTimeout(() => this.watchdog(lane), ms ?? head.limitMs)
  }

  /**
   * Judges by the thread's own clock: if the head job has been running there longer than its limit, the
   * thread is replaced. If it has not started, or finished and its reply is still on the way (our event
   * loop may have been busy), look again shortly.
   */
  private watchdog(lane: Lane): void {
    const head = lane.queue[0]
    if (!head) return
    if (Atomics.load(lane.running, 0) !== head.id) return this.arm(lane, Math.min(head.limitMs, 10))
    const elapsed = performance.timeOrigin + performance.now() - lane.startedAt[0]
    if (elapsed >= head.limitMs) return this.fail(lane, 'too-slow', 'update takes too long to apply')
    this.arm(lane, head.limitMs - elapsed)
  }

  private onReply(lane: Lane, worker: Worker, m: Reply): void {
    if (lane.worker !== worker) return
    if (m.ready) {
      lane.ready = true
      this.arm(lane)
      return
    }
    const index = lane.queue.findIndex((j) => j.id === m.id)
    if (index < 0) return
    const [job] = lane.queue.splice(index, 1)
    this.arm(lane)
    if (m.ok) return job.resolve()
    job.reject(new UpdateRejected('invalid', m.error ?? 'invalid update'))
    if (job.op === 'open') this.forget(job.room, lane)
    else if (job.op === 'check') this.reset(job.room)
  }

  private forget(room: string, lane: Lane): void {
    if (this.laneOf.get(room) === lane) this.laneOf.delete(room)
    lane.rooms.delete(room)
  }

  /** The head job overran or killed the thread: reject it, replace the thread, rebuild, re-send the rest. */
  private fail(lane: Lane, reason: RejectReason, message: string): void {
    if (this.closed) return
    const [culprit, ...rest] = lane.queue
    lane.queue = []
    if (lane.timer) clearTimeout(lane.timer)
    lane.timer = null
    const dead = lane.worker
    dead.removeAllListeners('message')
    dead.removeAllListeners('exit')
    void dead.terminate()
    this.opts.log('warn', 'collab validator thread replaced', { reason, room: culprit?.room, op: culprit?.op })

    const next = this.spare ?? { ...this.spawn(), ready: false }
    this.spare = null
    Object.assign(lane, { worker: next.worker, running: next.running, startedAt: next.startedAt, ready: next.ready })
    lane.worker.removeAllListeners('message')
    this.attach(lane)
    setImmediate(() => this.replenishSpare())

    if (culprit) {
      culprit.reject(new UpdateRejected(reason, message))
      if (culprit.op === 'open') this.forget(culprit.room, lane)
    }
    const reopening = new Set(rest.filter((j) => j.op === 'open').map((j) => j.room))
    for (const room of lane.rooms) {
      if (reopening.has(room)) continue
      const state = this.opts.stateOf(room)
      if (!state) continue
      const job: Job = { id: this.newId(), op: 'open', room, updates: [state], limitMs: 2000 + state.length / 2000, resolve: noop, reject: noop }
      lane.queue.push(job)
      this.post(lane, job)
    }
    for (const job of rest) {
      lane.queue.push(job)
      this.post(lane, job)
    }
    this.arm(lane)
  }

  /** Keeps one thread started and idle, so a replaced thread is back in milliseconds, not a cold start. */
  private replenishSpare(): void {
    if (this.spare || this.closed) return
    const spare = { ...this.spawn(), ready: false }
    spare.worker.on('message', (m: Reply) => {
      if (m.ready) spare.ready = true
    })
    this.spare = spare
  }
}
