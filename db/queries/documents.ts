/** Documents and the body they belong to, as the permission rules need them. */
import type { Kysely } from 'kysely'
import type { DocumentState } from '../../domain/lifecycle.ts'
import type { DocumentSubject } from '../../domain/permissions.ts'
import type { BodyKind } from '../../domain/roles.ts'
import type { Database, DocumentRow } from '../schema.ts'

export function findDocument(db: Kysely<Database>, id: string) {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
}

/** A document with its body in the shape `documentAccess` takes. */
export async function findDocumentSubject(
  db: Kysely<Database>,
  id: string,
): Promise<{ document: DocumentRow; subject: DocumentSubject } | undefined> {
  const row = await db
    .selectFrom('documents')
    .innerJoin('bodies', 'bodies.id', 'documents.body_id')
    .leftJoin('bodies as parent', 'parent.id', 'bodies.parent_id')
    .selectAll('documents')
    .select(['bodies.parent_id as body_parent_id', 'parent.kind as body_parent_kind', 'bodies.archived_at as body_archived_at'])
    .where('documents.id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  const { body_parent_id, body_parent_kind, body_archived_at, ...document } = row
  return { document, subject: documentSubjectOf(row) }
}

/** A document row joined with its body's parent and archive columns, as `documentAccess` takes it. */
export function documentSubjectOf(r: {
  state: DocumentState
  body_id: string
  body_parent_id: string | null
  body_parent_kind: BodyKind | null
  body_archived_at: number | null
}): DocumentSubject {
  return { state: r.state, body: { id: r.body_id, parentId: r.body_parent_id, parentKind: r.body_parent_kind, archived: r.body_archived_at !== null } }
}

export function listBodyDocuments(db: Kysely<Database>, bodyId: string) {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('body_id', '=', bodyId)
    .orderBy('updated_at', 'desc')
    .execute()
}

export async function insertDocument(db: Kysely<Database>, row: DocumentRow): Promise<void> {
  await db.insertInto('documents').values(row).execute()
}

export async function touchDocument(db: Kysely<Database>, id: string, at: number): Promise<void> {
  await db.updateTable('documents').set({ updated_at: at }).where('id', '=', id).execute()
}

export async function setDocumentState(
  db: Kysely<Database>,
  id: string,
  s: { state: DocumentRow['state']; reason: string | null; at: number },
): Promise<void> {
  await db
    .updateTable('documents')
    .set({ state: s.state, state_reason: s.reason, state_changed_at: s.at, updated_at: s.at })
    .where('id', '=', id)
    .execute()
}
