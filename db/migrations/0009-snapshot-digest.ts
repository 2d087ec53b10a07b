/**
 * A SHA-256 digest of each compacted snapshot, written with it by the collab server. On a cold open, a
 * snapshot whose bytes still match is exactly what the server itself encoded from a document whose every
 * update had passed validation, so it is applied at once instead of first on a validator thread's replica
 * (collab/rooms.ts). Snapshots written before this migration have none and keep the validated path until
 * their next compaction. Frozen.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_snapshots').addColumn('sha256', 'blob').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_snapshots').dropColumn('sha256').execute()
}
