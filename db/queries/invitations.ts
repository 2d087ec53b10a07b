/** Invitations to a body: the token is stored hashed; accepted, revoked or expired ones are kept for the record. */
import type { Kysely } from 'kysely'
import type { Database, InvitationRow } from '../schema.ts'
import { hashToken } from '../tokens.ts'

export async function insertInvitation(db: Kysely<Database>, row: InvitationRow): Promise<void> {
  await db.insertInto('invitations').values(row).execute()
}

export function findInvitationByToken(db: Kysely<Database>, token: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('bodies', 'bodies.id', 'invitations.body_id')
    .selectAll('invitations')
    .select(['bodies.slug as body_slug', 'bodies.name_en as body_name_en', 'bodies.name_zh as body_name_zh', 'bodies.archived_at as body_archived_at'])
    .where('invitations.token_hash', '=', hashToken(token))
    .executeTakeFirst()
}

export function findInvitation(db: Kysely<Database>, bodyId: string, id: string) {
  return db.selectFrom('invitations').selectAll().where('body_id', '=', bodyId).where('id', '=', id).executeTakeFirst()
}

/** Invitations still open: not accepted, not revoked, not expired. */
export function listOpenInvitations(db: Kysely<Database>, bodyId: string, now: number) {
  return db
    .selectFrom('invitations')
    .leftJoin('users', 'users.id', 'invitations.invited_by')
    .selectAll('invitations')
    .select('users.display_name as invited_by_name')
    .where('invitations.body_id', '=', bodyId)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', now)
    .orderBy('invitations.created_at', 'desc')
    .execute()
}

export async function markInvitation(
  db: Kysely<Database>,
  id: string,
  patch: Partial<Pick<InvitationRow, 'accepted_at' | 'accepted_by' | 'revoked_at'>>,
): Promise<void> {
  await db.updateTable('invitations').set(patch).where('id', '=', id).execute()
}
