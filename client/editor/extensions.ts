/**
 * The document schema the editor uses: StarterKit (headings, lists, blockquote, links…) with its own
 * undo/redo off, because history belongs to Yjs (undo per person, not per document), plus tables.
 * It matches the list the server renders versions and publications with (domain/editor-extensions.ts).
 */
import type { AnyExtension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import StarterKit from '@tiptap/starter-kit'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { textColorOn } from '../ui/contrast.ts'

export function editorExtensions(opts: { doc: Y.Doc; provider: WebsocketProvider; user: { name: string; color: string } }): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      link: { openOnClick: false, autolink: true, protocols: ['mailto'], HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' } },
    }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    Collaboration.configure({ document: opts.doc, field: 'default' }),
    CollaborationCaret.configure({ provider: opts.provider, user: opts.user, render: renderCaret }),
  ]
}

function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#6b7280'
  const caret = document.createElement('span')
  caret.classList.add('collaboration-carets__caret')
  caret.style.borderColor = color
  const label = document.createElement('div')
  label.classList.add('collaboration-carets__label')
  label.style.backgroundColor = color
  label.style.color = textColorOn(color)
  label.textContent = typeof user.name === 'string' ? user.name : ''
  caret.append(label)
  return caret
}
