/**
 * The secretariat's review queue: submitted documents with their body, who submitted them (from the
 * audit event of the move; the document's state_changed_at is when) and how many institutions, from how
 * many countries, endorse the agreed version (the version of the last closed call).
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../schema.ts'

export function listSubmitted(db: Kysely<Database>, limit = 200) {
  const agreedVersion = sql<string>`(SELECT version_id FROM consensus_calls WHERE document_id = documents.id AND status = 'closed' ORDER BY closed_at DESC LIMIT 1)`
  return db
    .selectFrom('documents')
    .innerJoin('bodies', 'bodies.id', 'documents.body_id')
    .selectAll('documents')
    .select([
      'bodies.slug as body_slug',
      'bodies.name_en as body_name_en',
      'bodies.name_zh as body_name_zh',
      sql<string | null>`(SELECT actor_id FROM audit_events WHERE subject_id = documents.id AND subject_type = 'document'
        AND action = 'document.transition' AND json_extract(data, '$.to') = 'submitted' ORDER BY id DESC LIMIT 1)`.as('submitted_by'),
      sql<number>`(SELECT count(*) FROM endorsements WHERE version_id = ${agreedVersion})`.as('endorsing_institutions'),
      sql<number>`(SELECT count(DISTINCT institutions.country) FROM endorsements JOIN institutions ON institutions.id = endorsements.institution_id
        WHERE endorsements.version_id = ${agreedVersion})`.as('endorsing_countries'),
    ])
    .where('documents.state', '=', 'submitted')
    .orderBy('documents.state_changed_at', 'asc')
    .limit(limit)
    .execute()
}
