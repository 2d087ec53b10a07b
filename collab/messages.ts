/**
 * What the server does with each frame a client sends (protocol.ts describes the format):
 * - sync step 1 → answered with step 2 (also for read-only connections);
 * - sync step 2 / update → from a writer: checked against the size cap, then held for the room's next
 *   batch (paced by the room's size, pacer.ts), validated off the main thread and queued for the group
 *   commit (persistence.ts); from a read-only connection: ignored, never applied nor forwarded;
 * - awareness → trusted-awareness rules (awareness.ts), broadcast with the room's next batch;
 * - query awareness → every current state.
 * Anything else (text frames, malformed or unknown messages, updates Yjs refuses) closes that connection
 * with a 44xx code; a connection that sends too much too fast gets 4429.
 */
import { CLOSE } from './close-codes.ts'
import type { Connection } from './connection.ts'
import type { Limits } from './limits.ts'
import type { Committer } from './persistence.ts'
import { decodeClientMessage, ProtocolError } from './protocol.ts'
import { isEmptyUpdate, type AcceptedUpdate, type Room } from './room.ts'
import { UpdateRejected, type Validator } from './validator.ts'

export interface MessageContext {
  validator: Validator
  committer: Committer
  limits: Limits
  /** Asks for the room's next batch: waiting updates go to the validator, awareness changes out. */
  scheduleBatch: (room: Room) => void
  /** Re-checks the session when its known expiry has passed. */
  checkSession: (conn: Connection) => void
}

export function handleFrame(ctx: MessageContext, conn: Connection, room: Room, data: Buffer, isBinary: boolean): void {
  if (conn.closed) return
  if (!isBinary) return conn.close(CLOSE.badMessage, 'text frames are not supported')
  if (!conn.limiter.take(data.length)) return conn.close(CLOSE.rateLimited, 'too many messages')
  ctx.checkSession(conn)
  let msg
  try {
    msg = decodeClientMessage(data)
  } catch (err) {
    return conn.close(CLOSE.badMessage, err instanceof ProtocolError ? err.message : 'malformed message')
  }
  switch (msg.type) {
    case 'sync-step1':
      return conn.send(room.syncStep2(msg.stateVector))
    case 'sync-step2':
    case 'sync-update':
      return submitUpdate(ctx, conn, room, msg.update)
    case 'awareness':
      if (room.awareness.apply(conn, msg.entries) === 'too-large') {
        return conn.close(CLOSE.tooLarge, 'awareness state too large')
      }
      if (room.awareness.dirty) ctx.scheduleBatch(room)
      return
    case 'query-awareness': {
      const all = room.awareness.encodeAll()
      if (all) conn.send(all)
    }
  }
}

function submitUpdate(ctx: MessageContext, conn: Connection, room: Room, update: Uint8Array): void {
  if (conn.access !== 'write') return
  if (room.storedBytes + room.pendingBytes + update.length > ctx.limits.maxDocumentBytes) {
    return conn.close(CLOSE.tooLarge, 'document size limit reached')
  }
  const item: AcceptedUpdate = { conn, userId: conn.identity.userId, update, seq: ++conn.submitted, counted: true }
  room.pendingBytes += update.length
  room.incoming.push(item)
  ctx.scheduleBatch(room)
}

/**
 * A client update the validator refused: that connection is closed, and its later updates, which most
 * likely build on the refused one, are not stored.
 */
function refuse(item: AcceptedUpdate, err: unknown): void {
  const reason = err instanceof UpdateRejected ? err.reason : 'invalid'
  const conn = item.conn
  if (reason === 'closed' || !conn) return
  conn.acceptUpTo = Math.min(conn.acceptUpTo, (item.seq ?? 0) - 1)
  if (reason === 'invalid') conn.close(CLOSE.badMessage, 'invalid update')
  else conn.close(CLOSE.tooLarge, reason === 'too-slow' ? 'update too complex' : 'update needs too much memory')
}

/** Hands the room's waiting client updates to the validator (the room's batch is due). */
export function validateIncoming(ctx: MessageContext, room: Room): void {
  const incoming = room.incoming
  room.incoming = []
  // An unnamed arrow: tsx (esbuild, keepNames) wraps every *named* closure in `__name`, an
  // Object.defineProperty per update that measured ~2 % of our CPU at N = 100 (perf, 2026-12-06).
  for (const item of incoming) validateAndQueue(ctx, room, item).catch((err: unknown) => refuse(item, err))
}

/** What an update waiting in a room that had to be dropped is told (server.ts dropRoom, and here). */
export const roomDropped = () => new UpdateRejected('closed', 'The document had to be reloaded before this change was stored; nothing was changed.')

/**
 * Has the validator try the update on the room's replica, then queues it for the next group commit.
 * Resolves once queued; rejects with `UpdateRejected`. An empty update (a newcomer's answer to the
 * server's sync step 1) has nothing to try: it is queued at once when nothing of the room is still in
 * validation (so it keeps its place for the "saved" count), and so builds no replica of an undecoded room.
 */
export function validateAndQueue(ctx: MessageContext, room: Room, item: AcceptedUpdate, limitMs?: number): Promise<void> {
  if (room.inFlight === 0 && isEmptyUpdate(item.update)) {
    room.accepted.push(item)
    ctx.committer.request(room)
    return Promise.resolve()
  }
  room.inFlight++
  const checked = ctx.validator.check(room.id, item.update, limitMs)
  // The check goes out on the next turn of the event loop; this decode runs right after it (room.ts).
  if (!room.decoded) setImmediate(() => room.decodeAhead())
  return checked.then(
    () => {
      room.inFlight--
      if (room.broken) {
        // Dropped meanwhile (dropRoom): nothing of it will be committed, so the sender must not wait.
        room.release(item)
        throw roomDropped()
      }
      room.accepted.push(item)
      ctx.committer.request(room)
    },
    (err: unknown) => {
      room.inFlight--
      room.release(item)
      throw err
    },
  )
}
