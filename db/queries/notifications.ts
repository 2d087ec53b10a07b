/** The in-app inbox: mentions, replies, suggestions on my drafts, calls opened in my bodies. */
import type { Kysely } from 'kysely'
import type { Database, NotificationTable } from '../schema.ts'

export type NewNotification = Omit<NotificationTable, 'id' | 'read_at'>

export async function notify(db: Kysely<Database>, rows: NewNotification[]): Promise<void> {
  if (rows.length) await db.insertInto('notifications').values(rows.map((r) => ({ ...r, read_at: null }))).execute()
}

export function listNotifications(db: Kysely<Database>, userId: string, limit: number) {
  return db
    .selectFrom('notifications')
    .leftJoin('users', 'users.id', 'notifications.actor_id')
    .leftJoin('documents', 'documents.id', 'notifications.document_id')
    .leftJoin('consensus_calls', 'consensus_calls.id', 'notifications.call_id')
    .select([
      'notifications.id',
      'notifications.kind',
      'notifications.document_id',
      'notifications.comment_id',
      'notifications.call_id',
      'notifications.excerpt',
      'notifications.at',
      'notifications.read_at',
      'users.display_name as actor_name',
      'documents.title_en',
      'documents.title_zh',
      'consensus_calls.closes_at',
    ])
    .where('notifications.user_id', '=', userId)
    .orderBy('notifications.id', 'desc')
    .limit(limit)
    .execute()
}

export async function countUnread(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function markRead(db: Kysely<Database>, userId: string, ids: number[] | 'all', at: number): Promise<void> {
  let q = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null)
  if (ids !== 'all') q = q.where('id', 'in', ids.length ? ids : [-1])
  await q.execute()
}
