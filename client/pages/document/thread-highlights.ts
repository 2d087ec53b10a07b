/**
 * Open threads' ranges highlighted in the editor. Thread anchors are Yjs relative positions (they follow
 * the text as people edit); a small ProseMirror plugin turns them back into positions against the live
 * binding at each render and draws inline decorations. Decorations change nothing in the document.
 */
import type { Editor } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import * as Y from 'yjs'

export interface HighlightRange {
  id: string
  start: string
  end: string
}

const key = new PluginKey<HighlightRange[]>('threadHighlights')

function fromBase64(s: string): Uint8Array {
  const bin = atob(s)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

type SyncState = { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Parameters<typeof relativePositionToAbsolutePosition>[3] } | null }

function decorations(state: EditorState): DecorationSet | null {
  const ranges = key.getState(state) ?? []
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined
  if (!ranges.length || !sync?.binding) return null
  const decos: Decoration[] = []
  for (const r of ranges) {
    try {
      const at = (b64: string) => relativePositionToAbsolutePosition(sync.doc, sync.type, Y.decodeRelativePosition(fromBase64(b64)), sync.binding!.mapping)
      const from = at(r.start)
      const to = at(r.end)
      if (from === null || to === null || to <= from || to > state.doc.content.size) continue
      decos.push(Decoration.inline(from, to, { class: 'comment-highlight', 'data-thread-id': r.id }))
    } catch {
      // An anchor this client cannot resolve yet (text not synced) is simply not highlighted.
    }
  }
  return DecorationSet.create(state.doc, decos)
}

const plugin = new Plugin<HighlightRange[]>({
  key,
  state: {
    init: () => [],
    apply: (tr, value) => (tr.getMeta(key) as HighlightRange[] | undefined) ?? value,
  },
  props: { decorations },
})

/** Shows these ranges in the editor (installing the plugin on first use). */
export function showHighlights(editor: Editor, ranges: HighlightRange[]): void {
  if (editor.isDestroyed) return
  if (!key.get(editor.state)) editor.registerPlugin(plugin)
  editor.view.dispatch(editor.state.tr.setMeta(key, ranges).setMeta('addToHistory', false))
}

const FLASH_MS = 1600

/** Scrolls a thread's highlighted text into view and marks it for a moment. */
export function revealInText(threadId: string): void {
  const marks = document.querySelectorAll<HTMLElement>(`.editor-host .comment-highlight[data-thread-id="${CSS.escape(threadId)}"]`)
  if (!marks.length) return
  marks[0]!.scrollIntoView({ block: 'center', behavior: 'smooth' })
  for (const m of marks) m.classList.add('comment-highlight-active')
  setTimeout(() => marks.forEach((m) => m.classList.remove('comment-highlight-active')), FLASH_MS)
}

/** Scrolls the sidebar to the thread whose highlighted text was clicked in the editor. */
export function revealThread(target: EventTarget | null): void {
  const mark = target instanceof Element ? target.closest<HTMLElement>('.editor-host .comment-highlight') : null
  const id = mark?.dataset.threadId
  if (!id) return
  const thread = document.querySelector<HTMLElement>(`.thread[data-thread-id="${CSS.escape(id)}"]`)
  if (!thread) return
  thread.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  thread.classList.add('thread-active')
  setTimeout(() => thread.classList.remove('thread-active'), FLASH_MS)
}
