/**
 * Security headers on every response. Pages (the web app, the public archive, the API reference) get a
 * Content-Security-Policy that allows only our own scripts and connections only to our own origin:
 * `'self'` plus the hub's websocket origin (`ws(s)://` + the host the page was loaded from, and
 * HUB_PUBLIC_URL's), spelled out because `'self'` does not cover ws: in every browser. API responses are
 * JSON that no browser renders, so they get the policy OWASP recommends for APIs, `default-src 'none';
 * frame-ancestors 'none'`, and the few headers that matter for data (nosniff, no framing, no cross-origin
 * reads) rather than the page set. HSTS only over HTTPS: sent over plain HTTP it is ignored at best, and on
 * a hub reached by IP or localhost it would pin that name to HTTPS.
 */
import { createMiddleware } from 'hono/factory'
import { requestHost, servedOverHttps as siteServedOverHttps, type SiteConfig, type RequestFacts } from '../../domain/same-origin.ts'
import type { AppEnv } from '../env.ts'
import { requestFacts } from '../request-facts.ts'

/** A host (name or IP, optional port) that is safe to write into a header: nothing that ends a directive. */
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

/** The websocket origins of the hub itself, for `connect-src`. */
export function collabConnectSources(site: SiteConfig, req: RequestFacts): string[] {
  const sources = new Set<string>()
  if (site.publicUrl) {
    const url = new URL(site.publicUrl)
    sources.add(`${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`)
  }
  const host = requestHost(site, req)
  if (host && HOST.test(host)) sources.add(`${siteServedOverHttps(site, req) ? 'wss' : 'ws'}://${host.toLowerCase()}`)
  return [...sources]
}

/**
 * The headers themselves: hono/secure-headers' defaults with our CSP, built once per host instead of per
 * request, and as a plain record, so a handler can put them straight into its Response: through Hono's
 * `c.header` or on a finished Response they become a fetch Headers object, which costs a quarter of a
 * small API read (read-cache.ts takes that path for the busiest routes).
 */
const COMMON: readonly [string, string][] = [
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'DENY'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
]
const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * Scripts only from ourselves. Inline styles stay allowed: Tiptap injects its base stylesheet as a <style>
 * element and renders `style` attributes (table cell alignment) through ProseMirror, and Kobalte's
 * color-mode helper adds a <style> element; a nonce would not cover the attributes. Styles cannot run script.
 */
export function contentSecurityPolicy(connectSources: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

const API: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
}

/** The page headers per (scheme, host) the hub was reached at; there are only ever a few. */
const headerSets = new Map<string, Readonly<Record<string, string>>>()
const MAX_HEADER_SETS = 64

function headersFor(site: SiteConfig, req: RequestFacts, path: string): Readonly<Record<string, string>> {
  const https = siteServedOverHttps(site, req)
  const page = !path.startsWith('/api/') || path === '/api/docs' || path.startsWith('/api/docs/')
  const key = `${page ? 'page' : 'api'}|${https ? 's' : ''}|${page ? (requestHost(site, req) ?? '') : ''}`
  let set = headerSets.get(key)
  if (!set) {
    const hsts: Record<string, string> = https ? { 'Strict-Transport-Security': HSTS } : {}
    set = Object.freeze(
      page ? { ...Object.fromEntries(COMMON), 'Content-Security-Policy': contentSecurityPolicy(collabConnectSources(site, req)), ...hsts } : { ...API, ...hsts },
    )
    if (headerSets.size < MAX_HEADER_SETS) headerSets.set(key, set)
  }
  return set
}

/**
 * Needs `deps` (the site config) on the context, so it runs after the middleware that sets them. A
 * handler that builds its Response itself with these headers (`securityHeaders`, see read-cache.ts)
 * marks it `secured`; every other response gets them here.
 */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  const set = headersFor(c.get('deps').config, requestFacts(c), c.req.path)
  c.set('securityHeaders', set)
  await next()
  if (c.get('secured')) return
  for (const name in set) c.res.headers.set(name, set[name])
})
