/**
 * The document schema, as Tiptap extensions: the one list the editor in the browser and the server (version
 * rendering, publication HTML and Markdown) both use, so a published text is exactly what was edited. The
 * editor passes its own rendering of the tracked-change marks (with a tooltip); the schema is the same.
 */
import type { AnyExtension } from '@tiptap/core'
import { TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import StarterKit from '@tiptap/starter-kit'
import { DocumentCode, DocumentCodeBlock, DocumentHeading, DocumentLink, DocumentParagraph, DocumentTable } from './hardened-extensions.ts'
import { suggestionMarks } from './suggestion-extensions.ts'

export function documentExtensions(trackedChangeMarks: AnyExtension[] = suggestionMarks()): AnyExtension[] {
  return [
    // History is Yjs's job (undo per user), so StarterKit's own undo/redo is off. Paragraphs, headings,
    // links and code are replaced by versions that render and export only what is safe
    // (hardened-extensions.ts).
    StarterKit.configure({ undoRedo: false, link: false, code: false, codeBlock: false, paragraph: false, heading: false }),
    DocumentParagraph,
    DocumentHeading,
    DocumentLink,
    DocumentCode,
    DocumentCodeBlock,
    DocumentTable.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    // Tracked changes (suggestion mode): marks with their author, so they survive rendering on the server.
    ...trackedChangeMarks,
  ]
}
