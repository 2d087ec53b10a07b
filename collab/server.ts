/**
 * The real-time co-authoring server: the y-websocket protocol on `/collab/<documentId>`, authorized by
 * the hub's own rules, durable before broadcast. Any stock y-websocket client works:
 *   new WebsocketProvider(origin + '/collab', documentId, ydoc)
 * and a client that wants "saved" acknowledgements adds `params: { ack: '1' }`: it then also receives
 * message type 100 = varuint(count), meaning "your first `count` sync step-2/update messages on this
 * socket are committed to disk" (protocol.ts). Stock clients never receive it.
 *
 * The path of an update: messages.ts (what each frame does) → validator.ts (tried first on a replica in a
 * validator thread, under time and memory limits, in paced batches) → persistence.ts (applied, appended
 * and committed in one transaction for the whole batch, then broadcast once per room) → acks.
 * The other pieces, one concern per file: upgrade.ts (cookie + Origin + access, before the handshake),
 * access.ts (the domain rule, re-checked on changes), protocol.ts (the codec), rooms.ts (load once, idle
 * unload), room.ts, connection.ts, awareness.ts (trusted presence), limits.ts, pacer.ts, identity.ts.
 *
 * Close codes (close-codes.ts): 4401 session ended, 4403 access removed, 4404 document gone, 4400 bad
 * message, 4413 too large, 4429 rate, 4500 load failure (the client retries), 1001 shutdown. The API keeps
 * open connections in step through the `CollabNotifier` methods, and applies its own edits (restoring a
 * version, accepting a proposed change) through `applyUpdate`, which takes the same validated, durable path.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import { collabStore } from '../db/queries/collab-store.ts'
import type { Database } from '../db/schema.ts'
import type { CollabNotifier } from '../domain/collab-notifier.ts'
import { reevaluateAccess } from './access.ts'
import { CLOSE } from './close-codes.ts'
import { answerFromStore } from './cold-open.ts'
import { Connection } from './connection.ts'
import { SharedIdentities } from './identity.ts'
import { defaultLimits, type Limits } from './limits.ts'
import { handleFrame, roomDropped, validateAndQueue, validateIncoming, type MessageContext } from './messages.ts'
import { batchWindowMs, Pacer } from './pacer.ts'
import { Committer } from './persistence.ts'
import type { Room } from './room.ts'
import { Rooms } from './rooms.ts'
import { authenticateUpgrade, refuseUpgrade, type UpgradeResult } from './upgrade.ts'
import { Validator } from './validator.ts'

export type CollabLog = (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void

export interface CollabOptions {
  db: Kysely<Database>
  sqlite: BetterSqlite3.Database
  now?: () => number
  publicUrl?: string | null
  /** HUB_TRUST_PROXY=1: the upgrade believes X-Forwarded-Host/-Proto, as the API does. */
  trustProxy?: boolean
  maxPayload?: number
  maxDocumentBytes?: number
  idleUnloadMs?: number
  log?: CollabLog
  /** Finer limits (rates, send buffer, awareness); defaults in limits.ts. */
  limits?: Partial<Limits>
  /**
   * Minimum spacing of a room's batches (validation, group commit, broadcast, awareness) under load. By
   * default it follows the room's audience and pace (pacer.ts `batchWindowMs`: 2 ms for a small group, up
   * to 80 ms for a hundred people typing); a number fixes it. After a quiet spell an update goes out at
   * once; under load, updates coalesce into fewer thread wake-ups, fsyncs and socket writes.
   */
  batchWindowMs?: number
  /** Compact a document's log once it has this many entries (default 500). */
  compactAfterUpdates?: number
  /**
   * Validator threads (default 2), per-update time limit (default 40 ms: about the worst stall another
   * document can see) and heap per thread (default 1024 MB).
   */
  validatorThreads?: number
  updateTimeLimitMs?: number
  validatorHeapMb?: number
  /** How often open connections' sessions are checked for expiry (default 60 s). */
  sessionSweepMs?: number
}

export interface CollabStats {
  rooms: number
  connections: number
  /** Rooms whose document is decoded in memory (one opened from a trusted snapshot waits for an edit). */
  decoded: number
  /** Document replicas held by the validator threads (one per room that was edited or tried). */
  replicas: number
  /** Group commits so far. */
  batches: number
  /** Updates received and not yet committed (in validation or waiting for the next batch). */
  pendingUpdates: number
}

export interface CollabServer extends CollabNotifier {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  close(): Promise<void>
  stats(): CollabStats
}

/** ws closes an oversized frame with 1009; we report it as 4413 so the client does not retry it forever. */
class HubWebSocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    if (code === 1009) super.close(CLOSE.tooLarge, 'message too large')
    else super.close(code, data)
  }
}

const defaultLog: CollabLog = (level, msg, extra) => {
  if (level !== 'info') console[level](`[collab] ${msg}`, extra ?? '')
}
const toBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/**
 * Destroys a socket whose upgrade fails at the TCP level. A function of its own: a closure made inside
 * handleUpgrade would keep the whole upgrade request (headers, head buffer) alive for the socket's life.
 */
function destroySocket(this: Duplex): void {
  this.destroy()
}
/** Frames a client may send while its document loads before its socket is paused. */
const MAX_EARLY_FRAMES = 64

export function createCollabServer(opts: CollabOptions): CollabServer {
  const now = opts.now ?? Date.now
  const log = opts.log ?? defaultLog
  const limits: Limits = { ...defaultLimits(opts.maxPayload, opts.maxDocumentBytes), ...opts.limits }
  const store = collabStore(opts.sqlite)
  const batchWindow = (room: Room) => opts.batchWindowMs ?? batchWindowMs(room.conns.size, room.arrivals.perSecond())
  const connections = new Set<Connection>()
  const identities = new SharedIdentities()
  const slowReader = (c: Connection) => log('warn', 'collab client not reading, disconnected', { room: c.documentId, user: c.identity.userId })
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxPayload,
    perMessageDeflate: false,
    clientTracking: false,
    WebSocket: HubWebSocket,
  })
  let closing: Promise<void> | null = null
  /** Bumped by every notifier call: an upgrade that was being authenticated meanwhile is re-checked. */
  let epoch = 0

  const validator: Validator = new Validator({
    threads: opts.validatorThreads ?? 2,
    // Rooms pace their own batches; jobs handed over in the same turn of the event loop share one message.
    postWindowMs: 0,
    checkTimeLimitMs: opts.updateTimeLimitMs ?? 40,
    heapMb: opts.validatorHeapMb ?? 1024,
    stateOf: (id) => {
      const room = rooms.get(id)
      return room && !room.broken ? room.state() : null
    },
    log,
  })
  const committer: Committer = new Committer({
    store,
    now,
    // Updates reach the committer in batches already (validation is paced): commit as soon as they do.
    batchWindowMs: 0,
    compactAfterUpdates: opts.compactAfterUpdates ?? 500,
    maxBatchBytes: limits.maxBufferedBytes / 2,
    log,
    onBroken: (room) => dropRoom(room),
    onDropped: (room) => validator.reset(room.id),
  })
  const rooms: Rooms = new Rooms({
    store,
    validator: () => validator,
    committer: () => committer,
    limits,
    idleUnloadMs: opts.idleUnloadMs ?? 30_000,
    log,
  })

  // One batch per room per window: its waiting updates go to the validator (and on to the group commit
  // and the broadcast), and its awareness changes (cursors, presence, not stored) go out in one message.
  function runBatch(room: Room): void {
    validateIncoming(context, room)
    const message = room.awareness.dirty ? room.awareness.takeChanges() : null
    if (message) room.broadcast(message)
  }
  const context: MessageContext = {
    validator,
    committer,
    limits,
    scheduleBatch: (room) => {
      room.arrivals.add()
      room.pacer ??= new Pacer(() => batchWindow(room), () => runBatch(room))
      room.pacer.request()
    },
    checkSession: (conn) => {
      if (now() >= conn.sessionExpiresAt && conn.gate === 0) void reevaluate(conn)
    },
  }

  function dropRoom(room: Room): void {
    room.broken = true
    for (const conn of room.conns) conn.close(CLOSE.loadFailed, 'document must be reloaded')
    // What waits for a commit will not get one: an update the hub applies (a restore, an accepted
    // suggestion) is told, so its request answers and its caller can undo what it did first.
    const lost = roomDropped()
    for (const item of [...room.incoming, ...room.accepted]) item.done?.(lost)
    room.incoming = []
    room.accepted = []
    rooms.forget(room)
  }

  const reevaluate = (conn: Connection) =>
    reevaluateAccess(conn, {
      db: opts.db,
      now,
      log,
      room: (id) => rooms.get(id),
      released: (room) => committer.request(room),
    })

  // Once per server, not per connection: under tsx (esbuild, keepNames) a named closure made per connection
  // is renamed with Object.defineProperty, which gave every connection a property array (~0.25 KB) of its own.
  function handle(conn: Connection, room: Room, frame: Buffer, isBinary: boolean): void {
    try {
      handleFrame(context, conn, room, frame, isBinary)
    } catch (err) {
      log('error', 'collab message handling failed', { room: room.id, error: String(err) })
      conn.close(CLOSE.badMessage, 'message could not be processed')
    }
  }

  function attach(ws: WebSocket, socket: Duplex, auth: Extract<UpgradeResult, { ok: true }>, authEpoch: number): void {
    // The closures below outlive the upgrade: they use `conn` and `identity`, never `auth`, which would keep
    // this upgrade's own copy of the identity (and its strings) alive beside the shared one.
    const identity = identities.acquire(auth.identity)
    const conn = new Connection(ws, socket, auth.documentId, identity, auth.access, auth.sessionExpiresAt, auth.wantsAcks, limits, slowReader)
    connections.add(conn)
    let room: Room | null = null
    // Frames that arrive while the document loads wait here (a newcomer's first sync is answered at once).
    let early: { frame: Buffer; isBinary: boolean }[] | null = []
    ws.on('error', (err) => log('warn', 'collab socket error', { error: err.message }))
    ws.on('message', (data, isBinary) => {
      const frame = toBuffer(data)
      if (room) return handle(conn, room, frame, isBinary)
      if (!early || conn.closed) return
      const mayAnswer = early.length === 0 && isBinary && conn.gate === 0 && now() < conn.sessionExpiresAt
      if (mayAnswer && answerFromStore(conn, frame, rooms.stored(conn.documentId))) {
        if (!conn.limiter.take(frame.length)) conn.close(CLOSE.rateLimited, 'too many messages')
        return
      }
      early.push({ frame, isBinary })
      if (early.length >= MAX_EARLY_FRAMES) ws.pause()
    })
    ws.on('close', () => {
      conn.closed = true
      connections.delete(conn)
      identities.release(identity)
      if (room) leave(room, conn)
    })
    if (authEpoch !== epoch) void reevaluate(conn)
    rooms.acquire(conn.documentId).then(
      (loaded) => {
        room = loaded
        join(loaded, conn)
        const waiting = early ?? []
        early = null
        for (const { frame, isBinary } of waiting) handle(conn, loaded, frame, isBinary)
        ws.resume()
      },
      (err: unknown) => {
        early = null
        log('error', 'collab document load failed', { room: conn.documentId, error: String(err) })
        conn.close(CLOSE.loadFailed, 'document could not be loaded')
      },
    )
  }

  function join(room: Room, conn: Connection): void {
    room.conns.add(conn)
    if (conn.closed) return leave(room, conn)
    if (conn.access === 'write') conn.send(room.syncStep1())
    const awareness = room.awareness.encodeAll()
    if (awareness) conn.send(awareness)
  }

  function leave(room: Room, conn: Connection): void {
    if (!room.conns.delete(conn)) return
    room.awareness.release(conn)
    if (room.awareness.dirty) context.scheduleBatch(room)
    if (room.conns.size === 0) rooms.scheduleUnload(room)
  }

  const sweep = setInterval(() => {
    for (const conn of connections) context.checkSession(conn)
  }, opts.sessionSweepMs ?? 60_000)
  sweep.unref()

  async function shutdown(): Promise<void> {
    clearInterval(sweep)
    for (const conn of connections) conn.ws.pause()
    for (const room of rooms.all()) room.pacer?.flushNow()
    const deadline = performance.now() + 3000
    while (rooms.all().some((r) => r.incoming.length > 0 || r.inFlight > 0) && performance.now() < deadline) await sleep(5)
    while (!committer.flush() && performance.now() < deadline) await sleep(5)
    for (const room of rooms.all()) {
      while (!committer.compact(room) && performance.now() < deadline) await sleep(5)
    }
    const closed = [...connections].map((c) => new Promise<void>((r) => (c.ws.readyState === WebSocket.CLOSED ? r() : c.ws.once('close', () => r()))))
    for (const conn of connections) conn.close(CLOSE.goingAway, 'server shutting down')
    await Promise.race([Promise.all(closed), sleep(1000)])
    for (const conn of connections) conn.ws.terminate()
    await validator.close()
    for (const room of rooms.all()) rooms.forget(room)
    wss.close()
  }

  return {
    handleUpgrade(req, socket, head) {
      if (closing) return refuseUpgrade(socket, 503, 'Server is shutting down.')
      socket.on('error', destroySocket)
      const authEpoch = epoch
      authenticateUpgrade(req, { db: opts.db, now, publicUrl: opts.publicUrl ?? null, trustProxy: opts.trustProxy ?? false }).then(
        (auth) => {
          if (!auth.ok) return refuseUpgrade(socket, auth.status, auth.message)
          if (closing) return refuseUpgrade(socket, 503, 'Server is shutting down.')
          if (socket.destroyed) return
          wss.handleUpgrade(req, socket, head, (ws) => {
            socket.off('error', destroySocket) // ws handles socket errors from here on
            attach(ws, socket, auth, authEpoch)
          })
        },
        (err: unknown) => {
          log('error', 'collab upgrade failed', { error: String(err) })
          refuseUpgrade(socket, 500, 'Something went wrong.')
        },
      )
    },
    close() {
      closing ??= shutdown()
      return closing
    },
    stats() {
      const pendingUpdates = rooms.all().reduce((n, r) => n + r.incoming.length + r.inFlight + r.accepted.length, 0)
      const decoded = rooms.all().filter((r) => r.decoded).length
      return { rooms: rooms.size, connections: connections.size, decoded, replicas: validator.replicas, batches: committer.batches, pendingUpdates }
    },
    userAccessChanged(userId) {
      epoch++
      for (const conn of connections) if (conn.identity.userId === userId) void reevaluate(conn)
    },
    sessionsEnded(sessionIds) {
      epoch++
      const ended = new Set(sessionIds)
      for (const conn of connections) if (ended.has(conn.identity.sessionId)) conn.close(CLOSE.sessionEnded, 'session ended', true)
    },
    documentChanged(documentId) {
      epoch++
      for (const conn of connections) if (conn.documentId === documentId) void reevaluate(conn)
    },
    async applyUpdate(documentId, userId, update, onlyIn) {
      if (closing) throw new Error('The collaboration server is shutting down.')
      const room = await rooms.acquire(documentId)
      try {
        await new Promise<void>((resolve, reject) => {
          const item = { conn: null, userId, update, onlyIn, done: (err?: Error) => (err ? reject(err) : resolve()) }
          validateAndQueue(context, room, item, 5000 + update.length / 2000).catch(reject)
        })
      } finally {
        if (room.conns.size === 0) rooms.scheduleUnload(room)
      }
    },
  }
}
