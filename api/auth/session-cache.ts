/**
 * The signed-in person of each session cookie, kept until any data changes (db/data-version.ts): a
 * request then costs no session, account or membership query. Signing out, revoking a session, changing
 * a password, disabling an account or changing a role are all writes, so none of them can be missed. The
 * expiry is judged again on every use (it depends on the clock, not on data); a session due for renewal
 * or past its expiry goes through the database as usual.
 */
import type { ValidSession } from '../../db/session-auth.ts'
import type { Actor } from '../../domain/permissions.ts'
import { judgeSession } from '../../domain/session-policy.ts'

interface Entry {
  version: number
  session: ValidSession
  actor: Actor
}

export interface SessionCache {
  /** The cached session and person for a token, if still valid at `version` and needing no renewal at `now`. */
  get(token: string, version: number, now: number): { session: ValidSession; actor: Actor } | undefined
  set(token: string, version: number, session: ValidSession, actor: Actor): void
}

export function createSessionCache(maxEntries = 10_000): SessionCache {
  const entries = new Map<string, Entry>()
  return {
    get(token, version, now) {
      const e = entries.get(token)
      if (!e) return undefined
      if (e.version !== version || judgeSession(e.session, now).kind !== 'valid') {
        entries.delete(token)
        return undefined
      }
      return { session: e.session, actor: e.actor }
    },
    set(token, version, session, actor) {
      entries.delete(token)
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
      entries.set(token, { version, session: { ...session, renewed: false }, actor })
    },
  }
}
