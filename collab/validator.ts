/**
 * Off-main-thread validation of Yjs updates, so a crafted update cannot stall other documents.
 *
 * Yjs's decoder and integrator can loop, take seconds or exhaust memory on small crafted inputs (yjs issues
 * 479, 498, 687), and a perfectly valid update can be made expensive to integrate. A size check does not
 * help. So every client update is first applied by a validator thread to a *replica* of its document, under
 * a time limit (the main thread terminates a thread whose job overruns, judged by the thread's own clock)
 * and a memory limit (V8 `resourceLimits`). Only an update the replica absorbed in time is applied on the
 * main thread, where it therefore costs about the same bounded time. Stored state is opened the same way,
 * so a corrupt snapshot fails its load instead of hanging the server.
 *
 * Each thread ("lane") runs its jobs one at a time, in order, for the rooms assigned to it. Jobs are
 * handed to the threads in batches, at most once per `postWindowMs`: waking an idle thread costs far more
 * than the work of a typical update, so under load one wake-up (and one reply) serves many updates. When a
 * job overruns or kills its thread, that job is the culprit and is rejected; a warm spare thread takes over the
 * lane. Rooms with jobs waiting are rebuilt from the main thread's documents at once, the others only when
 * they next need a check, so a failover costs little. The limit is on the thread's CPU time; a job that
 * runs past it in wall-clock time only because the machine is busy is not killed, but the other rooms'
 * jobs behind it move to another lane. The worst stall for other rooms is therefore about the time limit,
 * whether they wait behind the culprit or the main thread applies an update that just passed.
 */
import { Pacer } from './pacer.ts'
import { spawnThread, type Thread } from './validator-thread.ts'

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
  /** Jobs are posted to the threads at most this often (batched); replies come back one per batch. */
  postWindowMs: number
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
  /** Handed to the thread (not just queued). */
  posted: boolean
}

interface Lane {
  thread: Thread
  /** Jobs not answered yet, in order; those not `posted` wait for the next batch. */
  queue: Job[]
  rooms: Set<string>
  timer: NodeJS.Timeout | null
  /** The room whose job at the head has run past its limit in wall-clock time (it is starved or slow). */
  stalledBy: string | null
  /** The watchdog's CPU samples of the head job: thread CPU and wall time at the last look, CPU estimate. */
  sample: { jobId: number; cpu: number; wall: number; estimate: number | null } | null
}

const noop = () => {}
const WALL_FACTOR = 25
const SAMPLE_MS = 10
const openLimit = (bytes: number) => 2000 + bytes / 2000

export class Validator {
  private readonly lanes: Lane[] = []
  private readonly laneOf = new Map<string, Lane>()
  private spare: Thread | null = null
  private nextId = 0
  private closed = false
  private readonly poster: Pacer

  constructor(private readonly opts: ValidatorOptions) {
    this.poster = new Pacer(opts.postWindowMs, () => this.postBatches())
    for (let i = 0; i < Math.max(1, opts.threads); i++) {
      const lane: Lane = { thread: this.spawn(), queue: [], rooms: new Set(), timer: null, stalledBy: null, sample: null }
      this.lanes.push(lane)
      this.attach(lane)
    }
    this.spare = this.spawn()
  }

  /** Builds the replica of a room from its stored state; rejects if that state does not apply in time. */
  open(room: string, updates: Uint8Array[]): Promise<void> {
    this.unassign(room)
    const bytes = updates.reduce((n, u) => n + u.length, 0)
    return this.submit('open', room, updates, openLimit(bytes))
  }

  /** Applies a client's update to the room's replica; resolves when it was absorbed within the limits. */
  check(room: string, update: Uint8Array, limitMs = this.opts.checkTimeLimitMs): Promise<void> {
    return this.submit('check', room, [update], limitMs)
  }

  /** Rebuilds a room's replica from the main thread's state (after main dropped updates the replica took). */
  reset(room: string): void {
    this.unassign(room)
  }

  drop(room: string): void {
    this.unassign(room)
  }

  get replicas(): number {
    return this.laneOf.size
  }

  async close(): Promise<void> {
    this.closed = true
    for (const lane of this.lanes) {
      if (lane.timer) clearTimeout(lane.timer)
      for (const job of lane.queue.splice(0)) job.reject(new UpdateRejected('closed', 'server is shutting down'))
    }
    const threads = [...this.lanes.map((l) => l.thread), ...(this.spare ? [this.spare] : [])]
    await Promise.all(threads.map((t) => t.worker.terminate()))
  }

  private submit(op: Job['op'], room: string, updates: Uint8Array[], limitMs: number): Promise<void> {
    if (this.closed) return Promise.reject(new UpdateRejected('closed', 'server is shutting down'))
    return new Promise<void>((resolve, reject) => {
      this.dispatch({ id: this.newId(), op, room, updates, limitMs, resolve, reject, posted: false })
    })
  }

  /** Queues a job on its room's lane; a room without one is assigned and its replica (re)built first. */
  private dispatch(job: Job): void {
    let lane = this.laneOf.get(job.room)
    if (lane && lane.stalledBy !== null && lane.stalledBy !== job.room && this.pickLane() !== lane) {
      this.unassign(job.room) // do not queue behind a long job of another room when another lane is free
      lane = undefined
    }
    if (!lane) {
      lane = this.pickLane()
      if (job.op !== 'open') {
        const state = this.opts.stateOf(job.room)
        if (!state) return job.reject(new UpdateRejected('invalid', 'document is not open'))
        this.push(lane, this.internal('open', job.room, [state], openLimit(state.length)))
      }
      this.laneOf.set(job.room, lane)
      lane.rooms.add(job.room)
    }
    this.push(lane, job)
  }

  /**
   * The lane with the fewest rooms, preferring lanes whose thread is ready (a replaced one may still be
   * starting) and not stalled by a long job.
   */
  private pickLane(): Lane {
    const free = this.lanes.filter((l) => l.thread.ready && l.stalledBy === null)
    const ready = this.lanes.filter((l) => l.thread.ready)
    const pool = free.length ? free : ready.length ? ready : this.lanes
    return pool.reduce((a, b) => (b.rooms.size < a.rooms.size ? b : a))
  }

  private internal(op: Job['op'], room: string, updates: Uint8Array[], limitMs: number): Job {
    return { id: this.newId(), op, room, updates, limitMs, resolve: noop, reject: noop, posted: false }
  }

  private push(lane: Lane, job: Job): void {
    job.posted = false
    lane.queue.push(job)
    this.poster.request()
  }

  /** Hands every queued job to its thread, one message per lane. */
  private postBatches(): void {
    for (const lane of this.lanes) {
      const batch = lane.queue.filter((j) => !j.posted)
      if (batch.length === 0) continue
      for (const job of batch) job.posted = true
      lane.thread.post(batch)
      if (!lane.timer) this.arm(lane)
    }
  }

  /** Forgets where a room's replica lives; the old lane drops it, the next job rebuilds it elsewhere. */
  private unassign(room: string): void {
    const lane = this.laneOf.get(room)
    if (!lane) return
    this.laneOf.delete(room)
    lane.rooms.delete(room)
    if (!this.closed) this.push(lane, this.internal('drop', room, [], 1000))
  }

  private spawn(): Thread {
    return spawnThread(this.opts.heapMb)
  }

  private attach(lane: Lane): void {
    const thread = lane.thread
    thread.onReply((reply) => {
      if (lane.thread !== thread) return
      if (reply.ready) return this.arm(lane)
      for (const result of reply.results ?? []) {
        const index = lane.queue.findIndex((j) => j.id === result.id)
        if (index < 0) continue // moved to another lane meanwhile
        const [job] = lane.queue.splice(index, 1)
        if (result.ok) job.resolve()
        else {
          job.reject(new UpdateRejected('invalid', result.error ?? 'invalid update'))
          if (job.op !== 'drop') this.unassign(job.room) // the replica may be half-applied: rebuild it
        }
      }
      lane.stalledBy = null
      this.arm(lane)
    })
    thread.onDeath((oom, message) => {
      if (lane.thread !== thread || this.closed) return
      this.fail(lane, oom ? 'too-much-memory' : 'invalid', oom ? 'update needs too much memory' : message)
    })
  }

  private newId(): number {
    this.nextId = (this.nextId % 2_000_000_000) + 1
    return this.nextId
  }

  /** Starts the watchdog while the thread has jobs in hand (once it is ready to run them). */
  private arm(lane: Lane, ms?: number): void {
    if (lane.timer) clearTimeout(lane.timer)
    lane.timer = null
    const limit = this.shortestLimit(lane)
    if (!lane.thread.ready || limit === Infinity) return
    lane.timer = setTimeout(() => this.watchdog(lane), ms ?? limit)
  }

  /**
   * The shortest limit among the jobs in the thread's hands. Any of them may start before the next look
   * (a check queued behind a replica's rebuild starts when the rebuild ends), so the watchdog looks at
   * least this often until they are answered.
   */
  private shortestLimit(lane: Lane): number {
    let ms = Infinity
    for (const job of lane.queue) if (job.posted && job.limitMs < ms) ms = job.limitMs
    return ms
  }

  /** The job the thread is running now, if it is one of this lane's. */
  private running(lane: Lane): Job | undefined {
    const id = lane.thread.runningId()
    return id === 0 ? undefined : lane.queue.find((j) => j.id === id)
  }

  /**
   * Judges by the thread's own clocks, and only for a job still running when its limit has passed in
   * wall-clock time (so ordinary jobs cost nothing). Where the thread's CPU clock can be read, two looks
   * `SAMPLE_MS` apart tell how much of the time the job actually computes; its CPU use is estimated as that
   * share of the time before the first look plus what was measured since. A job over its limit is killed:
   * one that computes all the time about `SAMPLE_MS` after its limit, one starved of CPU on a busy machine
   * only once it has really used that much (or after `WALL_FACTOR` times the limit). Without a CPU clock the
   * wall-clock time decides. If the job has not started, or finished and its reply is on the way (our event
   * loop may have been busy), look again shortly.
   */
  private watchdog(lane: Lane): void {
    lane.timer = null
    const head = this.running(lane)
    if (!head) return this.arm(lane, 5)
    const wall = lane.thread.elapsed(head.id)
    if (wall === null) return this.arm(lane, 5)
    const cpu = lane.thread.cpuMs()
    const sample = lane.sample?.jobId === head.id ? lane.sample : null
    let estimate = wall
    if (cpu !== null) {
      if (!sample) {
        lane.sample = { jobId: head.id, cpu, wall, estimate: null }
        if (wall >= head.limitMs && lane.stalledBy === null) this.evacuate(lane, head.room)
        return this.arm(lane, wall >= head.limitMs ? SAMPLE_MS : Math.min(head.limitMs - wall, this.shortestLimit(lane)))
      }
      const share = wall > sample.wall ? Math.min(1, (cpu - sample.cpu) / (wall - sample.wall)) : 1
      estimate = (sample.estimate ?? share * sample.wall) + (cpu - sample.cpu)
      Object.assign(sample, { cpu, wall, estimate })
    }
    if (estimate >= head.limitMs || wall >= WALL_FACTOR * head.limitMs) {
      return this.fail(lane, 'too-slow', 'update takes too long to apply')
    }
    if (wall >= head.limitMs && lane.stalledBy === null) this.evacuate(lane, head.room)
    this.arm(lane, Math.max(SAMPLE_MS, Math.min(head.limitMs - estimate, this.shortestLimit(lane))))
  }

  /**
   * A job has run past its limit in wall-clock time without using that much CPU (the machine is busy):
   * other rooms' jobs waiting behind it move to another lane, rebuilt from the main thread's state, so they
   * do not wait for it. (Their copies already handed to this thread run later, unheeded.) The job keeps its
   * lane until it finishes or is judged.
   */
  private evacuate(lane: Lane, room: string): void {
    lane.stalledBy = room
    if (this.pickLane() === lane) return
    const moving = lane.queue.filter((j) => j.room !== room && j.op !== 'drop')
    if (moving.length === 0) return
    lane.queue = lane.queue.filter((j) => !moving.includes(j))
    for (const r of new Set(moving.map((j) => j.room))) this.unassign(r)
    for (const job of moving) this.dispatch(job)
  }

  /** A job overran or killed the thread: reject it, hand the lane to the spare, re-dispatch the rest. */
  private fail(lane: Lane, reason: RejectReason, message: string): void {
    const culprit = this.running(lane) ?? lane.queue.find((j) => j.posted)
    const rest = lane.queue.filter((j) => j !== culprit)
    this.opts.log('warn', 'collab validator thread replaced', { reason, room: culprit?.room, op: culprit?.op })
    if (lane.timer) clearTimeout(lane.timer)
    lane.timer = null
    lane.queue = []
    lane.stalledBy = null
    lane.thread.kill()
    lane.thread = this.spare ?? this.spawn()
    this.spare = null
    this.attach(lane)
    // A new spare starts a little later, so its start-up does not compete with the rooms being rebuilt.
    setTimeout(() => {
      if (!this.closed && !this.spare) this.spare = this.spawn()
    }, 20).unref()
    for (const room of lane.rooms) this.laneOf.delete(room)
    lane.rooms.clear()
    culprit?.reject(new UpdateRejected(reason, message))
    for (const job of rest) {
      if (job.op === 'drop') job.resolve()
      else this.dispatch(job)
    }
    this.arm(lane)
  }
}
