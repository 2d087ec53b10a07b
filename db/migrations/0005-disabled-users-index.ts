/**
 * A partial index over the (few) disabled accounts, so a body's member count is the count of its
 * membership index entries minus its disabled members, instead of one users lookup per membership (the
 * bodies list went from ~24 ms to ~0.5 ms on the 10× bench dataset). Frozen.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX users_disabled ON users (id) WHERE disabled_at IS NOT NULL`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_disabled').execute()
}
