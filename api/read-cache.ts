/**
 * Responses of the busiest read routes (lists of bodies, institutions, documents, audit events), kept as
 * the encoded JSON they were sent as until any data changes (db/data-version.ts): a hit costs a map lookup
 * and a write, where building a 300 KB list costs milliseconds of SQL and serialisation. Entries are per
 * person (`key` includes who asks, since lists are filtered and annotated by their rights), bounded in
 * total size, and only stored when no write happened while they were built. Each carries an ETag, so a
 * browser that revalidates gets a 304 without the body.
 */
import type { Context, TypedResponse } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { JSONParsed } from 'hono/utils/types'
import type { AppEnv } from './env.ts'

interface Entry {
  version: number
  /** The JSON text, encoded once: every hit then writes bytes as they are. */
  body: Buffer<ArrayBuffer>
  etag: string
}

export interface ReadCache {
  get(key: string, version: number): Entry | undefined
  set(key: string, entry: Entry): void
}

/** At most `maxBytes` of response text, the least recently used dropped first. */
export function createReadCache(maxBytes = 64 * 1024 * 1024): ReadCache {
  const entries = new Map<string, Entry>()
  let bytes = 0
  const drop = (key: string) => {
    const e = entries.get(key)
    if (!e) return
    entries.delete(key)
    bytes -= e.body.length
  }
  return {
    get(key, version) {
      const e = entries.get(key)
      if (!e) return undefined
      if (e.version !== version) {
        drop(key)
        return undefined
      }
      entries.delete(key) // most recently used last
      entries.set(key, e)
      return e
    },
    set(key, entry) {
      if (entry.body.length > maxBytes / 4) return
      drop(key)
      entries.set(key, entry)
      bytes += entry.body.length
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break
        drop(oldest)
      }
    },
  }
}

type Json200<T> = Response & TypedResponse<JSONParsed<T>, 200, 'json'>

/** Cache key: who asks, and the path and query they asked for. */
function cacheKey(c: Context<AppEnv>): string {
  const url = c.req.url
  return `${c.get('actor')?.userId ?? '-'} ${url.slice(url.indexOf('/', url.indexOf('//') + 2))}`
}

/**
 * Answers from the cache, or builds the response with `build` and keeps it, for this person and this URL
 * (path and query). Call after authorizing: the cache never decides who may read.
 */
export async function cachedJson<T extends object>(c: Context<AppEnv>, build: () => Promise<T>): Promise<Json200<T>> {
  const { readCache, dataVersion } = c.get('deps')
  const key = cacheKey(c)
  const version = dataVersion.current()
  let entry = readCache.get(key, version)
  if (!entry) {
    const body = Buffer.from(JSON.stringify(await build()))
    // The key is in the tag: a browser shared by two people must not get one's list for the other's.
    entry = { version, body, etag: `W/"${version.toString(36)}-${fnv1a(key)}-${body.length.toString(36)}"` }
    if (dataVersion.current() === version) readCache.set(key, entry)
  }
  return respond(c, entry) as unknown as Json200<T>
}

/**
 * Answers a GET before routing when this person has been answered for this exact URL and no data has
 * changed since. Sound because an entry only exists once its route authorized this person for this URL,
 * and that decision depends on nothing but the data (unchanged, or the entry would be stale) and the
 * person (whose session the session middleware has just checked); it saves routing, query validation and
 * the route's own lookups. Runs after the session middleware.
 */
export const cachedReads = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'GET' || !c.get('actor')) return next()
  const { readCache, dataVersion } = c.get('deps')
  const entry = readCache.get(cacheKey(c), dataVersion.current())
  return entry ? respond(c, entry) : next()
})

function respond(c: Context<AppEnv>, entry: Entry): Response {
  // Built directly, with every header in one plain record: the fast path of @hono/node-server.
  const headers = { ...c.get('securityHeaders'), 'content-type': 'application/json', etag: entry.etag, 'cache-control': 'private, no-cache' }
  c.set('secured', true)
  const notModified = c.req.header('if-none-match') === entry.etag
  return new Response(notModified ? null : entry.body, { status: notModified ? 304 : 200, headers })
}

/** A short, stable hash of a string (32-bit FNV-1a), to tell ETags of different keys apart. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(36)
}
