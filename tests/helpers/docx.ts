/**
 * Looking inside a DOCX the hub serves: one part out of the ZIP archive (read through its central
 * directory, enough without a ZIP library), and whether a part is well-formed XML as Word requires.
 */
import { inflateRawSync } from 'node:zlib'
// jsdom (the client tests' environment) ships no types; its DOMParser is a strict XML parser (happy-dom's
// accepts characters XML refuses, such as U+FFFF).
// @ts-expect-error -- no declaration file
import { JSDOM } from 'jsdom'

export function isWellFormedXml(xml: string): boolean {
  const { DOMParser } = (new JSDOM() as { window: { DOMParser: typeof globalThis.DOMParser } }).window
  return new DOMParser().parseFromString(xml, 'application/xml').getElementsByTagName('parsererror').length === 0
}

export function zipEntry(zip: Buffer, name: string): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0) throw new Error('not a ZIP archive')
  let at = zip.readUInt32LE(end + 16)
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const local = zip.readUInt32LE(at + 42)
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
      const data = zip.subarray(start, start + size)
      return method === 0 ? data : inflateRawSync(data)
    }
    at += 46 + skip
  }
  throw new Error(`${name} is not in the archive`)
}
