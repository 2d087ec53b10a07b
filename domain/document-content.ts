/**
 * From a Yjs state to what people read: the ProseMirror JSON of the `default` XmlFragment (Tiptap's
 * Collaboration field), HTML and Markdown rendered with the editor's own schema, plain text for search, and
 * the reverse (a ProseMirror JSON into a Y.Doc) for restoring a version as a forward edit.
 */
import { getSchema } from '@tiptap/core'
import type { Mark, MarkType } from '@tiptap/pm/model'
import { MarkdownManager } from '@tiptap/markdown'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { narrowMarkAttrs, narrowNodeAttrs, withoutXmlInvalid } from './content-rules.ts'
import { documentExtensions } from './editor-extensions.ts'
import { withCodeFences } from './markdown-syntax.ts'
import { DELETION, INSERTION, MODIFICATION } from './suggestion-extensions.ts'
import { hasSuggestionMarks, rejectAllSuggestions } from './suggestion-marks.ts'

export const FRAGMENT = 'default'

export interface PMNode {
  type: string
  attrs?: Record<string, unknown>
  content?: PMNode[]
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>
  text?: string
}

let cached: { extensions: ReturnType<typeof documentExtensions>; schema: ReturnType<typeof getSchema>; markdown: MarkdownManager } | null = null
function editorSchema() {
  if (!cached) {
    const extensions = documentExtensions()
    cached = { extensions, schema: getSchema(extensions), markdown: new MarkdownManager({ extensions }) }
  }
  return cached
}

export function docFromUpdate(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc({ gc: false })
  Y.applyUpdate(doc, update)
  return doc
}

export function toProsemirrorJSON(doc: Y.Doc): PMNode {
  const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(FRAGMENT)) as PMNode
  return conformToSchema(json.content?.length ? json : { type: 'doc', content: [{ type: 'paragraph' }] })
}

/**
 * A Yjs document is whatever its clients wrote: a hostile client can put elements and marks in it that the
 * schema does not know. Those are dropped (their text kept as text) so rendering never fails on them. What
 * the schema knows is narrowed to what the hub writes itself (content-rules.ts): characters XML refuses
 * leave the text (a DOCX holding one does not open), a mark keeps only the attributes it declares, a link
 * only a safe address (else it goes and its words stay), and a node only the attributes its type declares,
 * each in range (a code block's language a plain name, a list's start and a heading's level numbers).
 */
export function conformToSchema(json: PMNode): PMNode {
  const { schema } = editorSchema()
  const clean = (node: PMNode): PMNode[] => {
    if (node.type === 'text') {
      const text = typeof node.text === 'string' ? withoutXmlInvalid(node.text) : ''
      if (text === '') return []
      const marks = compatibleMarks(node.marks ?? [])
      return [{ type: 'text', text, ...(marks.length ? { marks } : {}) }]
    }
    const children = (node.content ?? []).flatMap(clean)
    const type = schema.nodes[node.type]
    if (!type) return children
    const attrs = node.attrs && narrowNodeAttrs(node.type, node.attrs, Object.keys(type.spec.attrs ?? {}))
    return [{ ...node, ...(attrs && { attrs }), content: children.length ? (type.inlineContent ? children : wrapLooseText(children)) : undefined }]
  }
  // Text left where blocks belong (from a dropped element) goes into paragraphs.
  const wrapLooseText = (nodes: PMNode[]): PMNode[] => {
    const out: PMNode[] = []
    for (const n of nodes) {
      const last = out[out.length - 1]
      if (n.type !== 'text') out.push(n)
      else if (last?.type === 'paragraph' && last.content?.every((c) => c.type === 'text')) last.content.push(n)
      else out.push({ type: 'paragraph', content: [n] })
    }
    return out
  }
  // Marks the schema knows, as a set it accepts: of two that exclude each other (a suggested insertion
  // and deletion on one text, say) the later wins, as when an editor applies them in turn.
  type PMMark = NonNullable<PMNode['marks']>[number]
  const permitted = (type: MarkType, m: PMMark): PMMark | null => {
    const attrs = narrowMarkAttrs(m.type, m.attrs, Object.keys(type.spec.attrs ?? {}))
    return attrs === null ? null : { type: m.type, ...(attrs && { attrs }) }
  }
  const compatibleMarks = (marks: PMMark[]) => {
    let set: readonly Mark[] = []
    const source = new Map<Mark, PMMark>()
    for (const sent of marks) {
      const type = schema.marks[sent.type]
      const m = type && permitted(type, sent)
      if (!m) continue
      try {
        const mark = type.create(m.attrs ?? null)
        set = mark.addToSet(set)
        source.set(mark, m)
      } catch {
        // Attributes the mark cannot take: the mark goes, the text stays.
      }
    }
    return set.map((mark) => source.get(mark)!)
  }
  const [doc] = clean(json)
  try {
    schema.nodeFromJSON(doc).check()
    return doc
  } catch {
    // Structure still invalid (say, text directly in a list): keep the words, one paragraph per block.
    const blocks = toBlocks(json).filter((b) => b.length > 0)
    const paragraphs = blocks.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
    return { type: 'doc', content: paragraphs.length ? paragraphs : [{ type: 'paragraph' }] }
  }
}

/**
 * The text as it is published: every open suggestion (tracked change) dropped, as if an editor rejected
 * them all: suggested insertions removed with their text, suggested deletions unmarked with their text
 * kept. A consensus call cannot open while any is open, so an agreed text has none; this makes sure. The
 * zero-width spaces the suggestion library puts in deleted text to mark a paragraph boundary go too.
 */
export function stripSuggestions(json: PMNode): PMNode {
  if (!hasSuggestionMarks(json)) return json
  const isSuggestion = (m: { type: string }) => m.type === INSERTION || m.type === DELETION || m.type === MODIFICATION
  const dropBoundaryMarkers = (node: PMNode): PMNode[] => {
    if (node.type === 'text') {
      const deleted = node.marks?.some((m) => m.type === DELETION)
      const text = deleted ? (node.text ?? '').replace(/\u200B/g, '') : node.text
      return text ? [{ ...node, text }] : []
    }
    return [{ ...node, ...(node.content && { content: node.content.flatMap(dropBoundaryMarkers) }) }]
  }
  const unmark = (node: PMNode): PMNode => ({
    ...node,
    ...(node.marks && { marks: node.marks.filter((m) => !isSuggestion(m)) }),
    ...(node.content && { content: node.content.map(unmark) }),
  })
  const { schema } = editorSchema()
  const [prepared] = dropBoundaryMarkers(conformToSchema(json))
  const rejected = rejectAllSuggestions(schema.nodeFromJSON(prepared)).toJSON() as PMNode
  // Whatever the library left (a mark of a kind it does not revert, from a hostile client) goes as well.
  return conformToSchema(unmark(rejected))
}

/**
 * Async because `@tiptap/html` is loaded on first use: on the server it brings a whole DOM (happy-dom,
 * ~9 MB of heap) that only publishing and version views need, and that every major GC of a long-running
 * hub would otherwise mark again (a fifth of the hub's heap).
 */
export async function toHTML(json: PMNode): Promise<string> {
  const { generateHTML } = await import('@tiptap/html')
  return generateHTML(json, editorSchema().extensions)
}

export function toMarkdown(json: PMNode): string {
  return editorSchema().markdown.serialize(withCodeFences(json))
}

/** Text of each block (paragraph, heading, list item paragraph, table cell), in document order. */
export function toBlocks(json: PMNode): string[] {
  const blocks: string[] = []
  const walk = (node: PMNode) => {
    if (node.type === 'text') return
    const inline = node.content?.every((c) => c.type === 'text' || c.type === 'hardBreak')
    if (inline || !node.content) {
      if (node.type !== 'doc') blocks.push((node.content ?? []).map((c) => c.text ?? '\n').join(''))
      return
    }
    node.content.forEach(walk)
  }
  walk(json)
  return blocks
}

export function toPlainText(json: PMNode): string {
  return toBlocks(json).join('\n')
}

/**
 * Replaces the document's content with `json` inside `doc`, as an ordinary Yjs change: other clients
 * receive it as a forward edit and the history before it stays intact.
 */
export function replaceContent(doc: Y.Doc, json: PMNode): void {
  const fragment = doc.getXmlFragment(FRAGMENT)
  doc.transact(() => {
    fragment.delete(0, fragment.length)
    const scratch = new Y.Doc()
    const source = prosemirrorJSONToYXmlFragment(editorSchema().schema, json, scratch.getXmlFragment(FRAGMENT))
    fragment.insert(0, source.toArray().map((n) => (n as Y.XmlElement | Y.XmlText).clone()))
  })
}
