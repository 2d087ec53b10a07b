/**
 * Opening a document that is not loaded yet. Loading means having the main thread apply the stored state
 * (after the validator thread has tried it on a replica, unless it is a snapshot that matches its digest,
 * rooms.ts); a large document takes from tens to hundreds of milliseconds. A newcomer with an empty
 * document needs none of that: what it asks for (sync step 1 with an empty state vector) is exactly what
 * is stored, snapshot and log tail. So while the room loads, that first question is answered from the
 * stored bytes as they are, and everything else the client sends waits for the room. The bytes are the
 * ones the loaded room would be built from, so the client ends up with the same state; the main thread
 * never decodes them here. The price: if the stored state were corrupt, the newcomer would be sent it
 * before the load (a damaged snapshot no longer matches its digest, so it is tried off the main thread)
 * refuses the room with 4500. Stored state is only ever what passed validation or what this server
 * encoded itself, so that takes a damaged database file; the server itself is never at risk.
 */
import * as Y from 'yjs'
import type { Connection } from './connection.ts'
import { decodeClientMessage, encodeSync, ProtocolError, SYNC_STEP2, SYNC_UPDATE } from './protocol.ts'
import { binaryFrame } from './ws-frame.ts'

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc())

/**
 * Answers the frame from `stored` (snapshot first, then the log) if it is a newcomer's sync step 1;
 * `written` is called once the answer is handed to the kernel (a large one takes several writes, which the
 * event loop makes only while nothing holds the main thread).
 */
export function answerFromStore(conn: Connection, frame: Uint8Array, stored: readonly Uint8Array[] | undefined, written: () => void): boolean {
  if (!stored) return false
  let msg
  try {
    msg = decodeClientMessage(frame)
  } catch (err) {
    if (err instanceof ProtocolError) return false // handled (and refused) once the room is loaded
    throw err
  }
  // An empty state vector is one varuint: zero clients.
  if (msg.type !== 'sync-step1' || msg.stateVector.length !== 1 || msg.stateVector[0] !== 0) return false
  const blobs = stored.length > 0 ? stored : [EMPTY_UPDATE]
  conn.sendFrame(Buffer.concat(blobs.map((blob, i) => binaryFrame(encodeSync(i === 0 ? SYNC_STEP2 : SYNC_UPDATE, blob)))), written)
  return true
}
