/**
 * One validator thread (validator-worker.mjs) seen from the main thread: posting jobs, hearing replies and
 * death, reading from shared memory which job the thread is running and since when (so the time limit is
 * about the thread's work, not about how late the main event loop noticed a reply), and reading the
 * thread's CPU clock (Linux schedstat, nanoseconds) when the watchdog needs it.
 */
import fs from 'node:fs'
import { Worker } from 'node:worker_threads'

const WORKER_URL = new URL('./validator-worker.mjs', import.meta.url)

export interface Reply {
  /** Answers to one batch of jobs, in order. */
  results?: { id: number; ok: boolean; error?: string }[]
  ready?: boolean
  /** With `ready`: the thread's CPU clock file, or null where there is none. */
  cpuClock?: string | null
}

export interface Thread {
  readonly worker: Worker
  readonly ready: boolean
  /** Posts a batch of jobs, with tight copies of their bytes transferred (callers keep theirs for a re-send). */
  post(jobs: readonly { id: number; op: string; room: string; updates: Uint8Array[] }[]): void
  onReply(listener: (reply: Reply) => void): void
  /** The thread died: out of memory (`oom`) or otherwise. */
  onDeath(listener: (oom: boolean, message: string) => void): void
  /** The id of the job running on the thread, 0 if none. */
  runningId(): number
  /** How long (wall-clock ms) job `id` has been running on the thread, or null if it is not running. */
  elapsed(id: number): number | null
  /** The thread's CPU time so far in ms, or null where it cannot be read. */
  cpuMs(): number | null
  kill(): void
}

export function spawnThread(heapMb: number): Thread {
  const state = new SharedArrayBuffer(16)
  const running = new Int32Array(state, 0, 1)
  const startedAt = new Float64Array(state, 8, 1)
  const worker = new Worker(WORKER_URL, {
    execArgv: [],
    workerData: { state },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  })
  worker.unref()
  let ready = false
  let dead = false
  let cpuFd: number | null = null
  const cpuBuffer = Buffer.alloc(64)
  let onReply: (reply: Reply) => void = () => {}
  let onDeath: (oom: boolean, message: string) => void = () => {}
  const closeCpuClock = () => {
    if (cpuFd !== null) fs.closeSync(cpuFd)
    cpuFd = null
  }
  const die = (oom: boolean, message: string) => {
    if (dead) return
    dead = true
    closeCpuClock()
    onDeath(oom, message)
  }
  worker.on('message', (reply: Reply) => {
    if (reply.ready) {
      ready = true
      try {
        if (reply.cpuClock) cpuFd = fs.openSync(reply.cpuClock, 'r')
      } catch {
        cpuFd = null
      }
    }
    onReply(reply)
  })
  worker.on('error', (err: Error & { code?: string }) => die(err.code === 'ERR_WORKER_OUT_OF_MEMORY', err.message))
  worker.on('exit', () => die(false, 'validator thread exited'))

  return {
    worker,
    get ready() {
      return ready
    },
    post(jobs) {
      const transfer: ArrayBuffer[] = []
      const batch = jobs.map(({ id, op, room, updates }) => {
        const copies = updates.map((u) => Uint8Array.prototype.slice.call(u))
        for (const c of copies) transfer.push(c.buffer as ArrayBuffer)
        return { id, op, room, updates: copies }
      })
      worker.postMessage({ jobs: batch }, transfer)
    },
    runningId() {
      return Atomics.load(running, 0)
    },
    onReply(listener) {
      onReply = listener
    },
    onDeath(listener) {
      onDeath = listener
    },
    elapsed(id) {
      if (Atomics.load(running, 0) !== id) return null
      return performance.timeOrigin + performance.now() - startedAt[0]
    },
    cpuMs() {
      if (cpuFd === null) return null
      try {
        const n = fs.readSync(cpuFd, cpuBuffer, 0, 64, 0)
        return Number(cpuBuffer.toString('latin1', 0, n).split(' ')[0]) / 1e6
      } catch {
        return null
      }
    },
    kill() {
      dead = true
      closeCpuClock()
      void worker.terminate()
    },
  }
}
