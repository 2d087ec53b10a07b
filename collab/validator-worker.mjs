// The validator thread (see validator.ts). Plain JavaScript so it runs the same under tsx, vitest and a
// bundled build without a TypeScript loader.
//
// It keeps a replica of every document assigned to it and runs jobs one at a time, in order. Jobs come in
// batches { jobs: [...] } and are answered in one message { results: [{ id, ok, error? }, ...] }:
//   { id, op: 'open',  room, updates: Uint8Array[] }  build (or rebuild) the replica from stored state
//   { id, op: 'check', room, updates: [Uint8Array] }  apply a client's update to the replica first
//   { id, op: 'drop',  room }                         forget the replica
// A job that loops or eats memory is not handled
// here: the main thread terminates this thread (time limit) or V8 does (resourceLimits). So that the main
// thread can judge how long a job really ran here, the id of the running job and its start time are
// published in shared memory, and the path of this thread's CPU clock (Linux schedstat) is sent once, so
// the main thread can tell a job that computes from one that waits for a core on a busy machine.
import fs from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import * as Y from 'yjs'

const running = new Int32Array(workerData.state, 0, 1)
const startedAt = new Float64Array(workerData.state, 8, 1)

let cpuClock = null
try {
  cpuClock = `/proc/${fs.readlinkSync('/proc/thread-self')}/schedstat`
} catch {
  cpuClock = null // not Linux: the main thread judges by wall-clock time
}

const replicas = new Map()

// Yjs clocks are JavaScript numbers: past 2^53 they lose precision, and a clock that large would also be
// refused in every later state vector. An update that pushes a clock there is refused here.
const MAX_CLOCK = Number.MAX_SAFE_INTEGER - 2 ** 32

// A client's clock is where its last struct ends (what its state vector entry would say). Read from the
// struct store directly: encoding and decoding the state vector on every check cost 8 % of this thread's
// time in the bench's many-rooms case.
function assertSaneClocks(doc) {
  for (const structs of doc.store.clients.values()) {
    const last = structs[structs.length - 1]
    if (last && last.id.clock + last.length > MAX_CLOCK) throw new Error('clock out of range')
  }
}

function run(job) {
  switch (job.op) {
    case 'open': {
      const doc = new Y.Doc()
      doc.transact(() => {
        for (const update of job.updates) Y.applyUpdate(doc, update)
      })
      assertSaneClocks(doc)
      replicas.get(job.room)?.destroy()
      replicas.set(job.room, doc)
      return
    }
    case 'check': {
      const doc = replicas.get(job.room)
      if (!doc) throw new Error('no replica for this document')
      Y.applyUpdate(doc, job.updates[0])
      assertSaneClocks(doc)
      return
    }
    case 'drop':
      replicas.get(job.room)?.destroy()
      replicas.delete(job.room)
      return
    default:
      throw new Error(`unknown job ${job.op}`)
  }
}

parentPort.on('message', ({ jobs }) => {
  const results = []
  for (const job of jobs) {
    startedAt[0] = performance.timeOrigin + performance.now()
    Atomics.store(running, 0, job.id)
    try {
      run(job)
      results.push({ id: job.id, ok: true })
    } catch (err) {
      results.push({ id: job.id, ok: false, error: String(err && err.message ? err.message : err) })
    }
    Atomics.store(running, 0, 0)
  }
  parentPort.postMessage({ results })
})

// Warm up before announcing readiness: a fresh thread would otherwise compile Yjs's hot paths during its
// first real job (a spare taking over a lane must be quick) and count that time against the job's limit.
function warmUp() {
  const a = new Y.Doc()
  const fragment = a.getXmlFragment('default')
  for (let i = 0; i < 50; i++) {
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    paragraph.insert(0, [text])
    fragment.insert(fragment.length, [paragraph])
    text.insert(0, 'warm up ' + i, i % 3 === 0 ? { bold: true } : undefined)
    if (i % 4 === 0) text.delete(0, 2)
  }
  a.getMap('meta').set('k', { v: [1, 'x', true] })
  const b = new Y.Doc()
  b.on('update', () => {})
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  a.destroy()
  b.destroy()
}

warmUp()
parentPort.postMessage({ ready: true, cpuClock })
