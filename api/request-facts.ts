/**
 * An API request as the shared rules of domain/same-origin.ts see it, so the API and the websocket
 * upgrade decide "same origin" and "over HTTPS" the same way.
 */
import type { Context } from 'hono'
import { servedOverHttps as siteServedOverHttps, type RequestFacts } from '../domain/same-origin.ts'
import type { AppEnv } from './env.ts'

export function requestFacts(c: Context<AppEnv>): RequestFacts {
  return {
    origin: c.req.header('origin'),
    host: c.req.header('host'),
    forwardedHost: c.req.header('x-forwarded-host'),
    forwardedProto: c.req.header('x-forwarded-proto'),
    tls: c.req.url.startsWith('https:'),
  }
}

export function servedOverHttps(c: Context<AppEnv>): boolean {
  return siteServedOverHttps(c.get('deps').config, requestFacts(c))
}
