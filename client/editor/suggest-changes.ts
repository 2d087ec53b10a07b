/**
 * Suggesting mode ("tracked changes") on `@handlewithcare/prosemirror-suggest-changes`, as one Tiptap
 * extension: the library's plugin (its on/off state, its decorations), a `dispatchTransaction` hook that
 * turns a local edit into a suggestion while the mode is on, and commands to accept or reject one
 * suggestion by id or all of them. The suggestion marks themselves are in the shared schema
 * (domain/suggestion-extensions.ts).
 *
 * What the hook adds to the library, each for a failure it has under collaboration:
 * - Remote changes are recognised by the meta of y-tiptap's own `ySyncPluginKey`, not by the string
 *   'y-sync$' the library checks: a PluginKey's string gets a `$1` suffix when another copy of a plugin
 *   with that name exists, and then the library would turn every remote edit into a local suggestion.
 * - Ids are random per suggestion. The library's default is "highest id in the document + 1", so two
 *   people suggesting at the same time both make suggestion 1, and accepting one accepts both.
 * - Marks carry the author (account id, display name) and the time, from the signed-in person. The library
 *   creates marks with an id only, and reuses a neighbouring suggestion's id (also someone else's), or
 *   rewrites a neighbour to its own id; here a neighbour keeps its own mark, and new text joins only the
 *   author's own suggestion.
 * - A change the library cannot express as inline marks is refused, not applied untracked: y-tiptap does
 *   not store node marks, so whole-block deletions, block-type and list changes would reach Yjs (and every
 *   other client) as plain edits or not at all; our schema allows no node marks, so the library throws on
 *   them. After every tracked transaction "reject everything" must still give back the text it had before;
 *   if not (text typed inside inline code, whose mark excludes all others, is one case), the edit is
 *   refused and `onRefused` says so.
 * - Text typed at a suggested deletion goes after it; the library moves it there, which an input method
 *   (pinyin) does not survive, so the caret is moved first (composeWhereTheLibraryInserts).
 * - A `modification` mark on text (only a hostile client writes one) makes the library's commands throw;
 *   deciding drops such marks first.
 */
import { Extension, type Command as TiptapCommand, type Editor } from '@tiptap/core'
import type { Mark, MarkType, Node as PMNode } from '@tiptap/pm/model'
import { Plugin, TextSelection, type Command, type EditorState, type Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import {
  applySuggestion,
  applySuggestions,
  disableSuggestChanges,
  enableSuggestChanges,
  isSuggestChangesEnabled,
  revertSuggestion,
  revertSuggestions,
  selectSuggestion,
  suggestChanges,
  suggestChangesKey,
  transformToSuggestionTransaction,
} from '@handlewithcare/prosemirror-suggest-changes'
import { DELETION, INSERTION } from '../../domain/suggestion-extensions.ts'
import { dropTextModifications, rejectAllSuggestions } from '../../domain/suggestion-marks.ts'

export interface SuggestingUser {
  id: string
  name: string
}

export type RefusedReason = 'unsupported' | 'untracked'

export interface SuggestChangesOptions {
  /** The signed-in person; suggestions made here are theirs. */
  user: SuggestingUser | null
  now: () => number
  /** A suggestion id nobody else will pick (random). */
  newId: () => string
  onRefused: (reason: RefusedReason) => void
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestChanges: {
      setSuggesting: (on: boolean) => ReturnType
      acceptSuggestion: (id: string) => ReturnType
      rejectSuggestion: (id: string) => ReturnType
      acceptAllSuggestions: () => ReturnType
      rejectAllSuggestions: () => ReturnType
      selectSuggestion: (id: string) => ReturnType
    }
  }
}

export function randomSuggestionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9))
  return 's' + Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')
}

export function isSuggesting(editor: Editor): boolean {
  return isSuggestChangesEnabled(editor.state)
}

const isRemote = (tr: Transaction) => !!(tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin
const stamped = (mark: Mark) => typeof mark.attrs.authorId === 'string'

/**
 * Gives every suggestion mark the library made in `tr` an author and a time, restores neighbours it
 * rewrote, and keeps one id to one author. Adds mark steps to `tr` (they change no positions).
 */
export function stampSuggestions(before: PMNode, tr: Transaction, user: SuggestingUser, at: number, newId: () => string): void {
  const types = new Set<MarkType>([tr.doc.type.schema.marks[INSERTION], tr.doc.type.schema.marks[DELETION]])
  const runs: Array<{ from: number; to: number; mark: Mark }> = []
  tr.doc.descendants((node, pos) => {
    if (!node.isInline) return true
    for (const mark of node.marks) if (types.has(mark.type)) runs.push({ from: pos, to: pos + node.nodeSize, mark })
    return false
  })
  const owner = new Map<unknown, Mark['attrs']>()
  for (const r of runs) if (stamped(r.mark) && !owner.has(r.mark.attrs.id)) owner.set(r.mark.attrs.id, r.mark.attrs)
  const back = tr.mapping.invert()
  const renamed = new Map<unknown, string>()
  const mine = (id: unknown) => ({ id, authorId: user.id, authorName: user.name, at })
  for (const r of runs) {
    if (stamped(r.mark)) continue
    const type = r.mark.type
    const was = back.mapResult(r.from, 1)
    const old = was.deleted ? null : before.nodeAt(was.pos)
    const oldMark = old?.isInline ? type.isInSet(old.marks) : undefined
    let attrs: Mark['attrs']
    if (oldMark && stamped(oldMark)) {
      attrs = oldMark.attrs
    } else {
      const id = r.mark.attrs.id
      const held = owner.get(id)
      if (held && held.authorId === user.id) attrs = held
      else if (held) {
        const fresh = renamed.get(id) ?? newId()
        renamed.set(id, fresh)
        attrs = owner.get(fresh) ?? mine(fresh)
        owner.set(fresh, attrs)
      } else {
        attrs = mine(id)
        owner.set(id, attrs)
      }
    }
    tr.addMark(r.from, r.to, type.create(attrs))
  }
}

const rejectedCache = new WeakMap<PMNode, PMNode>()
/** The document with every suggestion rejected: the text as it stands without them. */
export function withoutSuggestions(doc: PMNode): PMNode {
  const cached = rejectedCache.get(doc)
  if (cached) return cached
  const out = rejectAllSuggestions(doc)
  rejectedCache.set(doc, out)
  return out
}

/** The suggesting version of `tr`, or why it cannot be one. */
export function toSuggestion(state: EditorState, tr: Transaction, o: Pick<SuggestChangesOptions, 'now' | 'newId'> & { user: SuggestingUser }): { tr: Transaction } | { refused: RefusedReason } {
  let tracked: Transaction
  try {
    tracked = transformToSuggestionTransaction(tr, state, () => o.newId())
  } catch {
    return { refused: 'unsupported' }
  }
  stampSuggestions(state.doc, tracked, o.user, o.now(), o.newId)
  if (!withoutSuggestions(tracked.doc).eq(withoutSuggestions(state.doc))) return { refused: 'untracked' }
  return { tr: tracked }
}

/**
 * Where the library puts text typed at the cursor: not inside a suggested deletion but after it. It moves
 * the text itself, which typing survives but an input method does not: its first composed letters stay
 * where the composition began ("s数据" for 数据 typed right after deleting a word). Found by letting the
 * library place one probe character; null when it would not take one.
 */
export function insertionPoint(state: EditorState): number | null {
  try {
    const tracked = transformToSuggestionTransaction(state.tr.insertText('x'), state, () => 'probe')
    return state.doc.content.findDiffStart(tracked.doc.content)
  } catch {
    return null
  }
}

/**
 * An input method composes where the selection is when it starts; moving the selection once the
 * composition has begun garbles it. Browsers announce input-method keys with a keydown whose key is
 * "Process" (keyCode 229) before composing, so in suggesting mode the selection is made a suggested
 * deletion (when text is selected) and moved to where the library will insert, at that moment.
 */
function composeWhereTheLibraryInserts(): Plugin {
  return new Plugin({
    props: {
      handleKeyDown(view, event) {
        if ((event.key !== 'Process' && event.keyCode !== 229) || view.composing || !isSuggestChangesEnabled(view.state)) return false
        if (!view.state.selection.empty) view.dispatch(view.state.tr.deleteSelection())
        const at = insertionPoint(view.state)
        if (at !== null && at !== view.state.selection.from) view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)))
        return false
      },
    },
  })
}

/**
 * A library command accepting or rejecting suggestions, as a Tiptap command: its transaction is marked as
 * a decision, so the hook passes it on unchanged even in suggesting mode, and stray modification marks
 * (which would make the library throw) are dropped first, in the same transaction.
 */
function decision(command: Command): TiptapCommand {
  return ({ state, tr, dispatch }) => {
    dropTextModifications(tr)
    // Tiptap's `state` reads the shared `tr`, so the library sees the document as it now is.
    return command(state, dispatch && ((t) => dispatch(t.setMeta('suggestionDecision', true))))
  }
}

export const SuggestChanges = Extension.create<SuggestChangesOptions>({
  name: 'suggestChanges',

  addOptions() {
    return { user: null, now: () => Date.now(), newId: randomSuggestionId, onRefused: () => {} }
  },

  addProseMirrorPlugins() {
    return [suggestChanges(), composeWhereTheLibraryInserts()]
  },

  dispatchTransaction({ transaction, next }) {
    const { user } = this.options
    const state = this.editor.state
    const pass =
      !transaction.docChanged ||
      !isSuggestChangesEnabled(state) ||
      isRemote(transaction) ||
      transaction.getMeta('suggestionDecision') === true ||
      // The library's own marker for its commands' transactions; y-tiptap undo/redo arrives as remote.
      'skip' in ((transaction.getMeta(suggestChangesKey) as object | undefined) ?? {})
    if (pass) return next(transaction)
    if (!user) return this.options.onRefused('unsupported')
    const result = toSuggestion(state, transaction, { user, now: this.options.now, newId: this.options.newId })
    if ('refused' in result) return this.options.onRefused(result.refused)
    next(result.tr)
  },

  addCommands() {
    return {
      setSuggesting:
        (on) =>
        ({ state, dispatch }) =>
          (on ? enableSuggestChanges : disableSuggestChanges)(state, dispatch && ((tr) => dispatch(tr))),
      acceptSuggestion: (id) => decision(applySuggestion(id)),
      rejectSuggestion: (id) => decision(revertSuggestion(id)),
      acceptAllSuggestions: () => decision(applySuggestions),
      rejectAllSuggestions: () => decision(revertSuggestions),
      selectSuggestion:
        (id) =>
        ({ state, dispatch }) =>
          selectSuggestion(id)(state, dispatch && ((tr) => dispatch(tr))),
    }
  },
})
