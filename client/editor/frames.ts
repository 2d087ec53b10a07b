/**
 * The few facts about y-websocket frames the client needs for "saved" acknowledgements (collab/protocol.ts
 * has the full format). A frame starts with varuint(messageType); sync frames follow with varuint(kind).
 * The server counts the sync step-2 and update frames each socket sends, and, when the URL carries
 * `ack=1`, answers with type 100 = varuint(count): "your first `count` of them are committed to disk".
 * All type numbers here are below 128, so each varuint is one byte.
 */
export const MESSAGE_SYNC = 0
export const MESSAGE_SAVED = 100
export const SYNC_STEP1 = 0
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2

export type DocumentFrame = 'step2' | 'update'

/** Whether an outgoing frame carries document changes the server will count, and which kind. */
export function classifyOutgoing(frame: Uint8Array): DocumentFrame | null {
  if (frame.length < 2 || frame[0] !== MESSAGE_SYNC) return null
  if (frame[1] === SYNC_STEP2) return 'step2'
  if (frame[1] === SYNC_UPDATE) return 'update'
  return null
}

export function toBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  return null
}
