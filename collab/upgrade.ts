/**
 * Authentication of the websocket upgrade, before any websocket exists: the path names a document, the
 * `Origin` passes the same-origin rule, the session cookie is valid, and the person may read the document.
 * A refusal is a plain HTTP response (401, 403, 404) and the socket is closed; `ws` never sees it.
 *
 * URL: `/collab/<documentId>[?ack=1]`; `ack=1` asks for "saved" acknowledgements (see protocol.ts).
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Kysely } from 'kysely'
import { findCollabIdentity } from '../db/queries/collab-identity.ts'
import type { Database } from '../db/schema.ts'
import { checkSessionToken } from '../db/session-auth.ts'
import { isSameOrigin, servedOverHttps, type RequestFacts, type SiteConfig } from '../domain/same-origin.ts'
import { sessionTokenFromCookieHeader } from '../domain/session-policy.ts'
import { decideAccess } from './access.ts'
import type { Access } from './connection.ts'
import { userColor, type Identity } from './identity.ts'

export type UpgradeResult =
  | { ok: true; documentId: string; identity: Identity; access: Access; sessionExpiresAt: number; wantsAcks: boolean }
  | { ok: false; status: 401 | 403 | 404 | 503; message: string }

const PATH = /^\/collab\/([A-Za-z0-9_-]{1,64})$/

export async function authenticateUpgrade(
  req: IncomingMessage,
  deps: { db: Kysely<Database>; now: () => number; publicUrl: string | null; trustProxy?: boolean },
): Promise<UpgradeResult> {
  const url = new URL(req.url ?? '/', 'http://collab.invalid')
  const match = PATH.exec(url.pathname)
  if (!match) return { ok: false, status: 404, message: 'Unknown document.' }
  // The API's rules (domain/same-origin.ts) for Origin and for HTTPS, which picks the one cookie name.
  const site: SiteConfig = { publicUrl: deps.publicUrl, trustProxy: deps.trustProxy ?? false }
  const facts = upgradeFacts(req)
  if (!isSameOrigin(site, facts)) return { ok: false, status: 403, message: 'Origin not allowed.' }
  const token = sessionTokenFromCookieHeader(req.headers.cookie, servedOverHttps(site, facts))
  const session = token ? await checkSessionToken(deps.db, token, deps.now()) : null
  if (!token || !session) return { ok: false, status: 401, message: 'Sign in first.' }
  const documentId = ownCopy(match[1])
  const decision = await decideAccess(deps.db, session.userId, documentId)
  if (decision.kind === 'deny') return { ok: false, status: decision.status, message: decision.reason }
  const person = await findCollabIdentity(deps.db, session.userId)
  if (!person) return { ok: false, status: 401, message: 'Sign in first.' }
  return {
    ok: true,
    documentId,
    access: decision.access,
    sessionExpiresAt: session.expiresAt,
    wantsAcks: url.searchParams.get('ack') === '1',
    identity: {
      userId: session.userId,
      sessionId: session.id,
      token: ownCopy(token),
      name: person.display_name,
      institution: person.institution_name,
      color: userColor(session.userId),
    },
  }
}

/**
 * A copy of a string that does not keep the string it was cut from alive. V8 represents a substring of 13
 * or more characters as a slice of its parent, so a document id cut from the URL and a token cut from the
 * Cookie header would keep the whole URL and header in memory for the connection's lifetime. Both are
 * ASCII by the time they get here.
 */
function ownCopy(s: string): string {
  return Buffer.from(s, 'latin1').toString('latin1')
}

function upgradeFacts(req: IncomingMessage): RequestFacts {
  const header = (name: string) => {
    const value = req.headers[name]
    return Array.isArray(value) ? value.join(',') : value
  }
  return {
    origin: header('origin'),
    host: header('host'),
    forwardedHost: header('x-forwarded-host'),
    forwardedProto: header('x-forwarded-proto'),
    tls: 'encrypted' in req.socket && req.socket.encrypted === true,
  }
}

const STATUS: Record<number, [reason: string, code: string]> = {
  401: ['Unauthorized', 'unauthenticated'],
  403: ['Forbidden', 'forbidden'],
  404: ['Not Found', 'not_found'],
  500: ['Internal Server Error', 'internal'],
  503: ['Service Unavailable', 'unavailable'],
}

/** Answers the upgrade request with a plain HTTP error and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return
  const [reason, code] = STATUS[status] ?? ['Error', 'error']
  const body = JSON.stringify({ error: { code, message } })
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
  socket.once('finish', () => socket.destroy())
}
