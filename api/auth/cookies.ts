/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/; Secure with the `__Host-` prefix when the hub is
 * served over HTTPS (HUB_PUBLIC_URL is https, or a trusted proxy says so).
 */
import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { sessionCookieName } from '../../domain/session-policy.ts'
import type { AppEnv } from '../env.ts'
import { servedOverHttps } from '../request-facts.ts'

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: number): void {
  const secure = servedOverHttps(c)
  setCookie(c, sessionCookieName(secure), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
    expires: new Date(expiresAt),
  })
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const secure = servedOverHttps(c)
  deleteCookie(c, sessionCookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'Lax' })
}

/** The client address for the audit log; X-Forwarded-For only counts behind a trusted proxy. */
export function clientAddress(c: Context<AppEnv>, remote: string | undefined): string | undefined {
  if (c.var.deps.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  return remote
}

/** An absolute link into the hub, for links people send by email (invitations, password resets). */
export function absoluteLink(c: Context<AppEnv>, path: string): string {
  const base = c.var.deps.config.publicUrl ?? new URL(c.req.url).origin
  return new URL(path, base).toString()
}
