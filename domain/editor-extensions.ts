/**
 * The document schema, as Tiptap extensions: the one list the editor in the browser and the server (version
 * rendering, publication HTML and Markdown) both use, so a published text is exactly what was edited.
 */
import type { AnyExtension } from '@tiptap/core'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import StarterKit from '@tiptap/starter-kit'
import { suggestionMarks } from './suggestion-extensions.ts'

export function documentExtensions(): AnyExtension[] {
  return [
    // History is Yjs's job (undo per user), so StarterKit's own undo/redo is off.
    StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true } }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    // Tracked changes (suggestion mode): marks with their author, so they survive rendering on the server.
    ...suggestionMarks(),
  ]
}
