/**
 * Durable before broadcast, with group commit.
 *
 * Validated updates collect per room. A flush applies them to the room docs, appends the effective updates
 * to `document_updates` and commits, all in one synchronous step and one SQLite transaction for every room
 * (synchronous=FULL: one fsync per batch, not per update). Only after the commit returns are the updates
 * broadcast (one message per sender, each encoded once and shared by every socket; a socket's messages
 * and its "saved" count leave in one write) and the senders who asked for it told how many of their
 * messages are saved. Flushes are at least `batchWindowMs` apart (pacer.ts), so under load batches grow
 * instead of fsyncs and socket writes multiplying; an update after a quiet spell goes out at once.
 *
 * If the commit throws, the docs of that batch hold updates the store does not: those rooms are dropped
 * (their clients reconnect, reload from the store and resend what they still have). The log is compacted
 * into `document_snapshots` (state = snapshot + tail, tail deleted) in one transaction once it grows, when
 * a room unloads and at shutdown. Both steps wait while an API transaction is open on the shared handle, so
 * our COMMIT is always a real commit and never folded into someone else's transaction.
 */
import type { CollabStore } from '../db/queries/collab-store.ts'
import { conflict } from '../domain/errors.ts'
import type { DocumentState } from '../domain/lifecycle.ts'
import type { Connection } from './connection.ts'
import { Pacer } from './pacer.ts'
import { encodeSaved, encodeSync, SYNC_UPDATE } from './protocol.ts'
import { binaryFrame } from './ws-frame.ts'
import type { AcceptedUpdate, Room } from './room.ts'

export interface CommitterOptions {
  store: CollabStore
  now: () => number
  batchWindowMs: number
  compactAfterUpdates: number
  /**
   * Update bytes one batch carries per room at most (at least one update): what follows waits for the
   * next batch, so a reader that keeps up is never handed more at once than a slow reader may leave unread.
   */
  maxBatchBytes: number
  log: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void
  /** Called for rooms whose doc no longer matches the store (failed commit or apply). */
  onBroken: (room: Room) => void
  /** Called when updates that passed validation were not applied (their connection lost write access). */
  onDropped: (room: Room) => void
}

interface Outcome {
  room: Room
  /** One sync-update message per sender (a connection, or an update the hub applied itself). */
  broadcasts: { from: Connection | AcceptedUpdate; frame: Buffer }[]
  saved: Map<Connection, number>
  done: AcceptedUpdate[]
}

export class Committer {
  private readonly dirty = new Set<Room>()
  private readonly pacer: Pacer
  /** Committed batches, for the server's stats. */
  batches = 0

  constructor(private readonly opts: CommitterOptions) {
    this.pacer = new Pacer(opts.batchWindowMs, () => {
      if (!this.flush()) this.pacer.retry(1)
    })
  }

  /** Marks a room as having accepted updates; schedules a flush. */
  request(room: Room): void {
    this.dirty.add(room)
    this.pacer.request()
  }

  /** Commits and broadcasts everything accepted so far. Returns false if the store is busy. */
  flush(): boolean {
    if (this.dirty.size === 0) return true
    if (this.opts.store.busy()) return false
    const rooms = [...this.dirty]
    this.dirty.clear()
    const outcomes: Outcome[] = []
    try {
      this.opts.store.transaction(() => {
        for (const room of rooms) {
          const outcome = this.applyRoom(room)
          if (outcome) outcomes.push(outcome)
        }
      })
    } catch (err) {
      this.opts.log('error', 'collab commit failed', { error: String(err) })
      for (const outcome of outcomes) for (const item of outcome.done) item.done?.(new Error('The update could not be stored.'))
      for (const room of rooms) this.opts.onBroken(room)
      return true
    }
    this.batches++
    for (const outcome of outcomes) if (!outcome.room.broken) this.deliver(outcome)
    for (const room of rooms) {
      if (room.broken) this.opts.onBroken(room)
      else if (room.log.logCount >= this.opts.compactAfterUpdates || room.log.logBytes > Math.max(room.log.snapshotBytes, 1 << 20)) {
        this.compact(room)
      }
    }
    return true
  }

  /**
   * Applies a room's ready updates, one Yjs transaction and one log entry per sender, inside the batch's
   * transaction and in a savepoint of its own: a write that fails for one document does not take the
   * others down (that room is dropped after the commit, as its doc may hold what the store does not).
   */
  private applyRoom(room: Room): Outcome | null {
    if (room.broken) return null
    const groups = new Map<Connection | AcceptedUpdate, AcceptedUpdate[]>()
    const keep: AcceptedUpdate[] = []
    let dropped = false
    let bytes = 0
    let deferred = false
    // The document's state, read once per batch and only if an update the hub applies asks for it.
    let state: DocumentState | null | undefined
    for (const item of room.accepted) {
      const conn = item.conn
      // Once the batch is full, everything after waits, so each connection's updates stay in order.
      deferred ||= bytes > 0 && bytes + item.update.length > this.opts.maxBatchBytes
      if (deferred || (conn && conn.gate > 0 && !conn.revoked)) {
        keep.push(item)
        continue
      }
      bytes += item.update.length
      room.release(item) // stored below (then counted in the log's bytes), or dropped
      const seq = item.seq ?? 0
      if (item.onlyIn && ((state ??= this.opts.store.documentState(room.id)) === null || !item.onlyIn.includes(state))) {
        dropped = true
        item.done?.(conflict('state_changed', 'The document moved on (its state changed) before this change was applied; nothing was changed.'))
      } else if (conn && (conn.revoked || conn.access !== 'write' || seq > conn.acceptUpTo || seq <= conn.dropUpTo)) dropped = true
      else {
        const group = groups.get(conn ?? item)
        if (group) group.push(item)
        else groups.set(conn ?? item, [item])
      }
    }
    room.accepted = keep
    if (deferred) this.request(room)
    if (dropped) this.opts.onDropped(room)
    if (groups.size === 0) return null
    try {
      return this.opts.store.transaction(() => this.applyGroups(room, groups))
    } catch (err) {
      this.opts.log('error', 'collab apply or append failed', { room: room.id, error: String(err) })
      room.broken = true
      for (const items of groups.values()) for (const item of items) item.done?.(new Error('The update could not be stored.'))
      return null
    }
  }

  private applyGroups(room: Room, groups: Map<Connection | AcceptedUpdate, AcceptedUpdate[]>): Outcome {
    const outcome: Outcome = { room, broadcasts: [], saved: new Map(), done: [] }
    const at = this.opts.now()
    for (const [sender, items] of groups) {
      const conn = items[0].conn
      const { store, broadcast, clients } = room.applyUpdates(items.map((i) => i.update), conn)
      if (store) {
        // Only client ids whose author this room has not settled yet, or that someone else wrote with first,
        // go to the store (which records, or marks as disputed): a person typing touches none.
        const userId = items[0].userId
        const unsettled = clients?.filter((c) => {
          const author = room.authors.get(c)
          return author === undefined || (author !== null && author !== userId)
        })
        const { seq, authors } = this.opts.store.append(room.id, store, userId, at, unsettled)
        for (const [c, author] of authors) room.authors.set(c, author)
        room.log = { ...room.log, lastSeq: seq, logCount: room.log.logCount + 1, logBytes: room.log.logBytes + store.length }
      }
      if (broadcast) outcome.broadcasts.push({ from: sender, frame: binaryFrame(encodeSync(SYNC_UPDATE, broadcast)) })
      if (conn) outcome.saved.set(conn, items.length)
      outcome.done.push(...items.filter((i) => i.done))
    }
    return outcome
  }

  /**
   * Each connection gets every sender's update but its own, and its "saved" count if it asked for acks,
   * as one buffer in one write. Each message is encoded and framed once, and the room's listeners
   * (everyone who sent nothing in this batch, usually nearly all) share one buffer joined once per batch.
   * Every connection that sent in the batch has a `saved` entry (applyGroups), so that entry tells a
   * sender from a listener.
   */
  private deliver({ room, broadcasts, saved, done }: Outcome): void {
    const all = broadcasts.length === 1 ? broadcasts[0].frame : Buffer.concat(broadcasts.map((b) => b.frame))
    const own: Buffer[] = []
    for (const conn of room.conns) {
      const count = saved.get(conn)
      if (count === undefined) {
        conn.sendFrame(all)
        continue
      }
      own.length = 0
      for (const b of broadcasts) if (b.from !== conn) own.push(b.frame)
      conn.saved += count
      if (conn.wantsAcks) own.push(binaryFrame(encodeSaved(conn.saved)))
      if (own.length > 0) conn.sendFrame(own.length === 1 ? own[0] : Buffer.concat(own))
    }
    // Senders that left before their batch was delivered still count their saved messages.
    for (const [conn, count] of saved) if (!room.conns.has(conn)) conn.saved += count
    for (const item of done) item.done?.()
  }

  /** Folds the log into the snapshot in one transaction. The doc equals the store, so its state is exact. */
  compact(room: Room): boolean {
    if (room.broken || room.log.logCount === 0) return true
    if (this.opts.store.busy()) return false
    const state = room.state()
    const stateVector = room.stateVector()
    const upTo = room.log.lastSeq
    try {
      this.opts.store.transaction(() => this.opts.store.compact(room.id, state, stateVector, upTo, this.opts.now()))
    } catch (err) {
      this.opts.log('error', 'collab compaction failed', { room: room.id, error: String(err) })
      return false
    }
    room.log = { lastSeq: upTo, logCount: 0, logBytes: 0, snapshotBytes: state.length }
    return true
  }
}
