/**
 * Who wrote what. Every Yjs item carries the client id that created it, and the collab server records which
 * person used which client id in a document; together they tell, character by character, who wrote the
 * text. Items created after a version's state vector are the changes since that version.
 */
import * as Y from 'yjs'
import { FRAGMENT } from './document-content.ts'

export interface AuthoredSpan {
  text: string
  client: number
  /** Created after the state vector the caller compares against. */
  isNew: boolean
}

/** The document's blocks in reading order, each as spans of text by client id. */
export function authoredBlocks(doc: Y.Doc, since?: Map<number, number>): AuthoredSpan[][] {
  const blocks: AuthoredSpan[][] = []
  const visitText = (text: Y.XmlText, into: AuthoredSpan[]) => {
    for (let item = text._start; item; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue
      const isNew = since ? item.id.clock >= (since.get(item.id.client) ?? 0) : false
      const last = into[into.length - 1]
      if (last && last.client === item.id.client && last.isNew === isNew) last.text += item.content.str
      else into.push({ text: item.content.str, client: item.id.client, isNew })
    }
  }
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    const leaf = !node.toArray().some((c) => c instanceof Y.XmlElement)
    if (leaf && node instanceof Y.XmlElement) {
      const spans: AuthoredSpan[] = []
      for (const child of node.toArray()) if (child instanceof Y.XmlText) visitText(child, spans)
      blocks.push(spans)
      return
    }
    for (const child of node.toArray()) if (child instanceof Y.XmlElement) walk(child)
  }
  walk(doc.getXmlFragment(FRAGMENT))
  return blocks
}
