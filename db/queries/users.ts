/** People: accounts, their institution, secretariat rights and disabling. */
import { sql, type Kysely } from 'kysely'
import type { Database, UserRow } from '../schema.ts'

export function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst()
}

/** Display names of these people, by id (those that exist). */
export async function displayNames(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(ids)]).execute()
  return new Map(rows.map((r) => [r.id, r.display_name]))
}

export function findUser(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countActiveSecretariat(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_secretariat', '=', 1)
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertUser(db: Kysely<Database>, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute()
}

export async function updateUser(
  db: Kysely<Database>,
  id: string,
  patch: Partial<Omit<UserRow, 'id' | 'created_at'>>,
): Promise<void> {
  if (Object.keys(patch).length === 0) return
  await db.updateTable('users').set(patch).where('id', '=', id).execute()
}

function usersWithInstitution(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .leftJoin('institutions', 'institutions.id', 'users.institution_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.locale',
      'users.is_secretariat',
      'users.disabled_at',
      'users.created_at',
      'users.institution_id',
      'institutions.name_en as institution_name_en',
      'institutions.name_zh as institution_name_zh',
      'institutions.country',
      sql<number>`users.password_hash is not null`.as('has_password'),
    ])
}

export function findUserWithInstitution(db: Kysely<Database>, id: string) {
  return usersWithInstitution(db).where('users.id', '=', id).executeTakeFirst()
}

/** People with their institution, for the secretariat's list (search by name or email). */
export function listUsers(db: Kysely<Database>, opts: { q?: string; limit: number; offset: number }) {
  let q = usersWithInstitution(db)
  if (opts.q) {
    const like = `%${opts.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`
    q = q.where((eb) =>
      eb.or([sql<boolean>`users.display_name like ${like} escape '\\'`, sql<boolean>`users.email like ${like} escape '\\'`]),
    )
  }
  return q.orderBy('users.display_name').limit(opts.limit).offset(opts.offset).execute()
}
