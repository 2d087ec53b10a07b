/** Loading what a route acts on, or a 404 that names it. */
import type { Kysely } from 'kysely'
import { findBodyBySlug } from '../db/queries/bodies.ts'
import type { Database } from '../db/schema.ts'
import { notFound } from '../domain/errors.ts'

export async function loadBody(db: Kysely<Database>, slug: string) {
  const body = await findBodyBySlug(db, slug)
  if (!body) throw notFound('Body')
  return body
}
