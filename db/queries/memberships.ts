/** Memberships: who holds which role in which body. */
import type { Kysely } from 'kysely'
import type { Role } from '../../domain/roles.ts'
import type { Database } from '../schema.ts'

export async function rolesOfUser(db: Kysely<Database>, userId: string): Promise<Map<string, Role>> {
  const rows = await db.selectFrom('memberships').select(['body_id', 'role']).where('user_id', '=', userId).execute()
  return new Map(rows.map((r) => [r.body_id, r.role]))
}

export function findMembership(db: Kysely<Database>, bodyId: string, userId: string) {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('body_id', '=', bodyId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}

/** Chairs of the body other than `userId` whose accounts are enabled: the ones who could still act. */
export async function countOtherActiveChairs(db: Kysely<Database>, bodyId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('memberships.body_id', '=', bodyId)
    .where('memberships.role', '=', 'chair')
    .where('memberships.user_id', '!=', userId)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function upsertMembership(
  db: Kysely<Database>,
  m: { bodyId: string; userId: string; role: Role; since: number },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ body_id: m.bodyId, user_id: m.userId, role: m.role, since: m.since })
    .onConflict((oc) => oc.columns(['body_id', 'user_id']).doUpdateSet({ role: m.role }))
    .execute()
}

export async function setRole(db: Kysely<Database>, bodyId: string, userId: string, role: Role): Promise<void> {
  await db.updateTable('memberships').set({ role }).where('body_id', '=', bodyId).where('user_id', '=', userId).execute()
}

export async function deleteMembership(db: Kysely<Database>, bodyId: string, userId: string): Promise<void> {
  await db.deleteFrom('memberships').where('body_id', '=', bodyId).where('user_id', '=', userId).execute()
}

/** Members of a body with what the member list shows: name, institution, country, role. */
export function listMembers(db: Kysely<Database>, bodyId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .leftJoin('institutions', 'institutions.id', 'users.institution_id')
    .select([
      'users.id as user_id',
      'users.display_name',
      'memberships.role',
      'memberships.since',
      'institutions.id as institution_id',
      'institutions.name_en as institution_name_en',
      'institutions.name_zh as institution_name_zh',
      'institutions.country',
    ])
    .where('memberships.body_id', '=', bodyId)
    .where('users.disabled_at', 'is', null)
    .orderBy('memberships.role')
    .orderBy('users.display_name')
    .execute()
}
