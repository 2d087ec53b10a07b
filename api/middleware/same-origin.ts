/**
 * Cross-site request protection: every unsafe method (POST, PUT, PATCH, DELETE) must come from our own
 * origin (Origin header, or Sec-Fetch-Site: same-origin when a browser sends no Origin) and carry
 * `Content-Type: application/json`, with a body or without one. A cross-site form or a "simple" fetch can
 * send neither without a CORS preflight we never grant; requiring the type on bodyless requests too
 * (sign-out, resolve, disable…) leaves no unsafe route that a plain cross-site POST could reach.
 */
import { createMiddleware } from 'hono/factory'
import { HubError } from '../../domain/errors.ts'
import { isSameOrigin } from '../../domain/same-origin.ts'
import type { AppEnv } from '../env.ts'
import { requestFacts } from '../request-facts.ts'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

export const sameOriginMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE.has(c.req.method)) return next()
  const facts = requestFacts(c)
  const sameOrigin = facts.origin ? isSameOrigin(c.get('deps').config, facts) : c.req.header('sec-fetch-site') === 'same-origin'
  if (!sameOrigin) throw new HubError(403, 'cross_origin', 'Requests that change data must come from the hub itself.')
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') {
    throw new HubError(415, 'unsupported_media_type', 'Send requests that change data as application/json (Content-Type), even without a body.')
  }
  return next()
})
