/**
 * Where a request comes from and how it reached us, decided the same way for the API and the websocket
 * upgrade (each server only reads its headers into `RequestFacts`).
 *
 * - Same origin: `Origin` is accepted when its host equals the request's host (so http://localhost:3000
 *   and http://127.0.0.1:3000 both work locally), or equals the origin of HUB_PUBLIC_URL. Behind a
 *   trusted proxy (HUB_TRUST_PROXY=1) the request's host is the one the proxy forwards (X-Forwarded-Host).
 * - HTTPS: HUB_PUBLIC_URL's scheme when it is set; otherwise a trusted proxy's X-Forwarded-Proto, or TLS
 *   on the connection itself. It decides the session cookie's name and flags, and HSTS.
 */
export interface SiteConfig {
  publicUrl: string | null
  trustProxy: boolean
}

export interface RequestFacts {
  origin?: string | null
  host?: string | null
  forwardedHost?: string | null
  forwardedProto?: string | null
  /** The connection itself is TLS. */
  tls: boolean
}

/** The first value of a header that proxies may have turned into a list ("a, b"). */
const first = (value: string | null | undefined) => value?.split(',')[0]?.trim() || null

export function servedOverHttps(site: SiteConfig, req: RequestFacts): boolean {
  if (site.publicUrl) return site.publicUrl.startsWith('https:')
  if (site.trustProxy && first(req.forwardedProto)?.toLowerCase() === 'https') return true
  return req.tls
}

/** The host the browser addressed: the forwarded one behind a trusted proxy, else the Host header. */
export function requestHost(site: SiteConfig, req: RequestFacts): string | null {
  return (site.trustProxy ? first(req.forwardedHost) : null) ?? first(req.host)
}

export function isSameOrigin(site: SiteConfig, req: RequestFacts): boolean {
  return isAllowedOrigin(req.origin, requestHost(site, req), site.publicUrl)
}

export function isAllowedOrigin(origin: string | undefined | null, host: string | undefined | null, publicUrl?: string | null): boolean {
  if (!origin || origin === 'null') return false
  let parsed: URL
  try {
    parsed = new URL(origin)
  } catch {
    return false
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false
  if (publicUrl && parsed.origin === new URL(publicUrl).origin) return true
  return !!host && parsed.host.toLowerCase() === host.toLowerCase()
}
