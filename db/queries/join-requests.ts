/** Requests to join a body, filed by anyone signed in and decided by its chairs. */
import type { Kysely } from 'kysely'
import type { Database, JoinRequestRow } from '../schema.ts'

export async function insertJoinRequest(db: Kysely<Database>, row: JoinRequestRow): Promise<void> {
  await db.insertInto('join_requests').values(row).execute()
}

export function findPendingRequest(db: Kysely<Database>, bodyId: string, userId: string) {
  return db
    .selectFrom('join_requests')
    .selectAll()
    .where('body_id', '=', bodyId)
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
}

export function findJoinRequest(db: Kysely<Database>, bodyId: string, id: string) {
  return db.selectFrom('join_requests').selectAll().where('body_id', '=', bodyId).where('id', '=', id).executeTakeFirst()
}

export function listJoinRequests(db: Kysely<Database>, bodyId: string, status: JoinRequestRow['status']) {
  return db
    .selectFrom('join_requests')
    .innerJoin('users', 'users.id', 'join_requests.user_id')
    .leftJoin('institutions', 'institutions.id', 'users.institution_id')
    .selectAll('join_requests')
    .select([
      'users.display_name',
      'users.email',
      'institutions.id as institution_id',
      'institutions.name_en as institution_name_en',
      'institutions.name_zh as institution_name_zh',
      'institutions.country',
    ])
    .where('join_requests.body_id', '=', bodyId)
    .where('join_requests.status', '=', status)
    .orderBy('join_requests.created_at', 'desc')
    .execute()
}

export async function decideJoinRequest(
  db: Kysely<Database>,
  id: string,
  d: { status: 'approved' | 'declined'; decidedBy: string; at: number },
): Promise<void> {
  await db
    .updateTable('join_requests')
    .set({ status: d.status, decided_by: d.decidedBy, decided_at: d.at })
    .where('id', '=', id)
    .execute()
}
