/**
 * Who suggested the text at the caret, and when: the keyboard's way to the tooltip a mouse gets by
 * hovering a suggestion. Announced politely as the caret moves into a suggestion.
 */
import type { Editor } from '@tiptap/core'
import type { Accessor } from 'solid-js'
import { DELETION, INSERTION } from '../../domain/suggestion-extensions.ts'
import type { DescribeSuggestion } from './extensions.ts'

export function suggestionAtCaret(editor: Editor, describe: DescribeSuggestion): string {
  const { $from } = editor.state.selection
  for (const node of [$from.nodeAfter, $from.nodeBefore]) {
    const mark = node?.marks.find((m) => m.type.name === INSERTION || m.type.name === DELETION)
    if (mark) return describe(mark.type.name === INSERTION ? 'insertion' : 'deletion', mark.attrs)
  }
  return ''
}

export function SuggestionAtCaret(props: { editor: Editor; tick: Accessor<number>; describe: DescribeSuggestion }) {
  const text = () => {
    props.tick()
    return suggestionAtCaret(props.editor, props.describe)
  }
  return (
    <p class="suggestion-at-caret" classList={{ 'suggestion-at-caret-empty': !text() }} aria-live="polite">
      {text()}
    </p>
  )
}
