/** The signed-in person with their memberships: what GET /api/me and sign-in answer. */
import type { Kysely } from 'kysely'
import type { z } from '@hono/zod-openapi'
import { findUserWithInstitution } from '../../db/queries/users.ts'
import type { Database } from '../../db/schema.ts'
import { notFound } from '../../domain/errors.ts'
import { presentUser, type MeSchema } from './users.ts'

export async function loadMe(db: Kysely<Database>, userId: string): Promise<z.infer<typeof MeSchema>> {
  const user = await findUserWithInstitution(db, userId)
  if (!user) throw notFound('Account')
  const memberships = await db
    .selectFrom('memberships')
    .innerJoin('bodies', 'bodies.id', 'memberships.body_id')
    .select(['bodies.id', 'bodies.slug', 'bodies.name_en', 'bodies.name_zh', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .where('bodies.archived_at', 'is', null)
    .orderBy('bodies.name_en')
    .execute()
  return {
    user: presentUser(user),
    memberships: memberships.map((m) => ({ bodyId: m.id, slug: m.slug, nameEn: m.name_en, nameZh: m.name_zh, role: m.role })),
  }
}
