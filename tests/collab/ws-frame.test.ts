/** Our one-time broadcast framing produces exactly the bytes ws itself would write for `send(payload)`. */
import { describe, expect, it } from 'vitest'
import * as ws from 'ws'
import { binaryFrame } from '../../collab/ws-frame.ts'

type Frame = (data: Buffer, options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean }) => Buffer[]
const wsFrame = (ws as unknown as { Sender: { frame: Frame } }).Sender.frame

describe('binaryFrame', () => {
  it.each([0, 1, 125, 126, 127, 65_535, 65_536, 300_000])('matches ws for a %i-byte payload', (n) => {
    const payload = Buffer.alloc(n, 7)
    if (n > 0) payload[n - 1] = 9
    const expected = Buffer.concat(wsFrame(payload, { fin: true, opcode: 2, mask: false, readOnly: true, rsv1: false }))
    expect(binaryFrame(payload).equals(expected)).toBe(true)
  })
})
