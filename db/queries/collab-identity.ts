/** What the collab server needs to know about a signed-in person: the name others see beside their cursor. */
import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'

export function findCollabIdentity(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('users')
    .leftJoin('institutions', 'institutions.id', 'users.institution_id')
    .select(['users.id', 'users.display_name', 'institutions.name_en as institution_name'])
    .where('users.id', '=', userId)
    .executeTakeFirst()
}
