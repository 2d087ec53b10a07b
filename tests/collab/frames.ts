/** Raw y-websocket frames built with lib0/y-protocols themselves, independent of the server's codec. */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

export function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  syncProtocol.writeUpdate(e, update)
  return encoding.toUint8Array(e)
}

export function step2Frame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

export function step1Frame(doc: Y.Doc = new Y.Doc()): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  syncProtocol.writeSyncStep1(e, doc)
  return encoding.toUint8Array(e)
}

/** An awareness frame with explicit client ids, clocks and states (states are JSON-encoded as given). */
export function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const e of entries) {
    encoding.writeVarUint(inner, e.clientId)
    encoding.writeVarUint(inner, e.clock)
    encoding.writeVarString(inner, JSON.stringify(e.state))
  }
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
  return encoding.toUint8Array(e)
}

/** A small valid update: one paragraph with `text`, from a fresh client. */
export function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment('default').insert(0, [p])
  return Y.encodeStateAsUpdate(doc)
}

/** The message type and (for sync) the sync step of a frame the server sent. */
export function kindOf(frame: Uint8Array): string {
  const d = decoding.createDecoder(frame)
  const type = decoding.readVarUint(d)
  if (type === 0) return ['sync-step1', 'sync-step2', 'sync-update'][decoding.readVarUint(d)] ?? 'sync-?'
  if (type === 1) return 'awareness'
  if (type === 100) return 'saved'
  return `type-${type}`
}

/** Decodes an awareness frame into client id → state. */
export function awarenessStates(frame: Uint8Array): Map<number, unknown> {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  awareness.setLocalState(null)
  const d = decoding.createDecoder(frame)
  decoding.readVarUint(d)
  awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(d), 'test')
  const states = new Map(awareness.getStates())
  awareness.destroy()
  return states
}
