/**
 * Migration 0007 adds versions.restored_from: copies restored before it get the number their own label
 * states, other versions none, and versions stay immutable afterwards (the trigger it lifts is back).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Connection } from '../../db/connection.ts'
import { migrateTo, migrateToLatest } from '../../db/migrate.ts'

let conn: Connection
let dir: string

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-0007-'))
  conn = openDatabase(path.join(dir, 'hub.sqlite'))
  await migrateTo(conn.db, '0006-member-counts')
  const s = conn.sqlite
  s.prepare("INSERT INTO users (id, email, display_name, institution_id, locale, password_hash, is_secretariat, disabled_at, created_at) VALUES ('u', 'u@hub.test', 'U', NULL, 'en', NULL, 0, NULL, 0)").run()
  s.prepare("INSERT INTO bodies (id, slug, kind, parent_id, name_en, name_zh, mandate_en, mandate_zh, established, archived_at, created_at) VALUES ('b', 'b', 'working_group', NULL, 'B', 'B', '', '', NULL, NULL, 0)").run()
  s.prepare("INSERT INTO documents (id, body_id, kind, title_en, title_zh, language, state, created_by, created_at, updated_at) VALUES ('d', 'b', 'proposal', 'D', 'D', 'en', 'draft', 'u', 0, 0)").run()
  const version = s.prepare("INSERT INTO versions (id, document_id, number, label, origin, yjs_state, prosemirror_json, sha256, created_by, created_at) VALUES (?, 'd', ?, ?, ?, x'00', '{}', '', 'u', 0)")
  version.run('v1', 1, 'Draft 1', 'named')
  version.run('v2', 2, 'Restored from version 1', 'restore')
  version.run('v3', 3, 'Restored from version 12', 'restore')
  version.run('v4', 4, 'Restored from version 2', 'named')
  version.run('v5', 5, 'Restored from version 2b', 'restore')
  await migrateToLatest(conn.db)
})
afterAll(async () => {
  await conn.db.destroy()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('migration 0007', () => {
  it('fills restored_from from the labels of restored copies only', () => {
    const rows = conn.sqlite.prepare('SELECT id, restored_from FROM versions ORDER BY number').all()
    expect(rows).toEqual([
      { id: 'v1', restored_from: null },
      { id: 'v2', restored_from: 1 },
      { id: 'v3', restored_from: 12 },
      { id: 'v4', restored_from: null },
      { id: 'v5', restored_from: null },
    ])
  })

  it('leaves versions immutable', () => {
    expect(() => conn.sqlite.prepare('UPDATE versions SET restored_from = 7').run()).toThrow(/immutable/)
    expect(() => conn.sqlite.prepare('DELETE FROM versions').run()).toThrow(/immutable/)
  })
})
