/**
 * Security headers on every response, with a Content-Security-Policy that allows only our own scripts
 * (the built client, the local API reference) and connections only to our own origin: `'self'` plus the
 * hub's websocket origin (`ws(s)://` + the host the page was loaded from, and HUB_PUBLIC_URL's), spelled
 * out because `'self'` does not cover ws: in every browser. HSTS only over HTTPS: sent over plain HTTP it
 * is ignored at best, and on a hub reached by IP or localhost it would pin that name to HTTPS.
 */
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { secureHeaders } from 'hono/secure-headers'
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

const connectSources = (c: Context) => {
  const ctx = c as Context<AppEnv>
  return ["'self'", ...collabConnectSources(ctx.var.deps.config, requestFacts(ctx))].join(' ')
}

const headers = (hsts: boolean) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Inline styles stay allowed: Tiptap injects its base stylesheet as a <style> element and renders
      // `style` attributes (table cell alignment) through ProseMirror, and Kobalte's color-mode helper adds
      // a <style> element; a nonce would not cover the attributes. Styles cannot run script.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: [connectSources],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: hsts ? 'max-age=31536000; includeSubDomains' : false,
    xFrameOptions: 'DENY',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  })

const overHttps = headers(true)
const overHttp = headers(false)

/** Needs `deps` (the site config) on the context, so it runs after the middleware that sets them. */
export const securityHeaders = createMiddleware<AppEnv>((c, next) =>
  (siteServedOverHttps(c.var.deps.config, requestFacts(c)) ? overHttps : overHttp)(c, next),
)
