/** A comment's text with its `@[Name](id)` mentions as chips. Text nodes only: never HTML. */
import { For } from 'solid-js'
import { parseMentions } from './mentions.ts'

export function MentionText(props: { text: string }) {
  return (
    <p class="comment-text">
      <For each={parseMentions(props.text)}>
        {(part) =>
          part.type === 'text' ? (
            part.text
          ) : (
            <span class="mention-chip" data-user-id={part.userId}>
              @{part.name}
            </span>
          )
        }
      </For>
    </p>
  )
}
