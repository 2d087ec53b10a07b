/**
 * A server-to-client websocket binary frame (RFC 6455 §5.2), built once per broadcast and written as is
 * to every socket of a room: FIN + opcode 2, no mask (servers never mask), then the payload length in 7,
 * 7+16 or 7+64 bits, then the payload. ws frames every `send` again for each socket and writes header and
 * payload as two chunks; a broadcast to a hundred sockets is a hundred copies of the same bytes, so we
 * frame once. Written by hand because ws's framer (`Sender.frame`) is not part of its typed API.
 */
export function binaryFrame(payload: Uint8Array): Buffer {
  const n = payload.length
  const headerBytes = n < 126 ? 2 : n < 65536 ? 4 : 10
  const frame = Buffer.allocUnsafe(headerBytes + n)
  frame[0] = 0x82
  if (n < 126) frame[1] = n
  else if (n < 65536) {
    frame[1] = 126
    frame.writeUInt16BE(n, 2)
  } else {
    frame[1] = 127
    frame.writeBigUInt64BE(BigInt(n), 2)
  }
  frame.set(payload, headerBytes)
  return frame
}
