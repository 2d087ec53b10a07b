/**
 * The wire format of the y-websocket protocol as this server speaks it: pure `decode`/`encode` functions
 * over one binary frame, the way y-protocols writes them (lib0 varuints, length-prefixed byte arrays).
 *
 *   frame            = varuint(messageType) payload
 *   0 sync           = varuint(0 step1) varbytes(stateVector)      client asks "what am I missing?"
 *                    | varuint(1 step2) varbytes(update)           answer to a step1: the missing updates
 *                    | varuint(2 update) varbytes(update)          a live edit
 *   1 awareness      = varbytes( varuint(n) n × [varuint(clientId) varuint(clock) varstring(JSON state|null)] )
 *   3 queryAwareness = (empty)                                     "send me every awareness state"
 *   100 saved        = varuint(count)        server → client only, and only when the URL has `?ack=1`
 *
 * Handshake: on connect the client sends step1 (and its awareness); the server answers with step2 and,
 * when the connection may write, sends its own step1 so the client pushes edits made offline. Afterwards
 * both sides exchange `update` messages. Message type 2 (auth) is server → client only in y-websocket, so
 * a client sending it is a protocol error like any unknown type.
 *
 * Decoding never trusts a length: every varuint is at most 8 bytes (as lib0 writes them), every count and byte length
 * must fit in what is left of the frame, and trailing bytes are an error. So a frame is decoded in time
 * linear in its size and a bad one throws `ProtocolError` (which the server turns into close code 4400).
 * The Yjs update bytes inside a sync message are *not* interpreted here: that happens off the main thread
 * (see validator.ts).
 */

export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_QUERY_AWARENESS = 3
/** Our extension: "your first `count` update messages on this socket are durably stored". */
export const MESSAGE_SAVED = 100

export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2

export class ProtocolError extends Error {
  override name = 'ProtocolError'
}

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The state as sent (JSON text); `null` means the client left. */
  state: Record<string, unknown> | null
}

export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2' | 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; entries: AwarenessEntry[] }
  | { type: 'query-awareness' }

class Reader {
  pos = 0
  constructor(readonly buf: Uint8Array) {}

  get left(): number {
    return this.buf.length - this.pos
  }

  varUint(): number {
    let num = 0
    let mult = 1
    for (let i = 0; i < 8; i++) {
      if (this.pos >= this.buf.length) throw new ProtocolError('truncated varint')
      const byte = this.buf[this.pos++]
      num += (byte & 0x7f) * mult
      if (byte < 0x80) return num
      mult *= 128
    }
    throw new ProtocolError('varint too long')
  }

  varBytes(): Uint8Array {
    const len = this.varUint()
    if (len > this.left) throw new ProtocolError('length exceeds frame')
    const out = this.buf.subarray(this.pos, this.pos + len)
    this.pos += len
    return out
  }

  end(): void {
    if (this.left !== 0) throw new ProtocolError('trailing bytes')
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  const r = new Reader(frame)
  const type = r.varUint()
  let msg: ClientMessage
  if (type === MESSAGE_SYNC) {
    const step = r.varUint()
    const bytes = r.varBytes()
    if (step === SYNC_STEP1) msg = { type: 'sync-step1', stateVector: checkStateVector(bytes) }
    else if (step === SYNC_STEP2) msg = { type: 'sync-step2', update: bytes }
    else if (step === SYNC_UPDATE) msg = { type: 'sync-update', update: bytes }
    else throw new ProtocolError(`unknown sync message ${step}`)
  } else if (type === MESSAGE_AWARENESS) {
    msg = { type: 'awareness', entries: decodeAwareness(r.varBytes()) }
  } else if (type === MESSAGE_QUERY_AWARENESS) {
    msg = { type: 'query-awareness' }
  } else {
    throw new ProtocolError(`unknown message type ${type}`)
  }
  r.end()
  return msg
}

/** A state vector is `n` pairs of (clientId, clock); checked so Yjs can read it without surprises. */
function checkStateVector(bytes: Uint8Array): Uint8Array {
  const r = new Reader(bytes)
  const n = r.varUint()
  if (n * 2 > r.left) throw new ProtocolError('state vector count exceeds frame')
  for (let i = 0; i < n; i++) {
    r.varUint()
    r.varUint()
  }
  r.end()
  return bytes
}

function decodeAwareness(bytes: Uint8Array): AwarenessEntry[] {
  const r = new Reader(bytes)
  const n = r.varUint()
  if (n * 3 > r.left) throw new ProtocolError('awareness count exceeds frame')
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < n; i++) {
    const clientId = r.varUint()
    const clock = r.varUint()
    let parsed: unknown
    try {
      parsed = JSON.parse(utf8.decode(r.varBytes()))
    } catch {
      throw new ProtocolError('awareness state is not JSON')
    }
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      throw new ProtocolError('awareness state must be an object or null')
    }
    entries.push({ clientId, clock, state: parsed as Record<string, unknown> | null })
  }
  r.end()
  return entries
}

// ---------------------------------------------------------------------------------------------- encoding

/** A tiny growable writer; messages are built once and sent as the same Buffer to every socket. */
export class Writer {
  private buf: Buffer
  private pos = 0
  constructor(size = 64) {
    this.buf = Buffer.allocUnsafe(size)
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n))
    this.buf.copy(next, 0, 0, this.pos)
    this.buf = next
  }

  varUint(num: number): this {
    this.ensure(8)
    while (num > 0x7f) {
      this.buf[this.pos++] = 0x80 | (num & 0x7f)
      num = Math.floor(num / 128)
    }
    this.buf[this.pos++] = num
    return this
  }

  bytes(data: Uint8Array): this {
    this.ensure(data.length)
    this.buf.set(data, this.pos)
    this.pos += data.length
    return this
  }

  varBytes(data: Uint8Array): this {
    return this.varUint(data.length).bytes(data)
  }

  varString(text: string): this {
    return this.varBytes(Buffer.from(text, 'utf8'))
  }

  done(): Buffer {
    return this.buf.subarray(0, this.pos)
  }
}

export function encodeSync(step: typeof SYNC_STEP1 | typeof SYNC_STEP2 | typeof SYNC_UPDATE, payload: Uint8Array): Buffer {
  return new Writer(payload.length + 8).varUint(MESSAGE_SYNC).varUint(step).varBytes(payload).done()
}

/** `entries` carry the state already serialised, so a state is stringified once however often it is sent. */
export function encodeAwareness(entries: Iterable<{ clientId: number; clock: number; json: string }>): Buffer {
  const list = [...entries]
  const inner = new Writer(64 * list.length + 8).varUint(list.length)
  for (const e of list) inner.varUint(e.clientId).varUint(e.clock).varString(e.json)
  const body = inner.done()
  return new Writer(body.length + 8).varUint(MESSAGE_AWARENESS).varBytes(body).done()
}

export function encodeSaved(count: number): Buffer {
  return new Writer(10).varUint(MESSAGE_SAVED).varUint(count).done()
}
