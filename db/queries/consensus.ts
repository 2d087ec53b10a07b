/** Consensus calls, the positions cast in them (full history) and the dispositions of formal objections. */
import type { Kysely } from 'kysely'
import type { Stance } from '../../domain/consensus.ts'
import { PARTICIPATING_ROLES } from '../../domain/roles.ts'
import { listMembers } from './memberships.ts'
import type { ConsensusCallRow, Database } from '../schema.ts'

export async function insertCall(db: Kysely<Database>, row: ConsensusCallRow): Promise<void> {
  await db.insertInto('consensus_calls').values(row).execute()
}

export function findCall(db: Kysely<Database>, id: string) {
  return db.selectFrom('consensus_calls').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findOpenCall(db: Kysely<Database>, documentId: string) {
  return db.selectFrom('consensus_calls').selectAll().where('document_id', '=', documentId).where('status', '=', 'open').executeTakeFirst()
}

export function listCalls(db: Kysely<Database>, documentId: string) {
  return db.selectFrom('consensus_calls').selectAll().where('document_id', '=', documentId).orderBy('opened_at', 'desc').execute()
}

export function latestClosedCall(db: Kysely<Database>, documentId: string) {
  return db
    .selectFrom('consensus_calls')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('status', '=', 'closed')
    .orderBy('closed_at', 'desc')
    .executeTakeFirst()
}

/** Every position cast in a call, oldest first, with who cast it and for which institution. */
export function listPositions(db: Kysely<Database>, callId: string) {
  return db
    .selectFrom('positions')
    .innerJoin('users', 'users.id', 'positions.cast_by')
    .leftJoin('institutions', 'institutions.id', 'positions.institution_id')
    .select([
      'positions.id',
      'positions.participant_key',
      'positions.institution_id',
      'positions.stance',
      'positions.reason',
      'positions.at',
      'positions.cast_by',
      'users.display_name as cast_by_name',
      'institutions.name_en as institution_name_en',
      'institutions.name_zh as institution_name_zh',
      'institutions.country',
    ])
    .where('positions.call_id', '=', callId)
    .orderBy('positions.id')
    .execute()
}

export async function insertPosition(
  db: Kysely<Database>,
  p: { callId: string; key: string; institutionId: string | null; castBy: string; stance: Stance; reason: string; at: number },
): Promise<number> {
  const row = await db
    .insertInto('positions')
    .values({ call_id: p.callId, participant_key: p.key, institution_id: p.institutionId, cast_by: p.castBy, stance: p.stance, reason: p.reason, at: p.at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * The dispositions of a call's formal objections, each with who objected as the position itself records
 * it: the institution it was cast for (or, for a person without one, that person), so a participant that
 * has since left the body is still named.
 */
export function listDispositions(db: Kysely<Database>, callId: string) {
  return db
    .selectFrom('dispositions')
    .innerJoin('positions', 'positions.id', 'dispositions.position_id')
    .innerJoin('users', 'users.id', 'positions.cast_by')
    .leftJoin('institutions', 'institutions.id', 'positions.institution_id')
    .selectAll('dispositions')
    .select(['positions.institution_id', 'institutions.name_en as institution_name_en', 'institutions.name_zh as institution_name_zh', 'institutions.country', 'users.display_name as cast_by_name'])
    .where('dispositions.call_id', '=', callId)
    .orderBy('dispositions.position_id')
    .execute()
}

/**
 * The participants of a body's consensus calls: its chairs and members, grouped by the caller by
 * institution (a person without one stands for themselves). Observers and disabled accounts do not take part.
 */
export async function listParticipants(db: Kysely<Database>, bodyId: string) {
  return (await listMembers(db, bodyId)).filter((m) => PARTICIPATING_ROLES.includes(m.role))
}
