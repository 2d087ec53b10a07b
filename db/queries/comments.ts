/** Comment threads and suggestions on a document. */
import type { Kysely } from 'kysely'
import type { CommentRow, Database } from '../schema.ts'

export async function insertComment(db: Kysely<Database>, row: CommentRow): Promise<void> {
  await db.insertInto('comments').values(row).execute()
}

export function findComment(db: Kysely<Database>, id: string) {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listDocumentComments(db: Kysely<Database>, documentId: string) {
  return db
    .selectFrom('comments')
    .innerJoin('users', 'users.id', 'comments.author_id')
    .selectAll('comments')
    .select('users.display_name as author_name')
    .where('comments.document_id', '=', documentId)
    .orderBy('comments.created_at')
    .execute()
}

export async function setThreadStatus(
  db: Kysely<Database>,
  threadId: string,
  s: { status: CommentRow['status']; by: string | null; at: number | null },
): Promise<void> {
  await db.updateTable('comments').set({ status: s.status, resolved_by: s.by, resolved_at: s.at }).where('id', '=', threadId).execute()
}

/**
 * Decides an open suggestion (accepted or rejected) if nobody has yet and it is not deleted, in one
 * conditional write: of two people deciding at once only one gets true, so a replacement is never applied
 * twice (and a deleted one, whose proposal is gone, is never applied as an empty replacement).
 */
export async function claimSuggestion(db: Kysely<Database>, threadId: string, s: { status: 'accepted' | 'rejected'; by: string; at: number }): Promise<boolean> {
  const result = await db
    .updateTable('comments')
    .set({ status: s.status, resolved_by: s.by, resolved_at: s.at })
    .where('id', '=', threadId)
    .where('kind', '=', 'suggestion')
    .where('status', '=', 'open')
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Soft delete: the thread keeps its place, the words are gone. */
export async function deleteComment(db: Kysely<Database>, id: string, at: number): Promise<void> {
  await db.updateTable('comments').set({ body: '', proposal: null, deleted_at: at }).where('id', '=', id).execute()
}

export function threadParticipants(db: Kysely<Database>, threadId: string) {
  return db.selectFrom('comments').select('author_id').distinct().where('thread_id', '=', threadId).where('deleted_at', 'is', null).execute()
}

export function openSuggestions(db: Kysely<Database>, documentId: string) {
  return db
    .selectFrom('comments')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('kind', '=', 'suggestion')
    .where('parent_id', 'is', null)
    .where('status', '=', 'open')
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute()
}
