/**
 * Comment anchors from the editor's selection: the two ends as Yjs relative positions (they follow the
 * text as others edit), encoded and base64'd for the API, which re-derives and places the anchor itself.
 * The editor is found through the element Tiptap renders (Tiptap keeps its instance on `dom.editor`), so
 * the review sidebar needs nothing from the editor component.
 */
import type { Editor } from '@tiptap/core'
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import * as Y from 'yjs'

export function findEditor(root: ParentNode = document): Editor | null {
  const el = root.querySelector('.editor-host .ProseMirror') as (HTMLElement & { editor?: Editor }) | null
  return el?.editor ?? null
}

export function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s)
}

export interface SelectionAnchor {
  start: string
  end: string
  quote: string
}

export function selectionAnchor(editor: Editor): SelectionAnchor | null {
  const { state } = editor.view
  const { from, to, empty } = state.selection
  if (empty) return null
  const sync = ySyncPluginKey.getState(state) as { type: Y.XmlFragment; binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] } | null } | undefined
  if (!sync?.binding) return null
  const { type, binding } = sync
  const start = absolutePositionToRelativePosition(from, type, binding.mapping) as Y.RelativePosition
  const end = absolutePositionToRelativePosition(to, type, binding.mapping) as Y.RelativePosition
  return { start: toBase64(Y.encodeRelativePosition(start)), end: toBase64(Y.encodeRelativePosition(end)), quote: state.doc.textBetween(from, to, ' ') }
}
