/**
 * WAL checkpoints happen on the checkpointer thread, never inside a commit: the main connection's
 * autocheckpoint is off, and committed pages still reach the database file within moments.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/connection.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-checkpoint-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('the WAL checkpointer', () => {
  it('keeps checkpoints out of commits and still copies committed pages into the database file', async () => {
    const file = path.join(dir, 'hub.sqlite')
    const { sqlite, db } = openDatabase(file)
    try {
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
      sqlite.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, b BLOB)')
      const insert = sqlite.prepare('INSERT INTO blobs (b) VALUES (?)')
      const before = fs.statSync(file).size
      for (let i = 0; i < 200; i++) insert.run(Buffer.alloc(40_000, i)) // ~8 MB, 200 commits
      // No commit checkpointed: the pages are in the WAL, not yet in the database file.
      expect(fs.statSync(file).size).toBeLessThan(before + 1_000_000)
      const deadline = Date.now() + 5000
      while (fs.statSync(file).size < before + 7_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      expect(fs.statSync(file).size).toBeGreaterThan(before + 7_000_000)
    } finally {
      await db.destroy()
    }
  })
})
