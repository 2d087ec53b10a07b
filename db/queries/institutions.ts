/** Member institutions of the organisation. */
import type { Kysely } from 'kysely'
import type { Database, InstitutionRow } from '../schema.ts'

export function listInstitutions(db: Kysely<Database>, opts: { status?: 'active' | 'suspended' } = {}) {
  let q = db.selectFrom('institutions').selectAll()
  if (opts.status) q = q.where('status', '=', opts.status)
  return q.orderBy('name_en').execute()
}

export function findInstitution(db: Kysely<Database>, id: string) {
  return db.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertInstitution(db: Kysely<Database>, row: InstitutionRow): Promise<void> {
  await db.insertInto('institutions').values(row).execute()
}

export async function updateInstitution(
  db: Kysely<Database>,
  id: string,
  patch: Partial<Omit<InstitutionRow, 'id' | 'created_at'>>,
): Promise<void> {
  if (Object.keys(patch).length === 0) return
  await db.updateTable('institutions').set(patch).where('id', '=', id).execute()
}
