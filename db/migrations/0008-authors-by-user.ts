/**
 * "Drafts I wrote in" on the home page is answered from `document_authors` (who wrote with which Yjs
 * client id, kept for good) instead of the update log, whose rows a compaction deletes: a member's
 * co-written draft dropped off their home page as soon as its room was unloaded. This index makes that
 * lookup by person. Frozen.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('document_authors_user').on('document_authors').columns(['user_id', 'document_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('document_authors_user').execute()
}
