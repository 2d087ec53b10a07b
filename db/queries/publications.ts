/**
 * Published editions and the public archive's search. The FTS5 table uses the trigram tokenizer, which
 * finds any substring of three or more characters in any script (English words, Chinese phrases);
 * shorter queries (two-character Chinese words such as 数据) fall back to LIKE over the same table.
 */
import { sql, type Kysely } from 'kysely'
import type { DocumentKind } from '../../domain/roles.ts'
import type { Database, PublicationRow } from '../schema.ts'

export async function insertPublication(db: Kysely<Database>, row: PublicationRow, plainText: string): Promise<void> {
  await db.insertInto('publications').values(row).execute()
  await sql`INSERT INTO publications_fts (rowid, title_en, title_zh, body)
    SELECT rowid, title_en, title_zh, ${plainText} FROM publications WHERE id = ${row.id}`.execute(db)
}

export async function nextEdition(db: Kysely<Database>, documentId: string): Promise<number> {
  const row = await db.selectFrom('publications').select((eb) => eb.fn.max('edition').as('n')).where('document_id', '=', documentId).executeTakeFirst()
  return Number(row?.n ?? 0) + 1
}

export function findPublicationSlug(db: Kysely<Database>, documentId: string) {
  return db.selectFrom('publications').select('slug').where('document_id', '=', documentId).executeTakeFirst()
}

/** The newest edition of a document, if it was ever published (a revision in progress keeps it public). */
export function latestEditionOf(db: Kysely<Database>, documentId: string) {
  return db.selectFrom('publications').select(['slug', 'edition']).where('document_id', '=', documentId).orderBy('edition', 'desc').executeTakeFirst()
}

export async function slugTaken(db: Kysely<Database>, slug: string): Promise<boolean> {
  return !!(await db.selectFrom('publications').select('id').where('slug', '=', slug).executeTakeFirst())
}

export function listEditions(db: Kysely<Database>, slug: string) {
  return db
    .selectFrom('publications')
    .select(['id', 'edition', 'published_at', 'html_sha256', 'markdown_sha256', 'title_en', 'title_zh'])
    .where('slug', '=', slug)
    .orderBy('edition', 'desc')
    .execute()
}

export function findEdition(db: Kysely<Database>, slug: string, edition?: number) {
  let q = db
    .selectFrom('publications')
    .innerJoin('bodies', 'bodies.id', 'publications.body_id')
    .selectAll('publications')
    .select(['bodies.slug as body_slug', 'bodies.name_en as body_name_en', 'bodies.name_zh as body_name_zh'])
    .where('publications.slug', '=', slug)
  q = edition === undefined ? q.orderBy('publications.edition', 'desc') : q.where('publications.edition', '=', edition)
  return q.executeTakeFirst()
}

export interface ArchiveQuery {
  q?: string
  body?: string
  kind?: DocumentKind
  year?: number
  limit: number
  offset: number
}

/** The latest edition of every published document that matches, newest first. */
export function searchArchive(db: Kysely<Database>, f: ArchiveQuery) {
  let q = db
    .selectFrom('publications')
    .innerJoin('bodies', 'bodies.id', 'publications.body_id')
    .select([
      'publications.id',
      'publications.document_id',
      'publications.slug',
      'publications.edition',
      'publications.kind',
      'publications.title_en',
      'publications.title_zh',
      'publications.language',
      'publications.year',
      'publications.published_at',
      'publications.record',
      'bodies.slug as body_slug',
      'bodies.name_en as body_name_en',
      'bodies.name_zh as body_name_zh',
    ])
    .where(({ eb, selectFrom }) =>
      eb('publications.edition', '=', selectFrom('publications as later').select((e) => e.fn.max('later.edition').as('m')).whereRef('later.slug', '=', 'publications.slug')),
    )
  if (f.body) q = q.where('bodies.slug', '=', f.body)
  if (f.kind) q = q.where('publications.kind', '=', f.kind)
  if (f.year) q = q.where('publications.year', '=', f.year)
  // Control characters cannot be in the indexed text, and a NUL ends FTS5's quoted string (a syntax error):
  // the API refuses them (400), the public page's search box may still pass them on.
  const text = f.q?.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').trim()
  if (text) {
    const match =
      [...text].length >= 3
        ? sql<boolean>`publications.rowid IN (SELECT rowid FROM publications_fts WHERE publications_fts MATCH ${'"' + text.replace(/"/g, '""') + '"'})`
        : sql<boolean>`publications.rowid IN (SELECT rowid FROM publications_fts WHERE title_en LIKE ${like(text)} ESCAPE '\\' OR title_zh LIKE ${like(text)} ESCAPE '\\' OR body LIKE ${like(text)} ESCAPE '\\')`
    q = q.where(match)
  }
  return q.orderBy('publications.published_at', 'desc').limit(f.limit).offset(f.offset).execute()
}

const like = (text: string) => `%${text.replace(/[%_\\]/g, (m) => `\\${m}`)}%`

/** A short excerpt around the first match, for search results. */
export async function excerpt(db: Kysely<Database>, publicationId: string, q: string): Promise<string> {
  const row = await sql<{ body: string }>`SELECT body FROM publications_fts WHERE rowid = (SELECT rowid FROM publications WHERE id = ${publicationId})`.execute(db)
  const body = row.rows[0]?.body ?? ''
  const at = body.toLowerCase().indexOf(q.toLowerCase())
  const start = Math.max(0, at - 60)
  return (start > 0 ? '…' : '') + body.slice(start, start + 200).replace(/\s+/g, ' ') + (start + 200 < body.length ? '…' : '')
}
