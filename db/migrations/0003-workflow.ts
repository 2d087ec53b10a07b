/**
 * Versions, consensus calls with positions and dispositions, endorsements and publications, with the
 * public full-text index. The records that must never change are guarded by triggers, so not even raw SQL
 * can rewrite history: versions, positions, dispositions, endorsements, publications, and consensus calls
 * once closed. Frozen.
 */
import { sql, type Kysely } from 'kysely'

async function immutable(db: Kysely<any>, table: string): Promise<void> {
  await sql
    .raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is immutable'); END`)
    .execute(db)
  await sql
    .raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is immutable'); END`)
    .execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').addColumn('state_reason', 'text').execute()
  await db.schema.alterTable('documents').addColumn('state_changed_at', 'integer').execute()

  await db.schema
    .createTable('versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('yjs_state', 'blob', (c) => c.notNull())
    .addColumn('prosemirror_json', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('versions_number', ['document_id', 'number'])
    .execute()
  await immutable(db, 'versions')

  await db.schema
    .createTable('consensus_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
    .addColumn('opened_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('opened_at', 'integer', (c) => c.notNull())
    .addColumn('closes_at', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('finding', 'text')
    .addColumn('finding_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('closed_at', 'integer')
    .execute()
  await db.schema.createIndex('consensus_calls_document').on('consensus_calls').columns(['document_id', 'opened_at']).execute()
  await sql`CREATE UNIQUE INDEX consensus_calls_one_open ON consensus_calls (document_id) WHERE status = 'open'`.execute(db)
  // An open call may be closed once (status, finding, closed_by/at); a closed record never changes.
  await sql`CREATE TRIGGER consensus_calls_closed_immutable BEFORE UPDATE ON consensus_calls
    WHEN OLD.status = 'closed' OR NEW.id IS NOT OLD.id OR NEW.document_id IS NOT OLD.document_id
      OR NEW.version_id IS NOT OLD.version_id OR NEW.opened_by IS NOT OLD.opened_by OR NEW.opened_at IS NOT OLD.opened_at
    BEGIN SELECT RAISE(ABORT, 'a closed consensus call is immutable'); END`.execute(db)
  await sql`CREATE TRIGGER consensus_calls_no_delete BEFORE DELETE ON consensus_calls
    BEGIN SELECT RAISE(ABORT, 'consensus_calls is immutable'); END`.execute(db)

  await db.schema
    .createTable('positions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('call_id', 'text', (c) => c.notNull().references('consensus_calls.id'))
    .addColumn('participant_key', 'text', (c) => c.notNull())
    .addColumn('institution_id', 'text', (c) => c.references('institutions.id'))
    .addColumn('cast_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('stance', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('positions_call').on('positions').columns(['call_id', 'id']).execute()
  await immutable(db, 'positions')
  await sql`CREATE TRIGGER positions_only_while_open BEFORE INSERT ON positions
    WHEN (SELECT status FROM consensus_calls WHERE id = NEW.call_id) IS NOT 'open'
    BEGIN SELECT RAISE(ABORT, 'the consensus call is closed'); END`.execute(db)

  await db.schema
    .createTable('dispositions')
    .addColumn('position_id', 'integer', (c) => c.primaryKey().references('positions.id'))
    .addColumn('call_id', 'text', (c) => c.notNull().references('consensus_calls.id'))
    .addColumn('disposition', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .execute()
  await immutable(db, 'dispositions')
  await sql`CREATE TRIGGER dispositions_only_while_open BEFORE INSERT ON dispositions
    WHEN (SELECT status FROM consensus_calls WHERE id = NEW.call_id) IS NOT 'open'
    BEGIN SELECT RAISE(ABORT, 'the consensus call is closed'); END`.execute(db)

  await db.schema
    .createTable('endorsements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('signed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('endorsements_once', ['version_id', 'institution_id'])
    .execute()
  await immutable(db, 'endorsements')

  await db.schema
    .createTable('publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('version_id', 'text', (c) => c.references('versions.id'))
    .addColumn('edition', 'integer', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('markdown', 'text', (c) => c.notNull())
    .addColumn('html_sha256', 'text', (c) => c.notNull())
    .addColumn('markdown_sha256', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id'))
    .addColumn('published_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('publications_edition', ['slug', 'edition'])
    .execute()
  await db.schema.createIndex('publications_document').on('publications').columns(['document_id', 'edition']).execute()
  await immutable(db, 'publications')

  // Full-text search over published text in English and Chinese: trigram finds substrings in any script.
  // Its rowid is the publication's rowid.
  await sql`CREATE VIRTUAL TABLE publications_fts USING fts5(title_en, title_zh, body, tokenize = 'trigram')`.execute(db)
}
