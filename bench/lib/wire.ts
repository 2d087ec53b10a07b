/**
 * The client side of the wire, shared by every load-generating process. Three servers speak nearly the
 * same y-websocket protocol: ours and the reference frame messages as `varuint(type) payload`; Hocuspocus
 * prefixes every frame with `varstring(documentName)`, treats type 4 (SyncReply) like sync, and wants an
 * auth message (`2, 0, varstring(token)`) before anything else.
 *
 * Delivery latency: every edit inserts a marker `§B<client>|<send time, ms since epoch>;` into a Y.Text.
 * Receivers scan the raw update bytes for markers (a Yjs update stores inserted text verbatim as UTF-8), so
 * listeners need no Y.Doc and a merged broadcast of k edits counts as k delivered updates.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export type ServerKind = 'ours' | 'reference' | 'hocuspocus'

export const SYNC = 0
export const AWARENESS = 1
export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2

const MARK = Buffer.from('§B', 'utf8')
const SEMI = 0x3b
const BAR = 0x7c
const DOT = 0x2e

export const nowMs = (): number => performance.timeOrigin + performance.now()

export function marker(client: number, at = nowMs()): string {
  return `§B${client}|${at.toFixed(2)};`
}

/**
 * Calls `fn(client, sentAt)` for each marker found in `buf`. The numbers are read from the bytes in place
 * (no string per marker): at N = 400 every listener process scans ~150,000 markers a second, and this
 * loop is the load generator's, not the server's, so it must stay cheap.
 */
export function scanMarkers(buf: Uint8Array, fn: (client: number, sentAt: number) => void): void {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
  let pos = b.indexOf(MARK)
  while (pos >= 0) {
    let i = pos + MARK.length
    let client = 0
    let digits = 0
    for (; i < b.length && b[i] >= 0x30 && b[i] <= 0x39 && digits <= 6; i++, digits++) client = client * 10 + (b[i] - 0x30)
    if (digits === 0 || b[i] !== BAR) {
      pos = b.indexOf(MARK, pos + MARK.length)
      continue
    }
    let at = 0
    let scale = 0
    digits = 0
    for (i++; i < b.length && digits <= 20; i++, digits++) {
      const c = b[i]
      if (c >= 0x30 && c <= 0x39) {
        at = at * 10 + (c - 0x30)
        if (scale) scale *= 10
      } else if (c === DOT && !scale) scale = 1
      else break
    }
    if (digits > 0 && b[i] === SEMI) fn(client, scale ? at / scale : at)
    pos = b.indexOf(MARK, i)
  }
}

export function encodeFrame(kind: ServerKind, docName: string, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  if (kind === 'hocuspocus') encoding.writeVarString(e, docName)
  write(e)
  return encoding.toUint8Array(e)
}

export const syncFrame = (kind: ServerKind, docName: string, sub: number, payload: Uint8Array): Uint8Array =>
  encodeFrame(kind, docName, (e) => {
    encoding.writeVarUint(e, SYNC)
    encoding.writeVarUint(e, sub)
    encoding.writeVarUint8Array(e, payload)
  })

export const authFrame = (docName: string): Uint8Array =>
  encodeFrame('hocuspocus', docName, (e) => {
    encoding.writeVarUint(e, 2)
    encoding.writeVarUint(e, 0)
    encoding.writeVarString(e, 'bench')
  })

export interface SyncMessage {
  sub: number
  payload: Uint8Array
}

/** Decodes a server frame; returns the sync message inside it, or null for anything else. */
export function readSync(kind: ServerKind, data: Uint8Array): SyncMessage | null {
  const d = decoding.createDecoder(data)
  if (kind === 'hocuspocus') decoding.readVarString(d)
  const type = decoding.readVarUint(d)
  if (type !== SYNC && !(kind === 'hocuspocus' && type === 4)) return null
  const sub = decoding.readVarUint(d)
  return { sub, payload: decoding.readVarUint8Array(d) }
}

/** Latency histogram: 0.1 ms buckets up to 30 s (the last bucket collects the rest). */
export const HIST_BUCKETS = 300_001
export const newHist = (): Uint32Array => new Uint32Array(HIST_BUCKETS)
export function record(hist: Uint32Array, ms: number): void {
  const i = Math.max(0, Math.min(HIST_BUCKETS - 1, Math.round(ms * 10)))
  hist[i]++
}
export function sparse(hist: Uint32Array): [number, number][] {
  const out: [number, number][] = []
  for (let i = 0; i < hist.length; i++) if (hist[i]) out.push([i, hist[i]])
  return out
}
export function percentiles(entries: [number, number][], ps: number[]): number[] {
  const sorted = [...entries].sort((a, b) => a[0] - b[0])
  const total = sorted.reduce((n, [, c]) => n + c, 0)
  return ps.map((p) => {
    if (total === 0) return NaN
    const target = Math.ceil((p / 100) * total)
    let seen = 0
    for (const [i, c] of sorted) {
      seen += c
      if (seen >= target) return i / 10
    }
    return sorted[sorted.length - 1][0] / 10
  })
}
