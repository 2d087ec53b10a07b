/**
 * A Yjs client id belongs to the first person seen writing with it (`document_authors`). Nothing in the
 * protocol stops a crafted client from writing under someone else's id, which made its text show as theirs
 * in "who wrote this" and the version compare. The collab server now marks such an id `disputed` when a
 * second person writes with it, and its text shows with no author. Frozen.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_authors').addColumn('disputed', 'integer', (c) => c.notNull().defaultTo(0)).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_authors').dropColumn('disputed').execute()
}
