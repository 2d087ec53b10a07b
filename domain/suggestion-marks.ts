/**
 * Tracked changes read from a document (suggestion mode, see suggestion-extensions.ts). A suggestion is
 * every `insertion` and `deletion` mark sharing one id: inserted text waiting to be accepted, deleted text
 * waiting to be removed, or both (a replacement). Text of one suggestion in several paragraphs is joined
 * with newlines. The library marks a suggested paragraph break or join with zero-width spaces: they count
 * as part of the suggestion (`breaks`) but not as its text.
 *
 * `trackedSuggestions` works on ProseMirror JSON (what the server gets from the stored Yjs document and the
 * editor from `getJSON()`), in document order. `rejectAllSuggestions` drops every open suggestion (inserted
 * text removed, deleted text kept) with the library's own "reject all", so the server strips a text
 * exactly as an editor rejecting everything would.
 */
import { revertSuggestions } from '@handlewithcare/prosemirror-suggest-changes'
import type { Node } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { Transform } from '@tiptap/pm/transform'
import { DELETION, INSERTION, MODIFICATION } from './suggestion-extensions.ts'

export interface SuggestionJSON {
  type: string
  attrs?: Record<string, unknown>
  content?: SuggestionJSON[]
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>
  text?: string
}

export interface TrackedSuggestion {
  id: string
  kind: 'insertion' | 'deletion' | 'replacement'
  inserted: string
  deleted: string
  /** The suggestion adds or removes a paragraph break. */
  breaks: boolean
  authorId: string | null
  authorName: string | null
  at: number | null
}

const ZWSP = /\u200B/g
const SUGGESTION_TYPES = new Set([INSERTION, DELETION, MODIFICATION])

export function trackedSuggestions(doc: SuggestionJSON): TrackedSuggestion[] {
  const byId = new Map<string, TrackedSuggestion>()
  // The block each suggestion's inserted and deleted text was last seen in: moving on to another block
  // within one suggestion is a paragraph boundary, written as a newline.
  const lastBlock = new Map<string, SuggestionJSON>()
  const walk = (node: SuggestionJSON, parent: SuggestionJSON) => {
    for (const mark of node.marks ?? []) {
      if (mark.type !== INSERTION && mark.type !== DELETION) continue
      const a = mark.attrs ?? {}
      const id = String(a.id ?? '')
      let s = byId.get(id)
      if (!s) {
        s = {
          id,
          kind: mark.type === INSERTION ? 'insertion' : 'deletion',
          inserted: '',
          deleted: '',
          breaks: false,
          authorId: typeof a.authorId === 'string' ? a.authorId : null,
          authorName: typeof a.authorName === 'string' ? a.authorName : null,
          at: typeof a.at === 'number' ? a.at : null,
        }
        byId.set(id, s)
      }
      const field = mark.type === INSERTION ? 'inserted' : 'deleted'
      const key = `${field}:${id}`
      const before = lastBlock.get(key)
      if (before && before !== parent) s[field] += '\n'
      lastBlock.set(key, parent)
      const text = node.text ?? ''
      if (text.includes('\u200B')) s.breaks = true
      s[field] += text.replace(ZWSP, '')
      if ((s.kind === 'insertion' && mark.type === DELETION) || (s.kind === 'deletion' && mark.type === INSERTION)) s.kind = 'replacement'
    }
    node.content?.forEach((child) => walk(child, node))
  }
  walk(doc, doc)
  return [...byId.values()]
}

/** True when any suggestion mark (tracked change) is in the document. */
export function hasSuggestionMarks(doc: SuggestionJSON): boolean {
  const walk = (node: SuggestionJSON): boolean => !!node.marks?.some((m) => SUGGESTION_TYPES.has(m.type)) || !!node.content?.some(walk)
  return walk(doc)
}

/**
 * Removes `modification` marks on text. The library only ever puts them on nodes (which our schema does
 * not allow, see client/editor/suggest-changes.ts), and its commands throw on one found on text, which
 * only a hostile client can write: every decision would then fail for everyone.
 */
export function dropTextModifications(tr: Transform): Transform {
  const modification = tr.doc.type.schema.marks[MODIFICATION]
  return modification ? tr.removeMark(0, tr.doc.content.size, modification) : tr
}

/** The document with every open suggestion rejected; the same node when there is none. */
export function rejectAllSuggestions(doc: Node): Node {
  let out = dropTextModifications(new Transform(doc)).doc
  revertSuggestions(EditorState.create({ doc: out }), (tr) => {
    out = tr.doc
  })
  return out
}
