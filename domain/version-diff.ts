/**
 * Comparing two versions side by side: blocks (paragraphs, headings, cells) are aligned first, then changed
 * blocks are compared word by word. Words come from Intl.Segmenter, so Chinese text (no spaces) is compared
 * by word too, not as one long token. Uses jsdiff's Myers implementation rather than our own.
 */
import { diffArrays } from 'diff'

export type SegmentOp = 'same' | 'ins' | 'del'
export interface Segment {
  op: SegmentOp
  text: string
}
export interface DiffRow {
  kind: 'same' | 'changed' | 'added' | 'removed'
  left: Segment[]
  right: Segment[]
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })
const words = (text: string) => [...segmenter.segment(text)].map((s) => s.segment)

function diffWords(a: string, b: string): { left: Segment[]; right: Segment[] } {
  const left: Segment[] = []
  const right: Segment[] = []
  for (const part of diffArrays(words(a), words(b))) {
    const text = part.value.join('')
    if (part.added) right.push({ op: 'ins', text })
    else if (part.removed) left.push({ op: 'del', text })
    else {
      left.push({ op: 'same', text })
      right.push({ op: 'same', text })
    }
  }
  return { left, right }
}

export function diffBlocks(before: string[], after: string[]): DiffRow[] {
  const rows: DiffRow[] = []
  const parts = diffArrays(before, after)
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    const next = parts[i + 1]
    if (part.removed && next?.added) {
      // Pair removed and added blocks one to one as changed; the rest are whole additions or removals.
      const n = Math.min(part.value.length, next.value.length)
      for (let k = 0; k < n; k++) rows.push({ kind: 'changed', ...diffWords(part.value[k], next.value[k]) })
      for (const text of part.value.slice(n)) rows.push({ kind: 'removed', left: [{ op: 'del', text }], right: [] })
      for (const text of next.value.slice(n)) rows.push({ kind: 'added', left: [], right: [{ op: 'ins', text }] })
      i++
    } else if (part.removed) {
      for (const text of part.value) rows.push({ kind: 'removed', left: [{ op: 'del', text }], right: [] })
    } else if (part.added) {
      for (const text of part.value) rows.push({ kind: 'added', left: [], right: [{ op: 'ins', text }] })
    } else {
      for (const text of part.value) rows.push({ kind: 'same', left: [{ op: 'same', text }], right: [{ op: 'same', text }] })
    }
  }
  return rows
}
