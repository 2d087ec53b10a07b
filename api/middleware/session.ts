/**
 * Reads the session cookie on every request, renews it when due, and loads the actor for the rules, from
 * the session cache (auth/session-cache.ts) while no data has changed.
 */
import { createMiddleware } from 'hono/factory'
import { loadActor, validateSessionToken } from '../../db/session-auth.ts'
import { sessionTokenFromCookieHeader } from '../../domain/session-policy.ts'
import { setSessionCookie } from '../auth/cookies.ts'
import { servedOverHttps } from '../request-facts.ts'
import type { AppEnv } from '../env.ts'

export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set('session', null)
  c.set('actor', null)
  const token = sessionTokenFromCookieHeader(c.req.header('cookie'), servedOverHttps(c))
  if (token) {
    const { db, now, dataVersion, sessions } = c.get('deps')
    const version = dataVersion.current()
    const cached = sessions.get(token, version, now())
    if (cached) {
      c.set('session', cached.session)
      c.set('actor', cached.actor)
      return next()
    }
    const session = await validateSessionToken(db, token, now())
    const actor = session ? await loadActor(db, session.userId) : null
    if (session && actor) {
      c.set('session', session)
      c.set('actor', actor)
      if (session.renewed) setSessionCookie(c, token, session.expiresAt)
      // Kept only if nothing was written meanwhile (a renewal is a write: the next request keeps it).
      else if (dataVersion.current() === version) sessions.set(token, version, session, actor)
    }
  }
  await next()
})
