/**
 * Session lifetime, the Lucia v3 way: a session lasts 30 days and is renewed to 30 days when fewer than 15
 * remain, but never beyond 90 days after it was created (absolute lifetime).
 */
export const DAY_MS = 24 * 60 * 60 * 1000
export const SESSION_TTL_MS = 30 * DAY_MS
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS
export const SESSION_ABSOLUTE_MS = 90 * DAY_MS

export type SessionVerdict = { kind: 'expired' } | { kind: 'valid' } | { kind: 'renew'; expiresAt: number }

export function judgeSession(session: { createdAt: number; expiresAt: number }, now: number): SessionVerdict {
  const absoluteEnd = session.createdAt + SESSION_ABSOLUTE_MS
  if (now >= session.expiresAt || now >= absoluteEnd) return { kind: 'expired' }
  if (session.expiresAt - now < SESSION_RENEW_WITHIN_MS) {
    const expiresAt = Math.min(now + SESSION_TTL_MS, absoluteEnd)
    if (expiresAt > session.expiresAt) return { kind: 'renew', expiresAt }
  }
  return { kind: 'valid' }
}

export function newSessionExpiry(now: number): number {
  return now + SESSION_TTL_MS
}

/** The cookie carrying the session token; the `__Host-` prefix is used when served over HTTPS. */
export const SESSION_COOKIE = 'hub_session'
export const SECURE_SESSION_COOKIE = '__Host-hub_session'

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE
}

/**
 * Reads the session token from a Cookie header, under the one name the hub sets for this kind of request.
 * Over HTTPS only the `__Host-` cookie counts: a plain `hub_session` could have been planted by a sibling
 * subdomain or an http:// page (the prefix guarantees Secure, Path=/ and no Domain), so accepting it would
 * undo what the prefix is for.
 */
export function sessionTokenFromCookieHeader(header: string | undefined | null, secure: boolean): string | null {
  if (!header) return null
  const wanted = sessionCookieName(secure)
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === wanted) return part.slice(eq + 1).trim() || null
  }
  return null
}
