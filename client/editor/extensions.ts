/**
 * The editor's extensions: the document schema the server renders versions and publications with
 * (domain/editor-extensions.ts), the same list, with the tracked-change marks also saying who suggested
 * what and when on hover; plus suggesting mode (suggest-changes.ts), Yjs collaboration and carets.
 */
import { mergeAttributes, type AnyExtension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { documentExtensions } from '../../domain/editor-extensions.ts'
import { SuggestionDeletion, SuggestionInsertion, SuggestionModification } from '../../domain/suggestion-extensions.ts'
import { textColorOn } from '../ui/contrast.ts'
import { SuggestChanges, type RefusedReason, type SuggestingUser } from './suggest-changes.ts'

/** "Suggested insertion by Lin Wei, 3 Mar 2026, 14:02" for a mark's attributes. */
export type DescribeSuggestion = (kind: 'insertion' | 'deletion', attrs: Record<string, unknown>) => string

/**
 * The shared mark with a tooltip naming the author and the time. Only its rendering changes: an extra
 * attribute would be stored in Yjs with every mark and be unknown to the server's schema.
 */
function described(mark: typeof SuggestionInsertion, kind: 'insertion' | 'deletion', describe: DescribeSuggestion) {
  return mark.extend({
    renderHTML({ mark: m, HTMLAttributes }) {
      const tag = kind === 'insertion' ? 'ins' : 'del'
      return [tag, mergeAttributes({ class: `suggestion suggestion-${kind}`, title: describe(kind, m.attrs) }, HTMLAttributes), 0]
    },
  })
}

export interface EditorExtensionOptions {
  doc: Y.Doc
  provider: WebsocketProvider
  user: { name: string; color: string }
  /** The signed-in person, whose suggestions these are (null: cannot suggest). */
  suggester: SuggestingUser | null
  describeSuggestion: DescribeSuggestion
  onSuggestionRefused: (reason: RefusedReason) => void
}

export function editorExtensions(opts: EditorExtensionOptions): AnyExtension[] {
  return [
    ...documentExtensions([
      described(SuggestionInsertion, 'insertion', opts.describeSuggestion),
      described(SuggestionDeletion, 'deletion', opts.describeSuggestion),
      SuggestionModification,
    ]),
    SuggestChanges.configure({ user: opts.suggester, onRefused: opts.onSuggestionRefused }),
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
