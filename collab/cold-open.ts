/**
 * Opening a document whose stored state must be tried before it loads: a log tail left by a crash, or a
 * snapshot that no longer matches its digest (rooms.ts). The validator thread applies it to a replica, then
 * the main thread decodes it; a large document takes from tens to hundreds of milliseconds. A newcomer with
 * an empty document needs none of that: what it asks for (sync step 1 with an empty state vector) is
 * exactly what is stored, snapshot and log tail. So while the room loads, that first question is answered
 * from the stored bytes as they are, and everything else the client sends waits for the room. The bytes
 * are the ones the loaded room is built from, so the client ends up with the same state. The price: if
 * the stored state were corrupt, the newcomer would be sent it before the load refuses the room with 4500.
 * Stored state is only ever what passed validation or what this server encoded itself, so that takes a
 * damaged database file; the server itself is never at risk. (A trusted snapshot needs no such path: its
 * room opens at once and answers from the same bytes, room.ts.)
 */
import type { Connection } from './connection.ts'
import { decodeClientMessage, encodeSync, ProtocolError, SYNC_STEP2, SYNC_UPDATE } from './protocol.ts'
import { isEmptyStateVector } from './room.ts'
import { binaryFrame } from './ws-frame.ts'

/** Answers the frame from `stored` (snapshot first, then the log) if it is a newcomer's sync step 1. */
export function answerFromStore(conn: Connection, frame: Uint8Array, stored: readonly Uint8Array[] | undefined): boolean {
  if (!stored || stored.length === 0) return false // an untrusted state has a snapshot or a log tail
  let msg
  try {
    msg = decodeClientMessage(frame)
  } catch (err) {
    if (err instanceof ProtocolError) return false // handled (and refused) once the room is loaded
    throw err
  }
  if (msg.type !== 'sync-step1' || !isEmptyStateVector(msg.stateVector)) return false
  conn.sendFrame(Buffer.concat(stored.map((blob, i) => binaryFrame(encodeSync(i === 0 ? SYNC_STEP2 : SYNC_UPDATE, blob)))))
  return true
}
