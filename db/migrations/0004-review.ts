/**
 * Review: comment threads and suggestions anchored to text by Yjs relative positions, the Yjs client ids
 * each person wrote with (authorship), and the in-app inbox. Frozen.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('thread_id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('comments.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('comment'))
    .addColumn('anchor_start', 'blob')
    .addColumn('anchor_end', 'blob')
    .addColumn('quote', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('context_before', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('context_after', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('proposal', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addColumn('resolved_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('deleted_at', 'integer')
    .execute()
  await db.schema.createIndex('comments_document').on('comments').columns(['document_id', 'thread_id', 'created_at']).execute()

  await db.schema
    .createTable('document_authors')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('client_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('first_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_authors_pk', ['document_id', 'client_id'])
    .execute()

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('comment_id', 'text')
    .addColumn('call_id', 'text')
    .addColumn('excerpt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('read_at', 'integer')
    .execute()
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute()
}
