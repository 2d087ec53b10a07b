/**
 * Opens the embedded SQLite database with explicit pragmas: WAL for concurrent readers, synchronous=FULL so
 * a commit survives power loss (better-sqlite3 would default to NORMAL under WAL), foreign keys on, and a
 * busy timeout instead of immediate SQLITE_BUSY errors. WAL checkpoints run on a thread of their own
 * (checkpointer.ts), not inside a commit on the event loop.
 */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely'
import { startCheckpointer } from './checkpointer.ts'
import type { Database } from './schema.ts'

export interface Connection {
  sqlite: SQLite.Database
  db: Kysely<Database>
}

export const PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 'FULL',
  foreign_keys: 'ON',
  busy_timeout: 5000,
} as const

export function openDatabase(file: string): Connection {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new SQLite(file)
  for (const [name, value] of Object.entries(PRAGMAS)) sqlite.pragma(`${name} = ${value}`)
  const checkpointer = file === ':memory:' ? null : startCheckpointer(sqlite, file)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite, () => checkpointer?.close()) }) })
  return { sqlite, db }
}

/**
 * The handle as Kysely sees it, with prepared statements kept by SQL text. Kysely prepares every query
 * anew, and compiling a statement costs more than running most of ours (a session lookup: ~40 µs to
 * prepare, ~5 µs to run). Kysely's SQL text carries no values (they are bound parameters), so the set of
 * distinct texts is small; the cap only guards against a query built with a varying number of parameters.
 */
function reusingStatements(sqlite: SQLite.Database, beforeClose: () => void): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>()
  return {
    close: () => {
      beforeClose()
      sqlite.close()
    },
    prepare(sql) {
      let statement = statements.get(sql)
      if (!statement) {
        if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!)
        statement = sqlite.prepare(sql)
        statements.set(sql, statement)
      }
      return statement
    },
  }
}
const MAX_STATEMENTS = 2000
