/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/; Secure with the `__Host-` prefix when the hub is
 * served over HTTPS (HUB_PUBLIC_URL is https, or a trusted proxy says so).
 */
import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../../domain/session-policy.ts'
import type { AppEnv } from '../env.ts'

export function servedOverHttps(c: Context<AppEnv>): boolean {
  const { config } = c.var.deps
  if (config.publicUrl) return config.publicUrl.startsWith('https:')
  if (config.trustProxy && c.req.header('x-forwarded-proto') === 'https') return true
  return new URL(c.req.url).protocol === 'https:'
}

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: number): void {
  const secure = servedOverHttps(c)
  setCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
    expires: new Date(expiresAt),
  })
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const secure = servedOverHttps(c)
  deleteCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, { path: '/', secure, httpOnly: true, sameSite: 'Lax' })
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
