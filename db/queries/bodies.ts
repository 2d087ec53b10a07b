/** Bodies of the organisation: organs, committees, working groups and their programmes. */
import type { Insertable, Kysely } from 'kysely'
import type { BodySubject } from '../../domain/permissions.ts'
import type { BodyKind } from '../../domain/roles.ts'
import type { BodyRow, BodyTable, Database } from '../schema.ts'

export function listBodies(db: Kysely<Database>, opts: { includeArchived: boolean }) {
  let q = db.selectFrom('bodies').selectAll('bodies')
  if (!opts.includeArchived) q = q.where('archived_at', 'is', null)
  return q.orderBy('created_at').orderBy('name_en').execute()
}

/** A body with its parent's kind, which the permission rules need (see `toBodySubject`). */
function selectBody(db: Kysely<Database>) {
  return db.selectFrom('bodies').leftJoin('bodies as parent', 'parent.id', 'bodies.parent_id').selectAll('bodies').select('parent.kind as parent_kind')
}

export function findBodyBySlug(db: Kysely<Database>, slug: string) {
  return selectBody(db).where('bodies.slug', '=', slug).executeTakeFirst()
}

export function findBody(db: Kysely<Database>, id: string) {
  return selectBody(db).where('bodies.id', '=', id).executeTakeFirst()
}

export async function insertBody(db: Kysely<Database>, row: Insertable<BodyTable>): Promise<void> {
  await db.insertInto('bodies').values(row).execute()
}

export async function updateBody(db: Kysely<Database>, id: string, patch: Partial<Omit<BodyRow, 'id' | 'created_at' | 'member_count'>>) {
  if (Object.keys(patch).length === 0) return
  await db.updateTable('bodies').set(patch).where('id', '=', id).execute()
}

export function toBodySubject(b: Pick<BodyRow, 'id' | 'parent_id' | 'archived_at'> & { parent_kind: BodyKind | null }): BodySubject {
  return { id: b.id, parentId: b.parent_id, parentKind: b.parent_kind, archived: b.archived_at !== null }
}
