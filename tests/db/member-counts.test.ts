/**
 * bodies.member_count is kept by triggers (migration 0006): after any sequence of memberships added,
 * removed or moved and accounts disabled or enabled, it equals the count of active members.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Connection } from '../../db/connection.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { seedOrganisation } from '../../db/seed/organisation.ts'

let conn: Connection
let dir: string
const PEOPLE = 8

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-counts-'))
  conn = openDatabase(path.join(dir, 'hub.sqlite'))
  await migrateToLatest(conn.db)
  await seedOrganisation(conn.db, Date.now())
  const insert = conn.sqlite.prepare('INSERT INTO users (id, email, display_name, institution_id, locale, password_hash, is_secretariat, disabled_at, created_at) VALUES (?, ?, ?, NULL, ?, NULL, 0, NULL, 0)')
  for (let i = 0; i < PEOPLE; i++) insert.run(`u${i}`, `u${i}@hub.test`, `Person ${i}`, 'en')
})
afterAll(async () => {
  await conn.db.destroy()
  fs.rmSync(dir, { recursive: true, force: true })
})

type Op =
  | { kind: 'join'; body: number; user: number }
  | { kind: 'leave'; body: number; user: number }
  | { kind: 'move'; body: number; user: number; to: number }
  | { kind: 'disable' | 'enable'; user: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('join' as const), body: fc.nat(3), user: fc.nat(PEOPLE - 1) }),
  fc.record({ kind: fc.constant('leave' as const), body: fc.nat(3), user: fc.nat(PEOPLE - 1) }),
  fc.record({ kind: fc.constant('move' as const), body: fc.nat(3), user: fc.nat(PEOPLE - 1), to: fc.nat(3) }),
  fc.record({ kind: fc.constantFrom('disable' as const, 'enable' as const), user: fc.nat(PEOPLE - 1) }),
)

describe('bodies.member_count', () => {
  it('equals the number of active members after any changes', () => {
    const bodies = (conn.sqlite.prepare('SELECT id FROM bodies ORDER BY slug LIMIT 4').all() as { id: string }[]).map((b) => b.id)
    const counted = conn.sqlite.prepare(
      'SELECT b.id, b.member_count AS kept, (SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.body_id = b.id AND u.disabled_at IS NULL) AS actual FROM bodies b',
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        conn.sqlite.exec('DELETE FROM memberships; UPDATE users SET disabled_at = NULL')
        for (const o of ops) {
          if (o.kind === 'join') conn.sqlite.prepare("INSERT OR IGNORE INTO memberships (body_id, user_id, role, since) VALUES (?, ?, 'member', 0)").run(bodies[o.body], `u${o.user}`)
          if (o.kind === 'leave') conn.sqlite.prepare('DELETE FROM memberships WHERE body_id = ? AND user_id = ?').run(bodies[o.body], `u${o.user}`)
          if (o.kind === 'move') conn.sqlite.prepare('UPDATE OR IGNORE memberships SET body_id = ? WHERE body_id = ? AND user_id = ?').run(bodies[o.to], bodies[o.body], `u${o.user}`)
          if (o.kind === 'disable') conn.sqlite.prepare('UPDATE users SET disabled_at = 1 WHERE id = ? AND disabled_at IS NULL').run(`u${o.user}`)
          if (o.kind === 'enable') conn.sqlite.prepare('UPDATE users SET disabled_at = NULL WHERE id = ?').run(`u${o.user}`)
        }
        for (const row of counted.all() as { id: string; kept: number; actual: number }[]) expect(row.kept).toBe(row.actual)
      }),
      { numRuns: 200 },
    )
  })
})
