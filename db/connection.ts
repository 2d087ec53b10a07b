/**
 * Opens the embedded SQLite database with explicit pragmas: WAL for concurrent readers, synchronous=FULL so
 * a commit survives power loss (better-sqlite3 would default to NORMAL under WAL), foreign keys on, and a
 * busy timeout instead of immediate SQLITE_BUSY errors.
 */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return { sqlite, db }
}
