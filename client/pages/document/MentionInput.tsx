/**
 * A comment box that offers the body's members after `@` and inserts `@[Display Name](userId)`.
 * Arrow keys move through the offers, Enter or Tab picks, Escape closes them.
 */
import { createSignal, createUniqueId, For, Show } from 'solid-js'
import { activeMentionQuery, insertMention } from './mentions.ts'

export interface Mentionable {
  userId: string
  displayName: string
}

export function MentionInput(props: { label: string; value: string; onInput: (v: string) => void; members: readonly Mentionable[]; hint?: string; rows?: number; autofocus?: boolean; listLabel: string }) {
  const id = createUniqueId()
  let area!: HTMLTextAreaElement
  const [query, setQuery] = createSignal<{ start: number; query: string } | null>(null)
  const [active, setActive] = createSignal(0)
  const offers = () => {
    const q = query()
    if (!q) return []
    const needle = q.query.toLowerCase()
    return props.members.filter((m) => m.displayName.toLowerCase().includes(needle)).slice(0, 6)
  }
  const open = () => offers().length > 0

  function update() {
    setQuery(activeMentionQuery(area.value, area.selectionStart ?? area.value.length))
    setActive(0)
  }
  function pick(m: Mentionable) {
    const q = query()
    if (!q) return
    const next = insertMention(area.value, q.start, area.selectionStart ?? area.value.length, m.displayName, m.userId)
    props.onInput(next.text)
    area.value = next.text
    area.setSelectionRange(next.caret, next.caret)
    setQuery(null)
    area.focus()
  }
  function onKeyDown(e: KeyboardEvent) {
    if (!open()) return
    if (e.key === 'ArrowDown') setActive((i) => (i + 1) % offers().length)
    else if (e.key === 'ArrowUp') setActive((i) => (i - 1 + offers().length) % offers().length)
    else if (e.key === 'Enter' || e.key === 'Tab') pick(offers()[active()]!)
    else if (e.key === 'Escape') setQuery(null)
    else return
    e.preventDefault()
    e.stopPropagation()
  }

  return (
    <div class="field mention-field">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        ref={area}
        rows={props.rows ?? 3}
        value={props.value}
        maxLength={10_000}
        autofocus={props.autofocus}
        role="combobox"
        aria-expanded={open()}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open() ? `${id}-opt-${active()}` : undefined}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onInput={(e) => {
          props.onInput(e.currentTarget.value)
          update()
        }}
        onClick={update}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      <Show when={props.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <ul id={`${id}-list`} class="mention-list" role="listbox" aria-label={props.listLabel} hidden={!open()}>
        <For each={offers()}>
          {(m, i) => (
            <li id={`${id}-opt-${i()}`} role="option" aria-selected={i() === active()} class="mention-option" classList={{ active: i() === active() }} onMouseDown={(e) => (e.preventDefault(), pick(m))}>
              {m.displayName}
            </li>
          )}
        </For>
      </ul>
    </div>
  )
}
