/**
 * One websocket connection to one document: who it is, what it may do, and its counters. Sending goes
 * through `send` (or `sendAll`, several messages in one write), which drops a client whose unread backlog grows past the limit (a slow or stalled reader
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
  readonly ownedClientIds = new Set<number>()
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
  /** Bumped per access re-evaluation, so only the latest one's verdict applies. */
  evaluation = 0

  constructor(
    readonly ws: WebSocket,
    /** The upgraded TCP socket under `ws`, corked around a batch so its messages leave in one write. */
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
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.closed = true
      this.onSlowReader(this)
      this.ws.terminate()
    }
  }

  /**
   * Sends several messages in one system call: the socket is corked while ws frames them, so the kernel
   * sees one writev instead of one per message (a write costs far more than framing a small message).
   */
  sendAll(messages: readonly Buffer[]): void {
    if (messages.length === 0) return
    if (messages.length === 1) return this.send(messages[0])
    this.socket.cork()
    for (const message of messages) this.send(message)
    this.socket.uncork()
  }

  close(code: CloseCode, reason: string, revoke = false): void {
    if (revoke) this.revoked = true
    if (this.closed) return
    this.closed = true
    this.ws.close(code, reason)
    this.ws.resume() // a paused socket would never read the client's close reply
  }
}
