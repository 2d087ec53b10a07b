/**
 * Seeds the organisation's structure (bodies with their programmes) from the copy of wic.json kept in the
 * repository. Idempotent: bodies that exist (by slug) are left as they are, so renames by the secretariat stick.
 */
import type { Kysely } from 'kysely'
import type { BodyKind } from '../../domain/roles.ts'
import { newId } from '../ids.ts'
import type { Database } from '../schema.ts'
import wic from './wic.json' with { type: 'json' }

interface SeedBody {
  slug: string
  kind: string
  name_en: string
  name_zh: string
  mandate_en?: string
  note?: string
  established?: string
  children?: SeedBody[]
}

export async function seedOrganisation(db: Kysely<Database>, now: number): Promise<number> {
  let created = 0
  const insert = async (trx: Kysely<Database>, b: SeedBody, parentId: string | null, order: number): Promise<string> => {
    const existing = await trx.selectFrom('bodies').select('id').where('slug', '=', b.slug).executeTakeFirst()
    if (existing) return existing.id
    const id = newId()
    await trx
      .insertInto('bodies')
      .values({
        id,
        slug: b.slug,
        kind: b.kind as BodyKind,
        parent_id: parentId,
        name_en: b.name_en,
        name_zh: b.name_zh,
        mandate_en: b.mandate_en ?? b.note ?? '',
        mandate_zh: '',
        established: b.established ?? null,
        archived_at: null,
        // Keeps the seed's order when bodies are listed by creation time.
        created_at: now + order,
      })
      .execute()
    created++
    return id
  }
  await db.transaction().execute(async (trx) => {
    let order = 0
    for (const body of wic.bodies as SeedBody[]) {
      const id = await insert(trx, body, null, order++)
      for (const child of body.children ?? []) await insert(trx, child, id, order++)
    }
  })
  return created
}

export const organisation = wic
