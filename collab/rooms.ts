/**
 * Loaded documents. A document is loaded once however many connections ask for it at the same moment
 * (they share one promise). Loading reads the snapshot and the log tail. Stored state that is not known to
 * be the server's own (a log tail left by a crash, a snapshot that no longer matches its digest or
 * predates digests) is applied by the validator thread to its replica first, so a corrupt or hostile
 * state fails there, under a time limit, before the main thread decodes it; meanwhile a newcomer's first
 * sync is answered from the stored bytes (cold-open.ts). A snapshot that matches its digest is byte for
 * byte what this server encoded from a validated document: the room opens at once with those bytes
 * undecoded (and the state vector stored with them), and its doc and replica are built when the first edit
 * needs them (room.ts). A failed load is never served empty and never written to; the next connection
 * tries again. A room without connections unloads after `idleUnloadMs`, with a final flush and compaction,
 * so memory returns to where it was.
 */
import * as Y from 'yjs'
import type { CollabStore } from '../db/queries/collab-store.ts'
import type { Limits } from './limits.ts'
import type { Committer } from './persistence.ts'
import { EMPTY_UPDATE, Room } from './room.ts'
import type { Validator } from './validator.ts'

export interface RoomsOptions {
  store: CollabStore
  validator: () => Validator
  committer: () => Committer
  limits: Limits
  idleUnloadMs: number
  log: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void
}

export class Rooms {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  /** The stored state of rooms being tried on a replica before they load, for cold-open.ts. */
  private readonly storedWhileLoading = new Map<string, readonly Uint8Array[]>()

  constructor(private readonly opts: RoomsOptions) {}

  get(id: string): Room | undefined {
    return this.rooms.get(id)
  }

  all(): Room[] {
    return [...this.rooms.values()]
  }

  get size(): number {
    return this.rooms.size
  }

  /** The stored blobs (snapshot, then log) of a room that is being loaded; undefined otherwise. */
  stored(id: string): readonly Uint8Array[] | undefined {
    return this.storedWhileLoading.get(id)
  }

  acquire(id: string): Promise<Room> {
    const room = this.rooms.get(id)
    if (room) {
      this.cancelUnload(room)
      return Promise.resolve(room)
    }
    const pending = this.loading.get(id)
    if (pending) return pending
    const load = this.load(id).finally(() => {
      this.loading.delete(id)
      this.storedWhileLoading.delete(id)
    })
    this.loading.set(id, load)
    return load
  }

  private async load(id: string): Promise<Room> {
    const started = performance.now()
    if (!this.opts.store.exists(id)) throw new Error('document not found')
    const stored = this.opts.store.load(id)
    const trusted = stored.updates.length === 0 && (stored.snapshot?.intact ?? true)
    const blobs = [...(stored.snapshot ? [stored.snapshot.state] : []), ...stored.updates.map((u) => u.update)]
    const state = trusted
      ? { update: blobs[0] ?? EMPTY_UPDATE, stateVector: stored.snapshot?.stateVector ?? null }
      : await this.tried(id, blobs)
    const last = stored.updates.at(-1)
    const room = new Room(
      id,
      state,
      {
        lastSeq: last?.seq ?? stored.snapshot?.upTo ?? 0,
        logCount: stored.updates.length,
        logBytes: stored.updates.reduce((n, u) => n + u.update.length, 0),
        snapshotBytes: stored.snapshot?.state.length ?? 0,
      },
      this.opts.limits,
    )
    this.rooms.set(id, room)
    this.opts.log('info', 'collab room loaded', { room: id, ms: Math.round(performance.now() - started), updates: stored.updates.length, trusted })
    return room
  }

  /** An untrusted stored state: tried on the validator's replica first, then decoded on the main thread. */
  private async tried(id: string, blobs: Uint8Array[]): Promise<Y.Doc> {
    this.storedWhileLoading.set(id, blobs)
    await this.opts.validator().open(id, blobs)
    const doc = new Y.Doc()
    try {
      doc.transact(() => {
        for (const blob of blobs) Y.applyUpdate(doc, blob)
      })
    } catch (err) {
      doc.destroy()
      this.opts.validator().drop(id)
      throw err
    }
    return doc
  }

  /** Called when a connection left: unload after the grace period if nobody is left. */
  scheduleUnload(room: Room): void {
    if (room.conns.size > 0 || room.unloadTimer) return
    room.unloadTimer = setTimeout(() => {
      room.unloadTimer = null
      this.unload(room)
    }, this.opts.idleUnloadMs)
    room.unloadTimer.unref()
  }

  private cancelUnload(room: Room): void {
    if (room.unloadTimer) clearTimeout(room.unloadTimer)
    room.unloadTimer = null
  }

  /** Final flush and compaction, then forget the room. Retries later if work is still in flight. */
  unload(room: Room): boolean {
    if (this.rooms.get(room.id) !== room) return true
    if (!room.idle && !room.broken) {
      this.scheduleUnload(room)
      return false
    }
    if (!room.broken && !this.opts.committer().compact(room)) {
      this.scheduleUnload(room)
      return false
    }
    this.forget(room)
    this.opts.log('info', 'collab room unloaded', { room: room.id })
    return true
  }

  /** Drops a room at once (failed commit): its connections must already be closed or closing. */
  forget(room: Room): void {
    this.cancelUnload(room)
    if (this.rooms.get(room.id) === room) this.rooms.delete(room.id)
    this.opts.validator().drop(room.id)
    room.destroy()
  }
}
