/** Which outgoing y-websocket frames the server counts for "saved" acknowledgements. */
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { describe, expect, test } from 'vitest'
import { classifyOutgoing, toBytes } from '../../client/editor/frames.ts'

const frame = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

describe('outgoing frames', () => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'hello')

  test('sync step 2 and updates are counted; step 1, awareness and anything else are not', () => {
    expect(classifyOutgoing(frame((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep2(e, doc))))).toBe('step2')
    expect(classifyOutgoing(frame((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc)))))).toBe('update')
    expect(classifyOutgoing(frame((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep1(e, doc))))).toBeNull()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState({ user: { name: 'x' } })
    const aw = frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]))))
    expect(classifyOutgoing(aw)).toBeNull()
    expect(classifyOutgoing(new Uint8Array([]))).toBeNull()
    expect(classifyOutgoing(new Uint8Array([0]))).toBeNull()
  })

  test('reads every binary form a WebSocket send may get', () => {
    const bytes = new Uint8Array([0, 2, 1])
    expect(toBytes(bytes)).toEqual(bytes)
    expect(toBytes(bytes.buffer)).toEqual(bytes)
    expect(toBytes(new DataView(bytes.buffer))).toEqual(bytes)
    expect(toBytes('text')).toBeNull()
  })
})
