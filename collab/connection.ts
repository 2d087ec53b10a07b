/**
 * One websocket connection to one document: who it is, what it may do, and its counters. Sending goes
 * through `send` (or `sendFrame`, pre-built frames in one write), which drops a client whose unread backlog grows past the limit (a slow or stalled reader
 * must not make the server buffer without bound; others are unaffected).
 */
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import type { CloseCode } from './close-codes.ts'
import type { Identity } from './identity.ts'
import { RateLimiter, type Limits } from './limits.ts'

export type Access = 'read' | 'write'

const OPEN = 1
const SEND_OPTIONS = { binary: true, compress: false } as const

export class Connection {
  /** Awareness client ids this connection speaks for (at most a handful: an array is lighter than a Set). */
  readonly ownedClientIds: number[] = []
  readonly limiter: RateLimiter
  /** Access re-evaluations in progress: the connection's updates wait until they settle. */
  gate = 0
  /** Closed because access ended (4401/4403/4404): its queued updates are dropped, not stored. */
  revoked = false
  closed = false
  /** Update messages of this connection durably stored (or found already contained), for acks. */
  saved = 0
  /** Update messages taken into the pipeline, numbered; after a refused one, later ones are dropped. */
  submitted = 0
  acceptUpTo = Infinity
  /**
   * Update messages up to this number were taken in before the connection lost write access: none of
   * them is stored, even if write access comes back before they reach a commit.
   */
  dropUpTo = 0
  /** Bumped per access re-evaluation, so only the latest one's verdict applies. */
  evaluation = 0

  constructor(
    readonly ws: WebSocket,
    /** The upgraded TCP socket under `ws`, for `sendFrame`. */
    private readonly socket: Duplex,
    readonly documentId: string,
    readonly identity: Identity,
    public access: Access,
    public sessionExpiresAt: number,
    readonly wantsAcks: boolean,
    private readonly limits: Limits,
    private readonly onSlowReader: (conn: Connection) => void,
  ) {
    this.limiter = new RateLimiter(limits)
  }

  send(message: Buffer): void {
    if (this.closed || this.ws.readyState !== OPEN) return
    this.ws.send(message, SEND_OPTIONS)
    this.dropIfBacklogged()
  }

  /**
   * Writes pre-built websocket frames (ws-frame.ts), joined in one buffer, straight to the socket: a
   * broadcast is framed once for every socket, and a socket's messages of one batch cost one write.
   * `written` is called once the bytes are handed to the kernel (or the socket failed).
   * Safe beside ws's own writes, which are whole frames too (we never compress, so ws never queues);
   * nothing is written once ws has started closing.
   */
  sendFrame(frames: Buffer, written?: () => void): void {
    if (frames.length === 0 || this.closed || this.ws.readyState !== OPEN) return void written?.()
    this.socket.write(frames, written)
    this.dropIfBacklogged()
  }

  private dropIfBacklogged(): void {
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.closed = true
      this.onSlowReader(this)
      this.ws.terminate()
    }
  }

  close(code: CloseCode, reason: string, revoke = false): void {
    if (revoke) this.revoked = true
    if (this.closed) return
    this.closed = true
    this.ws.close(code, reason)
    this.ws.resume() // a paused socket would never read the client's close reply
  }
}
