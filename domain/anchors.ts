/**
 * Comment anchors. A thread is anchored to a range of text by two Yjs relative positions — Yjs's own
 * primitive for "this place in the text", which follows the text through every concurrent edit, lets any
 * number of ranges overlap, and lives outside the document content (so an observer's anchor needs no write
 * to the document, an editor cannot delete someone else's anchor by accident, and published text carries
 * nothing to strip). The start sticks to the character after it and the end to the character before it, so
 * text typed at either edge stays outside the range. When the anchored text is deleted both ends meet: the
 * thread is detached, kept and listed, never lost.
 *
 * Positions are linearised over the document's text in reading order, blocks separated by a newline.
 */
import * as Y from 'yjs'
import { badRequest, conflict } from './errors.ts'
import { FRAGMENT } from './document-content.ts'

const invalidAnchor = () => badRequest('invalid_anchor', 'The anchor is not a valid position in the document.')

interface TextSpan {
  text: Y.XmlText
  start: number
  value: string
}

/** The text nodes of the document in reading order, with their offsets in the linearised text. */
export function linearise(doc: Y.Doc): { spans: TextSpan[]; text: string } {
  const spans: TextSpan[] = []
  let out = ''
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        const value = (child.toDelta() as Array<{ insert: unknown }>).map((d) => (typeof d.insert === 'string' ? d.insert : '\uFFFC')).join('')
        spans.push({ text: child, start: out.length, value })
        out += value
      } else if (child instanceof Y.XmlElement) {
        if (out.length > 0 && !out.endsWith('\n')) out += '\n'
        walk(child)
      }
    }
  }
  walk(doc.getXmlFragment(FRAGMENT))
  return { spans, text: out }
}

/** Where a relative position lands in the linearised text, or null if its text is gone from this doc. */
function offsetOf(doc: Y.Doc, spans: TextSpan[], rel: Y.RelativePosition): number | null {
  // A position may name a root type; any other than the document's fragment is not in the text (and Yjs
  // would create it on this doc while resolving).
  if (rel.tname !== null && rel.tname !== FRAGMENT) throw invalidAnchor()
  let abs: Y.AbsolutePosition | null
  try {
    abs = Y.createAbsolutePositionFromRelativePosition(rel, doc)
  } catch {
    throw invalidAnchor()
  }
  if (!abs) return null
  if (abs.type instanceof Y.XmlText) {
    const span = spans.find((s) => s.text === abs.type)
    return span ? span.start + abs.index : null
  }
  // A crafted position can land in a type that holds no elements (a map, a plain text): not in the text.
  if (!(abs.type instanceof Y.XmlElement || abs.type instanceof Y.XmlFragment)) throw invalidAnchor()
  // A position between elements: the start of the first text at or after it.
  const after = abs.type.toArray().slice(abs.index)
  for (const node of after) {
    const first = node instanceof Y.XmlText ? node : node instanceof Y.XmlElement ? firstText(node) : null
    const span = first && spans.find((s) => s.text === first)
    if (span) return span.start
  }
  return spans.length ? spans[spans.length - 1].start + spans[spans.length - 1].value.length : 0
}

function firstText(el: Y.XmlElement): Y.XmlText | null {
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) return child
    if (child instanceof Y.XmlElement) {
      const t = firstText(child)
      if (t) return t
    }
  }
  return null
}

export function decodeAnchor(bytes: Uint8Array): Y.RelativePosition {
  try {
    return Y.decodeRelativePosition(bytes)
  } catch {
    throw invalidAnchor()
  }
}

export interface ResolvedAnchor {
  /** Offsets in the linearised text; equal when the anchored text was deleted. */
  from: number
  to: number
  detached: boolean
  quote: string
}

export function resolveAnchor(doc: Y.Doc, start: Uint8Array, end: Uint8Array): ResolvedAnchor {
  const { spans, text } = linearise(doc)
  const from = offsetOf(doc, spans, decodeAnchor(start))
  const to = offsetOf(doc, spans, decodeAnchor(end))
  if (from === null || to === null || to <= from) return { from: from ?? 0, to: from ?? 0, detached: true, quote: '' }
  return { from, to, detached: false, quote: text.slice(from, to) }
}

/** The span and index within it for a linear offset (the end of the previous span at block boundaries). */
function locate(spans: TextSpan[], offset: number, preferEnd: boolean): { text: Y.XmlText; index: number } {
  for (const s of spans) {
    const end = s.start + s.value.length
    if (offset >= s.start && (offset < end || (preferEnd && offset === end))) return { text: s.text, index: offset - s.start }
  }
  const last = spans[spans.length - 1]
  return { text: last.text, index: last.value.length }
}

/**
 * Places an anchor the way the server wants it, whatever the client sent: the range is re-derived from the
 * client's positions, must cover existing text, and is stored with start sticking right and end left.
 */
export function placeAnchor(doc: Y.Doc, start: Uint8Array, end: Uint8Array, maxQuote = 5000) {
  const resolved = resolveAnchor(doc, start, end)
  if (resolved.detached) throw conflict('anchor_gone', 'The selected text no longer exists in the document.')
  if (resolved.quote.length > maxQuote) throw badRequest('anchor_too_long', `Select at most ${maxQuote} characters.`)
  const { spans, text } = linearise(doc)
  const a = locate(spans, resolved.from, false)
  const b = locate(spans, resolved.to, true)
  return {
    start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(a.text, a.index, 0)),
    end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(b.text, b.index, -1)),
    quote: resolved.quote,
    contextBefore: text.slice(Math.max(0, resolved.from - 80), resolved.from),
    contextAfter: text.slice(resolved.to, resolved.to + 80),
  }
}

/**
 * Replaces the anchored text with `replacement` in `doc` (accepting a suggestion): deletes the range across
 * however many text nodes it spans and inserts the replacement where it began.
 */
export function replaceAnchored(doc: Y.Doc, start: Uint8Array, end: Uint8Array, replacement: string): void {
  const resolved = resolveAnchor(doc, start, end)
  if (resolved.detached) throw conflict('anchor_gone', 'The suggested text no longer exists in the document.')
  const { spans } = linearise(doc)
  doc.transact(() => {
    for (const s of [...spans].reverse()) {
      const from = Math.max(resolved.from, s.start)
      const to = Math.min(resolved.to, s.start + s.value.length)
      if (to > from) s.text.delete(from - s.start, to - from)
    }
    if (replacement) {
      const at = locate(spans, resolved.from, true)
      at.text.insert(at.index, replacement)
    }
  })
}
