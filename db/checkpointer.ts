/**
 * WAL checkpoints off the main thread. SQLite by default checkpoints inside the COMMIT that takes the WAL
 * past 1,000 pages: it copies pages back into the database file and fsyncs it, which on this machine
 * stalls the committing thread for up to ~100-200 ms; for the collab server, whose group commits run on
 * the event loop, that is a stall of every room. So the main connection checkpoints never
 * (`wal_autocheckpoint = 0`) and a worker thread with its own connection does it, at most one at a time
 * and at most every `intervalMs` while there are commits. A PASSIVE checkpoint waits for nobody and
 * blocks nobody, so it cannot hold up a commit; when SQLite closes the last connection it checkpoints
 * the rest.
 */
import { Worker } from 'node:worker_threads'
import type SQLite from 'better-sqlite3'

const WORKER_URL = new URL('./checkpoint-worker.mjs', import.meta.url)

export interface Checkpointer {
  close(): void
}

export function startCheckpointer(sqlite: SQLite.Database, file: string, intervalMs = 250): Checkpointer {
  sqlite.pragma('wal_autocheckpoint = 0')
  const worker = new Worker(WORKER_URL, { workerData: { file } })
  worker.unref()
  const totalChanges = sqlite.prepare('SELECT total_changes() AS n').pluck()
  let checkpointed = -1
  let busy = false
  let closed = false
  const timer = setInterval(() => {
    if (busy || closed) return
    const changes = totalChanges.get() as number
    if (changes === checkpointed) return // nothing committed since: an idle hub wakes no thread
    checkpointed = changes
    busy = true
    worker.postMessage('checkpoint')
  }, intervalMs)
  timer.unref()
  let exited = false
  worker.on('exit', () => (exited = true))
  worker.on('message', () => {
    busy = false
  })
  worker.on('error', () => {
    // Without the thread, checkpoints fall back to SQLite's own, in the commit that needs one.
    if (!closed) sqlite.pragma('wal_autocheckpoint = 1000')
  })
  return {
    /**
     * Waits (at most 2 s, blocking) until the thread has closed its connection, so the main connection is
     * the last to close: SQLite then checkpoints the rest and removes the WAL inside the main close, and
     * nothing touches the database files after it returns (a thread closing later would recreate and
     * delete them under whoever removes or copies the directory next).
     */
    close() {
      if (closed) return
      closed = true
      clearInterval(timer)
      if (exited) return
      const done = new Int32Array(new SharedArrayBuffer(4))
      worker.postMessage({ close: done })
      Atomics.wait(done, 0, 0, 2000)
    },
  }
}
