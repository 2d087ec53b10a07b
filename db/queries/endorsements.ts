/** Institutions co-signing an agreed version. */
import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'

export function listEndorsements(db: Kysely<Database>, versionId: string) {
  return db
    .selectFrom('endorsements')
    .innerJoin('institutions', 'institutions.id', 'endorsements.institution_id')
    .innerJoin('users', 'users.id', 'endorsements.signed_by')
    .select([
      'endorsements.id',
      'endorsements.at',
      'institutions.id as institution_id',
      'institutions.name_en',
      'institutions.name_zh',
      'institutions.country',
      'users.display_name as signed_by_name',
    ])
    .where('endorsements.version_id', '=', versionId)
    .orderBy('endorsements.at')
    .execute()
}

export async function insertEndorsement(
  db: Kysely<Database>,
  e: { id: string; documentId: string; versionId: string; institutionId: string; signedBy: string; at: number },
): Promise<void> {
  await db
    .insertInto('endorsements')
    .values({ id: e.id, document_id: e.documentId, version_id: e.versionId, institution_id: e.institutionId, signed_by: e.signedBy, at: e.at })
    .execute()
}
