/**
 * One loaded document: its Yjs doc (always equal to what is durably stored, because updates are applied
 * and committed in the same synchronous step), its connections, its awareness and the updates that passed
 * validation and wait for the next group commit.
 *
 * A room opened from a trusted snapshot (rooms.ts) keeps the stored bytes and decodes them into a Y.Doc
 * only when an edit needs it (the commit applies it there; the validator builds its replica from the same
 * bytes). Reading needs no doc: a newcomer's sync step 1 (an empty state vector) is answered with the
 * stored bytes as they are, any other with a diff computed on the bytes (`Y.diffUpdate`), and the server's
 * own step 1 carries the state vector stored with them (older snapshots: read from the bytes, once).
 * Decoding a large document costs tens to hundreds of milliseconds of the main thread and several times its
 * size in memory; most opens are reads (and a newcomer's client is busy decoding the same bytes just then),
 * so that cost now falls on the first edit.
 */
import * as Y from 'yjs'
import type { DocumentState } from '../domain/lifecycle.ts'
import { RoomAwareness } from './awareness.ts'
import type { Connection } from './connection.ts'
import type { Limits } from './limits.ts'
import { RateMeter, type Pacer } from './pacer.ts'
import { encodeSync, SYNC_STEP1, SYNC_STEP2 } from './protocol.ts'
import { binaryFrame } from './ws-frame.ts'

/**
 * The update that changes nothing: no structs, no deletions (v1 encoding, two zero varuints). It is the state
 * of an empty document, and what a client with an empty document sends back to the server's sync step 1.
 */
export const EMPTY_UPDATE: Uint8Array = Y.encodeStateAsUpdate(new Y.Doc())
export const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0

/** A state vector of no clients (one zero varuint): a newcomer's sync step 1. */
export const isEmptyStateVector = (sv: Uint8Array) => sv.length === 1 && sv[0] === 0

export interface AcceptedUpdate {
  /** The connection it came from, or null for an update the hub applies itself (through the API). */
  conn: Connection | null
  userId: string
  update: Uint8Array
  /** Its number among its connection's update messages. */
  seq?: number
  /** Counted in its room's `pendingBytes` until stored or refused. */
  counted?: boolean
  /**
   * For an update the hub applies itself: the document states it may land in. Checked inside the commit's
   * transaction, so a lifecycle move made after the API's own check (a freeze, a withdrawal) refuses it.
   */
  onlyIn?: readonly DocumentState[]
  /** Settles once the update is committed, or could not be. */
  done?: (err?: Error) => void
}

export interface LogPosition {
  /** The last update sequence number folded into the document (snapshot or log). */
  lastSeq: number
  /** Log entries and their bytes after the snapshot. */
  logCount: number
  logBytes: number
  snapshotBytes: number
}

/** Client ids whose clock advanced in a transaction. */
function movedClients(tr: Y.Transaction): number[] {
  const moved: number[] = []
  for (const [client, clock] of tr.afterState) if ((tr.beforeState.get(client) ?? 0) !== clock) moved.push(client)
  return moved
}

export class Room {
  readonly conns = new Set<Connection>()
  readonly awareness: RoomAwareness
  /** Client updates waiting for the room's next batch to be validated. */
  incoming: AcceptedUpdate[] = []
  /** Paces the room's batches (validation, commit, broadcast and awareness), set up on first use. */
  pacer: Pacer | null = null
  /** How often the room asks for a batch (updates and presence changes): its batch window follows it. */
  readonly arrivals = new RateMeter()
  /** Validated updates waiting for the next commit, in arrival order. */
  accepted: AcceptedUpdate[] = []
  /** Updates sent to the validator and not back yet. */
  inFlight = 0
  /** Bytes of client updates taken in and not yet stored or refused (counted against the size cap). */
  pendingBytes = 0
  unloadTimer: NodeJS.Timeout | null = null
  /** Set when the in-memory doc may differ from the store (failed commit): the room must be dropped. */
  broken = false
  private captured: Uint8Array[] = []
  /**
   * The author recorded for each client id this room has seen written (null: disputed, two people wrote
   * with it), so updates from a client's own author need no write to `document_authors`.
   */
  readonly authors = new Map<number, string | null>()
  private decodedDoc: Y.Doc | null = null
  /** The stored state while it is not decoded (then null), and its state vector (stored with it, or read once asked for). */
  private undecoded: Uint8Array | null = null
  private undecodedStateVector: Uint8Array | null = null
  /**
   * The whole decoded state as one update, kept until the doc next changes: everyone who opens a loaded
   * document (a plenary joining at nine) is answered from one encoding instead of one each.
   */
  private encoded: Uint8Array | null = null

  /**
   * `state` is a decoded doc, or a trusted stored state (one update) to decode on first use, with its
   * state vector if that was stored too.
   */
  constructor(
    readonly id: string,
    state: Y.Doc | { update: Uint8Array; stateVector: Uint8Array | null },
    public log: LogPosition,
    limits: Limits,
  ) {
    this.awareness = new RoomAwareness(limits)
    if (state instanceof Y.Doc) this.adopt(state)
    else {
      this.undecoded = state.update
      this.undecodedStateVector = state.stateVector
    }
  }

  /** The document, decoded from the stored state on first use (throws if that state does not apply). */
  get doc(): Y.Doc {
    if (this.decodedDoc) return this.decodedDoc
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, this.undecoded!)
    } catch (err) {
      doc.destroy()
      throw err
    }
    this.undecoded = null
    this.undecodedStateVector = null
    return this.adopt(doc)
  }

  /**
   * Decodes the stored state now rather than at the commit. Called as the first edit goes to the validator,
   * so that the main thread decodes while the validator thread builds its replica from the same bytes,
   * not after. A state that does not decode is left as it is: the commit meets the same error and drops the
   * room (persistence.ts).
   */
  decodeAhead(): void {
    if (this.decodedDoc || !this.undecoded) return
    try {
      void this.doc
    } catch {
      // reported by the commit, which drops the room
    }
  }

  get decoded(): boolean {
    return this.decodedDoc !== null
  }

  private adopt(doc: Y.Doc): Y.Doc {
    this.decodedDoc = doc
    doc.on('update', (update: Uint8Array) => this.captured.push(update))
    return doc
  }

  /** The whole state as one update: the stored bytes themselves while they are not decoded. */
  state(): Uint8Array {
    return this.undecoded ?? (this.encoded ??= Y.encodeStateAsUpdate(this.doc))
  }

  /**
   * The state vector of `state()`. Of undecoded bytes: the one stored with them, or else read from them
   * once (that parses every struct: tens of milliseconds for a long document).
   */
  stateVector(): Uint8Array {
    if (this.undecoded) return (this.undecodedStateVector ??= Y.encodeStateVectorFromUpdate(this.undecoded))
    return Y.encodeStateVector(this.doc)
  }

  get storedBytes(): number {
    return this.log.snapshotBytes + this.log.logBytes
  }

  get idle(): boolean {
    return this.conns.size === 0 && this.incoming.length === 0 && this.inFlight === 0 && this.accepted.length === 0
  }

  /**
   * Applies one connection's updates in one Yjs transaction and returns what to store (null if nothing
   * changed), what to broadcast, and the client ids whose state moved (whose authorship to record).
   * Normally store and broadcast are both the effective update Yjs reports. If parts of the input wait for
   * missing dependencies, Yjs keeps them pending in memory and leaves them out of that report; then the raw
   * input is stored instead, so nothing a later sync step 2 sends is only in memory, and `clients` is null
   * (the caller reads them from the stored update, as pending structs' clients have not moved yet).
   */
  applyUpdates(updates: Uint8Array[], origin: Connection | null): { store: Uint8Array | null; broadcast: Uint8Array | null; clients: number[] | null } {
    if (updates.every(isEmptyUpdate)) return { store: null, broadcast: null, clients: [] }
    this.encoded = null // the only way the doc changes (structs Yjs keeps pending included)
    this.captured = []
    let transaction: Y.Transaction | null = null
    this.doc.transact((tr) => {
      transaction = tr
      for (const update of updates) Y.applyUpdate(this.doc, update, origin)
    }, origin)
    const effective = this.captured.length <= 1 ? (this.captured[0] ?? null) : Y.mergeUpdates(this.captured)
    this.captured = []
    const pending = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null
    if (pending) return { store: updates.length === 1 ? updates[0] : Y.mergeUpdates(updates), broadcast: effective, clients: null }
    return { store: effective, broadcast: effective, clients: effective ? movedClients(transaction!) : [] }
  }

  /** An update leaves the pipeline (stored, dropped or refused): it no longer counts against the size cap. */
  release(item: AcceptedUpdate): void {
    if (!item.counted) return
    item.counted = false
    this.pendingBytes -= item.update.length
  }

  syncStep1(): Buffer {
    return encodeSync(SYNC_STEP1, this.stateVector())
  }

  syncStep2(stateVector: Uint8Array): Buffer {
    if (isEmptyStateVector(stateVector)) return encodeSync(SYNC_STEP2, this.state())
    if (this.undecoded) return encodeSync(SYNC_STEP2, Y.diffUpdate(this.undecoded, stateVector))
    return encodeSync(SYNC_STEP2, Y.encodeStateAsUpdate(this.doc, stateVector))
  }

  /** Sends one message to every connection, framed once. */
  broadcast(message: Buffer): void {
    const frame = binaryFrame(message)
    for (const conn of this.conns) conn.sendFrame(frame)
  }

  destroy(): void {
    this.decodedDoc?.destroy()
    this.undecoded = null
    this.encoded = null
  }
}
