/** What the home page gathers for one person: their drafts, what waits on them, recent activity. */
import { sql, type Kysely } from 'kysely'
import type { DocumentState } from '../../domain/lifecycle.ts'
import type { Database } from '../schema.ts'

/** Documents in the given bodies, in the given states, newest change first. */
export function documentsInBodies(db: Kysely<Database>, bodyIds: string[], states: readonly DocumentState[], limit = 50) {
  if (bodyIds.length === 0 || states.length === 0) return Promise.resolve([])
  return db
    .selectFrom('documents')
    .innerJoin('bodies', 'bodies.id', 'documents.body_id')
    .selectAll('documents')
    .select(['bodies.slug as body_slug', 'bodies.name_en as body_name_en', 'bodies.name_zh as body_name_zh'])
    .where('documents.body_id', 'in', bodyIds)
    .where('documents.state', 'in', [...states])
    .orderBy('documents.updated_at', 'desc')
    .limit(limit)
    .execute()
}

/** Documents a person has written in (any update in the log) or created, still editable. */
export function draftsOf(db: Kysely<Database>, userId: string, limit = 20) {
  return db
    .selectFrom('documents')
    .innerJoin('bodies', 'bodies.id', 'documents.body_id')
    .selectAll('documents')
    .select(['bodies.slug as body_slug', 'bodies.name_en as body_name_en', 'bodies.name_zh as body_name_zh'])
    .where('documents.state', 'in', ['draft', 'consultation'])
    .where((eb) =>
      eb.or([
        eb('documents.created_by', '=', userId),
        eb.exists(
          eb
            .selectFrom('document_updates')
            .select(sql`1`.as('x'))
            .whereRef('document_updates.document_id', '=', 'documents.id')
            .where('document_updates.user_id', '=', userId),
        ),
      ]),
    )
    .orderBy('documents.updated_at', 'desc')
    .limit(limit)
    .execute()
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
