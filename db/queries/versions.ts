/** Named, immutable versions of a document. */
import type { Kysely } from 'kysely'
import type { Database, VersionRow } from '../schema.ts'

export async function nextVersionNumber(db: Kysely<Database>, documentId: string): Promise<number> {
  const row = await db
    .selectFrom('versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('document_id', '=', documentId)
    .executeTakeFirst()
  return Number(row?.n ?? 0) + 1
}

export async function insertVersion(db: Kysely<Database>, row: VersionRow): Promise<void> {
  await db.insertInto('versions').values(row).execute()
}

export function listVersions(db: Kysely<Database>, documentId: string) {
  return db
    .selectFrom('versions')
    .leftJoin('users', 'users.id', 'versions.created_by')
    .select(['versions.id', 'versions.number', 'versions.label', 'versions.origin', 'versions.restored_from', 'versions.sha256', 'versions.created_at', 'versions.created_by', 'users.display_name as created_by_name'])
    .where('versions.document_id', '=', documentId)
    .orderBy('versions.number', 'desc')
    .execute()
}

export function findVersion(db: Kysely<Database>, documentId: string, number: number) {
  return db.selectFrom('versions').selectAll().where('document_id', '=', documentId).where('number', '=', number).executeTakeFirst()
}

export function findVersionById(db: Kysely<Database>, id: string) {
  return db.selectFrom('versions').selectAll().where('id', '=', id).executeTakeFirst()
}
