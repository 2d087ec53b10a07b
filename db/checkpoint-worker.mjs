// The WAL checkpointer thread (see checkpointer.ts). Plain JavaScript so it runs the same under tsx,
// vitest and a bundled build. It has a connection of its own to the database file and, whenever the main
// thread says commits happened, copies committed WAL frames back into the database file (PASSIVE: it
// never waits for, nor blocks, a writer or a reader) and fsyncs it here instead of on the main thread.
import { parentPort, workerData } from 'node:worker_threads'
import SQLite from 'better-sqlite3'

const db = new SQLite(workerData.file)
db.pragma('busy_timeout = 5000')
db.pragma('synchronous = FULL')
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)')

parentPort.on('message', (msg) => {
  if (msg?.close) {
    // The main thread waits on this flag, so that its own connection closes last (checkpointer.ts).
    db.close()
    Atomics.store(msg.close, 0, 1)
    Atomics.notify(msg.close, 0)
    process.exit(0)
  }
  try {
    checkpoint.get()
  } catch {
    // Busy or locked: the next round tries again; the WAL only grows a little meanwhile.
  }
  parentPort.postMessage('done')
})
