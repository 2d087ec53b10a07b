/**
 * Who may open a document, and with what access: the same `documentAccess` rule the API uses, fed from
 * the database. Used on the upgrade request and again whenever the API reports a change (role, membership,
 * account, document state) or a session's known expiry passes, so open connections follow at once.
 */
import type { Kysely } from 'kysely'
import { findDocumentSubject } from '../db/queries/documents.ts'
import type { Database } from '../db/schema.ts'
import { checkSessionToken, loadActor } from '../db/session-auth.ts'
import { documentAccess } from '../domain/permissions.ts'
import { CLOSE } from './close-codes.ts'
import type { Access, Connection } from './connection.ts'
import type { Room } from './room.ts'

export type Decision =
  | { kind: 'allow'; access: Access }
  | { kind: 'deny'; status: 401 | 403 | 404; reason: string }

export async function decideAccess(db: Kysely<Database>, userId: string, documentId: string): Promise<Decision> {
  const found = await findDocumentSubject(db, documentId)
  if (!found) return { kind: 'deny', status: 404, reason: 'document not found' }
  const actor = await loadActor(db, userId)
  if (!actor) return { kind: 'deny', status: 403, reason: 'account disabled' }
  const access = documentAccess(actor, found.subject)
  if (access === 'none') return { kind: 'deny', status: 403, reason: 'no access to this document' }
  return { kind: 'allow', access }
}

export interface ReevaluateDeps {
  db: Kysely<Database>
  now: () => number
  log: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void
  room: (documentId: string) => Room | undefined
  /** The connection's held updates may go to the next commit again. */
  released: (room: Room) => void
}

/**
 * Re-checks access and session of an open connection: removed or disabled → 4403, document gone → 4404,
 * session ended → 4401, otherwise read-only or writer as the rule says. Until this settles the
 * connection's updates are held back (its gate), so an edit sent right after a demotion is not stored.
 */
export async function reevaluateAccess(conn: Connection, deps: ReevaluateDeps): Promise<void> {
  if (conn.closed) return
  const evaluation = ++conn.evaluation
  conn.gate++
  try {
    const decision = await decideAccess(deps.db, conn.identity.userId, conn.documentId)
    const session = decision.kind === 'allow' ? await checkSessionToken(deps.db, conn.identity.token, deps.now()) : null
    if (evaluation !== conn.evaluation) {
      // A newer check decides the access, but what arrived while this one ran was sent under this verdict:
      // if it took write access away, those updates are not stored even if the newer check gives it back.
      if (decision.kind === 'deny' || decision.access === 'read' || !session) conn.dropUpTo = conn.submitted
      return
    }
    if (decision.kind === 'deny') {
      return conn.close(decision.status === 404 ? CLOSE.notFound : CLOSE.forbidden, decision.reason, true)
    }
    if (!session) return conn.close(CLOSE.sessionEnded, 'session ended', true)
    conn.sessionExpiresAt = session.expiresAt
    setAccess(conn, decision.access, deps.room(conn.documentId))
  } catch (err) {
    deps.log('error', 'collab access check failed', { error: String(err) })
    conn.close(CLOSE.loadFailed, 'access check failed', true)
  } finally {
    conn.gate--
    const room = deps.room(conn.documentId)
    if (conn.gate === 0 && room && room.accepted.length > 0) deps.released(room)
  }
}

function setAccess(conn: Connection, access: Access, room: Room | undefined): void {
  if (conn.access === access) return
  conn.access = access
  // Whatever it sent before the demotion and is not stored yet stays unstored, whatever comes later.
  if (access === 'read') conn.dropUpTo = conn.submitted
  // A promoted connection may hold edits the server ignored while it was read-only: ask for them.
  if (access === 'write' && room?.conns.has(conn)) conn.send(room.syncStep1())
}
