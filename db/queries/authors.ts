/**
 * Which person wrote with which Yjs client id in a document (recorded by the collab server). A disputed id
 * (a second person wrote with it) is left out, so its text is shown with no author rather than as the first
 * person's.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'

export function listDocumentAuthors(db: Kysely<Database>, documentId: string) {
  return db
    .selectFrom('document_authors')
    .innerJoin('users', 'users.id', 'document_authors.user_id')
    .select(['document_authors.client_id', 'users.id as user_id', 'users.display_name'])
    .where('document_authors.document_id', '=', documentId)
    .where('document_authors.disputed', '=', 0)
    .execute()
}
