/**
 * Tracked changes (suggesting mode) in the review sidebar, in document order, read from the live editor:
 * who suggested what and when, "show in the text", and for editors accept or reject each one or all.
 * Deciding is an ordinary edit of the shared document (through the collab server, like typing), so every
 * client and the stored text agree; read-only readers see the list without the buttons.
 */
import type { Editor } from '@tiptap/core'
import { createEffect, createSignal, For, onCleanup, Show } from 'solid-js'
import { trackedSuggestions, type TrackedSuggestion } from '../../../domain/suggestion-marks.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatDateTime } from '../../i18n/locale.ts'
import { notify } from '../../ui/toasts.tsx'
import { useWorkflowT } from './workflow-i18n.ts'

/** A suggestion's text as shown: a paragraph boundary inside it as a pilcrow. */
const shown = (text: string) => text.replace(/\n/g, ' ¶ ')

export function TrackedChanges(props: { editor: Editor | undefined; canDecide: boolean }) {
  const w = useWorkflowT()
  const { locale } = useI18n()
  const [list, setList] = createSignal<TrackedSuggestion[]>([])
  const [error, setError] = createSignal<string | null>(null)

  createEffect(() => {
    const editor = props.editor
    if (!editor) return
    let frame = 0
    const read = () => {
      frame = 0
      if (!editor.isDestroyed) setList(trackedSuggestions(editor.getJSON()))
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read)
    }
    read()
    editor.on('update', schedule)
    onCleanup(() => {
      editor.off('update', schedule)
      if (frame) cancelAnimationFrame(frame)
    })
  })

  const decide = (s: TrackedSuggestion, accept: boolean) => {
    const editor = props.editor
    if (!editor) return
    setError(null)
    const done = accept ? editor.commands.acceptSuggestion(s.id) : editor.commands.rejectSuggestion(s.id)
    if (done) notify.success(w(accept ? 'tracked.accepted' : 'tracked.rejected'))
    else setError(w('tracked.gone'))
  }
  const decideAll = (accept: boolean) => {
    const editor = props.editor
    if (!editor) return
    setError(null)
    if (accept) editor.commands.acceptAllSuggestions()
    else editor.commands.rejectAllSuggestions()
    notify.success(w(accept ? 'tracked.allAccepted' : 'tracked.allRejected'))
  }
  const show = (s: TrackedSuggestion) => {
    const editor = props.editor
    if (!editor) return
    editor.chain().focus().selectSuggestion(s.id).scrollIntoView().run()
  }

  return (
    <Show when={list().length > 0}>
      <section class="tracked-changes" aria-labelledby="tracked-title">
        <h3 id="tracked-title" class="tracked-title">
          {w('tracked.title')} <span class="badge">{list().length}</span>
        </h3>
        <p class="field-hint">{w('tracked.lead')}</p>
        <Show when={props.canDecide && list().length > 1}>
          <div class="btn-row">
            <button type="button" class="btn btn-sm" onClick={() => decideAll(true)}>
              {w('tracked.acceptAll')}
            </button>
            <button type="button" class="btn btn-sm" onClick={() => decideAll(false)}>
              {w('tracked.rejectAll')}
            </button>
          </div>
        </Show>
        <Show when={error()}>
          <p class="field-error" role="alert">
            {error()}
          </p>
        </Show>
        <ol class="thread-list tracked-list">
          <For each={list()}>
            {(s) => (
              <li class="thread thread-tracked" data-suggestion-id={s.id}>
                <header class="thread-head">
                  <strong>{s.authorName ?? w('tracked.unknownAuthor')}</strong>
                  <Show when={s.at !== null}>
                    <time class="muted" dateTime={new Date(s.at!).toISOString()}>
                      {formatDateTime(new Date(s.at!).toISOString(), locale())}
                    </time>
                  </Show>
                  <span class="badge badge-accent">{w(`tracked.${s.kind}`)}</span>
                </header>
                <p class="suggestion-change">
                  <Show when={s.deleted.trim()}>
                    <del>{shown(s.deleted)}</del>
                  </Show>
                  <Show when={s.deleted.trim() && s.inserted.trim()}> → </Show>
                  <Show when={s.inserted.trim()}>
                    <ins>{shown(s.inserted)}</ins>
                  </Show>
                  <Show when={s.breaks}>
                    <span class="muted"> ({w('tracked.paragraphBreak')})</span>
                  </Show>
                </p>
                <div class="btn-row thread-actions">
                  <button type="button" class="btn btn-sm btn-ghost" onClick={() => show(s)}>
                    {w('tracked.showInText')}
                  </button>
                  <Show when={props.canDecide}>
                    <button type="button" class="btn btn-sm btn-primary" onClick={() => decide(s, true)}>
                      {w('comments.accept')}
                    </button>
                    <button type="button" class="btn btn-sm" onClick={() => decide(s, false)}>
                      {w('comments.reject')}
                    </button>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ol>
      </section>
    </Show>
  )
}
