/** What the home page gathers for one person: their drafts, what waits on them, recent activity. */
import { sql, type Kysely } from 'kysely'
import type { DocumentState } from '../../domain/lifecycle.ts'
import type { Database } from '../schema.ts'
import { documentSubjectOf } from './documents.ts'

/**
 * Documents that may wait on a person (domain/awaiting.ts decides which do): those in the given states in
 * the bodies they belong to or in the children of bodies they chair, and, for the secretariat, submitted
 * documents anywhere. Each comes with its body (and parent kind, for chairs()), the open consensus call if
 * there is one, and whether `participantKey` has stated a position in it. Newest change first.
 */
export function awaitingCandidates(
  db: Kysely<Database>,
  f: { bodyIds: string[]; chairedBodyIds: string[]; secretariat: boolean; participantKey: string; states: readonly DocumentState[]; limit: number },
) {
  if (f.bodyIds.length === 0 && !f.secretariat) return Promise.resolve([])
  return db
    .selectFrom('documents')
    .innerJoin('bodies', 'bodies.id', 'documents.body_id')
    .leftJoin('bodies as parent', 'parent.id', 'bodies.parent_id')
    .leftJoin('consensus_calls as open_call', (join) => join.onRef('open_call.document_id', '=', 'documents.id').on('open_call.status', '=', 'open'))
    .selectAll('documents')
    .select((eb) => [
      'bodies.slug as body_slug',
      'bodies.name_en as body_name_en',
      'bodies.name_zh as body_name_zh',
      'bodies.parent_id as body_parent_id',
      'parent.kind as body_parent_kind',
      'bodies.archived_at as body_archived_at',
      'open_call.id as open_call_id',
      'open_call.closes_at as open_call_closes_at',
      eb
        .exists(eb.selectFrom('positions').select(sql`1`.as('x')).whereRef('positions.call_id', '=', 'open_call.id').where('positions.participant_key', '=', f.participantKey))
        .as('position_stated'),
    ])
    .where('documents.state', 'in', [...f.states])
    .where((eb) =>
      eb.or([
        ...(f.bodyIds.length ? [eb('documents.body_id', 'in', f.bodyIds)] : []),
        ...(f.chairedBodyIds.length ? [eb('bodies.parent_id', 'in', f.chairedBodyIds)] : []),
        ...(f.secretariat ? [eb('documents.state', '=', 'submitted')] : []),
      ]),
    )
    .orderBy('documents.updated_at', 'desc')
    .limit(f.limit)
    .execute()
}

/**
 * Documents a person created or has written in, still editable. Writing is read from the authorship
 * record, which outlives the update log (compaction folds the log into a snapshot and deletes it).
 */
export async function draftsOf(db: Kysely<Database>, userId: string, limit = 20) {
  const rows = await db
    .selectFrom('documents')
    .innerJoin('bodies', 'bodies.id', 'documents.body_id')
    .leftJoin('bodies as parent', 'parent.id', 'bodies.parent_id')
    .selectAll('documents')
    .select(['bodies.slug as body_slug', 'bodies.name_en as body_name_en', 'bodies.name_zh as body_name_zh'])
    .select(['bodies.parent_id as body_parent_id', 'parent.kind as body_parent_kind', 'bodies.archived_at as body_archived_at'])
    .where('documents.state', 'in', ['draft', 'consultation'])
    .where((eb) =>
      eb.or([
        eb('documents.created_by', '=', userId),
        eb.exists(
          eb
            .selectFrom('document_authors')
            .select(sql`1`.as('x'))
            .whereRef('document_authors.document_id', '=', 'documents.id')
            .where('document_authors.user_id', '=', userId),
        ),
      ]),
    )
    .orderBy('documents.updated_at', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ ...r, subject: documentSubjectOf(r) }))
}

/** Audit events about the given bodies or their documents, newest first. */
export function activityInBodies(db: Kysely<Database>, bodyIds: string[], limit = 30) {
  if (bodyIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_id')
    .select([
      'audit_events.id',
      'audit_events.at',
      'audit_events.action',
      'audit_events.subject_type',
      'audit_events.subject_id',
      'audit_events.data',
      'users.display_name as actor_name',
    ])
    .where('audit_events.action', '!=', 'authz.denied')
    .where((eb) =>
      eb.or([
        eb.and([eb('audit_events.subject_type', '=', 'body'), eb('audit_events.subject_id', 'in', bodyIds)]),
        eb.and([
          eb('audit_events.subject_type', '=', 'document'),
          eb('audit_events.subject_id', 'in', eb.selectFrom('documents').select('documents.id').where('documents.body_id', 'in', bodyIds)),
        ]),
      ]),
    )
    .orderBy('audit_events.id', 'desc')
    .limit(limit)
    .execute()
}
