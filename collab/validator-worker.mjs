// The validator thread (see validator.ts). Plain JavaScript so it runs the same under tsx, vitest and a
// bundled build without a TypeScript loader.
//
// It keeps a replica of every document assigned to it and answers one job at a time, in order:
//   { id, op: 'open',  room, updates: Uint8Array[] }  build (or rebuild) the replica from stored state
//   { id, op: 'check', room, update: Uint8Array }     apply a client's update to the replica first
//   { id, op: 'drop',  room }                         forget the replica
// and replies { id, ok: true } or { id, ok: false, error }. A job that loops or eats memory is not handled
// here: the main thread terminates this thread (time limit) or V8 does (resourceLimits).
import { parentPort } from 'node:worker_threads'
import * as Y from 'yjs'

const replicas = new Map()

function run(job) {
  switch (job.op) {
    case 'open': {
      const doc = new Y.Doc()
      doc.transact(() => {
        for (const update of job.updates) Y.applyUpdate(doc, update)
      })
      replicas.get(job.room)?.destroy()
      replicas.set(job.room, doc)
      return
    }
    case 'check': {
      const doc = replicas.get(job.room)
      if (!doc) throw new Error('no replica for this document')
      Y.applyUpdate(doc, job.update)
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

parentPort.on('message', (job) => {
  try {
    run(job)
    parentPort.postMessage({ id: job.id, ok: true })
  } catch (err) {
    parentPort.postMessage({ id: job.id, ok: false, error: String(err && err.message ? err.message : err) })
  }
})

parentPort.postMessage({ ready: true })
