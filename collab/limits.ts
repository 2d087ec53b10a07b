/**
 * Resource limits of the collab server and the per-connection rate limiter. A limit that is hit closes
 * that one connection (4413 too large, 4429 rate, or a plain disconnect for a client that stops reading);
 * the room and the process carry on.
 */

export interface Limits {
  /** Largest websocket message accepted (ws closes bigger frames; we report 4413). */
  maxPayload: number
  /** Largest stored size of one document (snapshot + log); an update that would exceed it gets 4413. */
  maxDocumentBytes: number
  /** Messages per second a connection may sustain, and the burst it may send at once. */
  messagesPerSecond: number
  messageBurst: number
  /** Bytes per second a connection may sustain, and the burst (at least one maximal message). */
  bytesPerSecond: number
  byteBurst: number
  /** Bytes queued for a socket that does not read; beyond this it is disconnected. */
  maxBufferedBytes: number
  /** Awareness: client ids one connection may own, and the largest state (JSON text) of one client id. */
  maxClientIdsPerConnection: number
  maxAwarenessStateBytes: number
}

export const MIB = 1024 * 1024

export function defaultLimits(maxPayload = 2 * MIB, maxDocumentBytes = 64 * MIB): Limits {
  return {
    maxPayload,
    maxDocumentBytes,
    messagesPerSecond: 100,
    messageBurst: 400,
    bytesPerSecond: MIB,
    byteBurst: Math.max(8 * MIB, 2 * maxPayload),
    maxBufferedBytes: Math.max(16 * MIB, 4 * maxPayload),
    maxClientIdsPerConnection: 4,
    maxAwarenessStateBytes: 16 * 1024,
  }
}

/** Two token buckets (messages and bytes) refilled continuously; `take` says whether a message may pass. */
export class RateLimiter {
  private messages: number
  private bytes: number
  private last = performance.now()

  constructor(private readonly limits: Limits) {
    this.messages = limits.messageBurst
    this.bytes = limits.byteBurst
  }

  take(size: number): boolean {
    const now = performance.now()
    const seconds = (now - this.last) / 1000
    this.last = now
    const l = this.limits
    this.messages = Math.min(l.messageBurst, this.messages + seconds * l.messagesPerSecond) - 1
    this.bytes = Math.min(l.byteBurst, this.bytes + seconds * l.bytesPerSecond) - size
    return this.messages >= 0 && this.bytes >= 0
  }
}
