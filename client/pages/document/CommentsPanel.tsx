/**
 * The review sidebar: tracked changes made in suggesting mode (TrackedChanges.tsx), then open threads in
 * document order, detached ones marked, resolved and decided ones collapsed below; a new comment or
 * suggestion on the editor's selection (readers without edit rights comment too: the server places the
 * anchor, and a suggestion is a thread carrying its replacement); accept or reject every suggestion at once.
 */
import type { Editor } from '@tiptap/core'
import { createEffect, createMemo, createResource, createSignal, For, onCleanup, Show } from 'solid-js'
import { api, call } from '../../http/client.ts'
import type { DocumentDetail } from '../../http/types.ts'
import { ErrorNotice, FormError, Loading } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'
import { notify } from '../../ui/toasts.tsx'
import { findEditor, selectionAnchor, type SelectionAnchor } from './anchor.ts'
import { MentionInput } from './MentionInput.tsx'
import { revealThread, showHighlights } from './thread-highlights.ts'
import { ThreadItem } from './ThreadItem.tsx'
import { TrackedChanges } from './TrackedChanges.tsx'
import { useWorkflowT } from './workflow-i18n.ts'

const REFRESH_MS = 20_000

export function CommentsPanel(props: { data: DocumentDetail; editor: Editor | undefined }) {
  const w = useWorkflowT()
  const id = () => props.data.document.id
  const [threads, { refetch }] = createResource(
    () => ({ id: id(), state: props.data.document.state }),
    (q) => call(api.documents[':id'].comments.$get({ param: { id: q.id } })),
  )
  const [body] = createResource(
    () => props.data.body.slug,
    (slug) => call(api.bodies[':slug'].$get({ param: { slug } })).catch(() => null),
  )
  const members = () => body.latest?.members ?? []
  const timer = setInterval(() => void refetch(), REFRESH_MS)
  onCleanup(() => clearInterval(timer))
  const open = createMemo(() => (threads.latest?.threads ?? []).filter((th) => th.status === 'open'))
  const closed = createMemo(() => (threads.latest?.threads ?? []).filter((th) => th.status !== 'open'))
  // Open threads' text is highlighted in the editor (the editor may mount a moment after the list loads).
  createEffect(() => {
    const ranges = open()
      .filter((th) => !th.anchor.detached && th.anchor.start && th.anchor.end)
      .map((th) => ({ id: th.id, start: th.anchor.start, end: th.anchor.end }))
    const apply = () => {
      const editor = findEditor()
      if (editor) showHighlights(editor, ranges)
      return !!editor
    }
    if (!apply()) {
      const retry = setTimeout(apply, 1000)
      onCleanup(() => clearTimeout(retry))
    }
  })
  const onEditorClick = (e: MouseEvent) => revealThread(e.target)
  document.addEventListener('click', onEditorClick)
  onCleanup(() => document.removeEventListener('click', onEditorClick))
  const openSuggestions = () => open().filter((th) => th.kind === 'suggestion' && th.viewer.canAccept).length

  const [draft, setDraft] = createSignal<{ kind: 'comment' | 'suggestion'; anchor: SelectionAnchor } | null>(null)
  const [text, setText] = createSignal('')
  const [proposal, setProposal] = createSignal('')
  const [error, setError] = createSignal<unknown>(null)
  const [hint, setHint] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  const textOpen = () => props.data.document.state === 'draft' || props.data.document.state === 'consultation'
  // A proposal thread is how someone without edit rights suggests (domain/comment-rules.ts allows every
  // reader); editors also have suggesting mode, and only they decide tracked changes.
  const canSuggest = textOpen
  const canDecide = () => props.data.viewer.access === 'write' && textOpen()
  const commentsClosed = () => props.data.document.state === 'published' || props.data.document.state === 'withdrawn'

  function start(kind: 'comment' | 'suggestion') {
    const editor = findEditor()
    const anchor = editor ? selectionAnchor(editor) : null
    if (!anchor) {
      setHint(w('comments.selectFirst'))
      return
    }
    setHint(null)
    setError(null)
    setText('')
    setProposal(kind === 'suggestion' ? anchor.quote : '')
    setDraft({ kind, anchor })
  }

  async function post(e: Event) {
    e.preventDefault()
    const d = draft()
    if (!d) return
    if (d.kind === 'comment' && !text().trim()) return
    setBusy(true)
    setError(null)
    try {
      await call(
        api.documents[':id'].comments.$post({
          param: { id: id() },
          json: { anchor: { start: d.anchor.start, end: d.anchor.end }, body: text().trim(), kind: d.kind, ...(d.kind === 'suggestion' && { proposal: proposal() }) },
        }),
      )
      setDraft(null)
      notify.success(w('comments.posted'))
      void refetch()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const [allError, setAllError] = createSignal<unknown>(null)
  const [allBusy, setAllBusy] = createSignal(false)
  async function decideAll(decision: 'accept-all' | 'reject-all') {
    setAllBusy(true)
    setAllError(null)
    try {
      const res = await call(api.documents[':id'].suggestions[':decision'].$post({ param: { id: id(), decision } }))
      notify.success(w('comments.allDone', res))
      void refetch()
    } catch (err) {
      setAllError(err)
    } finally {
      setAllBusy(false)
    }
  }

  return (
    <section class="workflow-panel comments-panel" aria-labelledby="comments-title">
      <h2 id="comments-title" class="workflow-title">
        {w('comments.title')}
      </h2>
      <Show when={!commentsClosed()}>
        <div class="btn-row">
          <button type="button" class="btn btn-sm" onMouseDown={(e) => e.preventDefault()} onClick={() => start('comment')}>
            {w('comments.add')}
          </button>
          <Show when={canSuggest()}>
            <button type="button" class="btn btn-sm" onMouseDown={(e) => e.preventDefault()} onClick={() => start('suggestion')}>
              {w('comments.suggest')}
            </button>
          </Show>
        </div>
        <Show when={hint()}>
          <p class="field-hint" role="status">
            {hint()}
          </p>
        </Show>
      </Show>
      <TrackedChanges editor={props.editor} canDecide={canDecide()} />
      <Show when={draft()}>
        {(d) => (
          <form class="form comment-form" onSubmit={post}>
            <blockquote class="thread-quote">{d().anchor.quote}</blockquote>
            <Show when={d().kind === 'suggestion'}>
              <TextField label={w('comments.proposal')} value={proposal()} onInput={setProposal} multiline rows={2} maxLength={10_000} autofocus />
            </Show>
            <MentionInput label={w('comments.body')} value={text()} onInput={setText} members={members()} hint={w('comments.mentionHint')} autofocus={d().kind === 'comment'} listLabel={w('comments.mentions')} />
            <FormError error={error()} />
            <div class="btn-row">
              <button type="button" class="btn btn-sm" onClick={() => setDraft(null)}>
                {w('state.cancel')}
              </button>
              <button type="submit" class="btn btn-sm btn-primary" disabled={busy() || (d().kind === 'comment' && !text().trim())}>
                {w('comments.post')}
              </button>
            </div>
          </form>
        )}
      </Show>
      <Show when={openSuggestions() > 1}>
        <div class="btn-row">
          <button type="button" class="btn btn-sm" disabled={allBusy()} onClick={() => void decideAll('accept-all')}>
            {w('comments.acceptAll')}
          </button>
          <button type="button" class="btn btn-sm" disabled={allBusy()} onClick={() => void decideAll('reject-all')}>
            {w('comments.rejectAll')}
          </button>
        </div>
      </Show>
      <FormError error={allError()} />
      <Show when={!threads.error} fallback={<ErrorNotice error={threads.error} onRetry={refetch} />}>
        <Show when={threads.latest} fallback={<Loading inline />}>
          <Show when={open().length > 0 || closed().length > 0} fallback={<p class="empty">{w('comments.empty')}</p>}>
            <div class="thread-list">
              <For each={open()}>{(th) => <ThreadItem thread={th} members={members()} onChanged={() => void refetch()} />}</For>
            </div>
            <Show when={closed().length > 0}>
              <details class="closed-threads">
                <summary>{w('comments.showResolved', { count: closed().length })}</summary>
                <div class="thread-list">
                  <For each={closed()}>{(th) => <ThreadItem thread={th} members={members()} onChanged={() => void refetch()} />}</For>
                </div>
              </details>
            </Show>
          </Show>
        </Show>
      </Show>
    </section>
  )
}
