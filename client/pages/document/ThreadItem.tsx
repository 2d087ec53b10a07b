/** One comment thread or suggestion: quote, body, replies, and the actions the server says the viewer may take. */
import { createSignal, For, Show } from 'solid-js'
import { api, call } from '../../http/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatDateTime } from '../../i18n/locale.ts'
import { FormError } from '../../ui/feedback.tsx'
import { MentionInput, type Mentionable } from './MentionInput.tsx'
import { MentionText } from './MentionText.tsx'
import { revealInText } from './thread-highlights.ts'
import type { Thread } from './workflow-types.ts'
import { useWorkflowT } from './workflow-i18n.ts'

export function ThreadItem(props: { thread: Thread; members: readonly Mentionable[]; onChanged: () => void }) {
  const w = useWorkflowT()
  const { locale } = useI18n()
  const th = () => props.thread
  const [reply, setReply] = createSignal('')
  const [replying, setReplying] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  // A refusal (the text is frozen, someone decided it first) is shown in this thread, under its buttons.
  const [error, setError] = createSignal<unknown>(null)

  async function run(request: () => Promise<unknown>) {
    setBusy(true)
    setError(null)
    try {
      await request()
      props.onChanged()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const param = () => ({ param: { id: th().id } })
  const act = (action: 'resolve' | 'reopen' | 'accept' | 'reject') => run(() => call(api.comments[':id'][action].$post(param())))
  const remove = () => run(() => call(api.comments[':id'].$delete(param())))
  const sendReply = (e: Event) => {
    e.preventDefault()
    if (!reply().trim()) return
    void run(async () => {
      await call(api.comments[':id'].replies.$post({ ...param(), json: { body: reply().trim() } }))
      setReply('')
      setReplying(false)
    })
  }
  const statusLabel = () => (th().status === 'resolved' ? w('comments.resolved') : th().status === 'accepted' ? w('comments.accepted') : th().status === 'rejected' ? w('comments.rejected') : null)

  return (
    <article class="thread" classList={{ 'thread-detached': th().anchor.detached, 'thread-closed': th().status !== 'open', 'thread-suggestion': th().kind === 'suggestion' }} data-thread-id={th().id}>
      <header class="thread-head">
        <strong>{th().author.displayName}</strong>
        <time class="muted" dateTime={th().createdAt}>
          {formatDateTime(th().createdAt, locale())}
        </time>
        <Show when={th().kind === 'suggestion'}>
          <span class="badge badge-accent">{w('comments.suggestion')}</span>
        </Show>
        <Show when={th().anchor.detached}>
          <span class="badge badge-warning">{w('comments.detached')}</span>
        </Show>
        <Show when={statusLabel()}>{(label) => <span class="badge">{label()}</span>}</Show>
      </header>
      <Show
        when={!th().anchor.detached && th().status === 'open'}
        fallback={
          <blockquote class="thread-quote" classList={{ 'quote-gone': th().anchor.detached }}>
            {th().anchor.detached ? th().originalQuote : th().quote}
          </blockquote>
        }
      >
        <button type="button" class="thread-quote quote-link" title={w('comments.showInText')} onClick={() => revealInText(th().id)}>
          {th().quote}
        </button>
      </Show>
      <Show when={th().kind === 'suggestion' && th().proposal !== null}>
        <p class="suggestion-change">
          <del>{th().anchor.detached ? th().originalQuote : th().quote}</del> → <ins>{th().proposal}</ins>
        </p>
      </Show>
      <Show when={!th().deleted} fallback={<p class="muted">{w('comments.deleted')}</p>}>
        <Show when={th().body}>
          <MentionText text={th().body} />
        </Show>
      </Show>
      <Show when={th().replies.length > 0}>
        <ol class="replies">
          <For each={th().replies}>
            {(r) => (
              <li class="reply">
                <strong>{r.author.displayName}</strong>{' '}
                <time class="muted" dateTime={r.createdAt}>
                  {formatDateTime(r.createdAt, locale())}
                </time>
                <Show when={!r.deleted} fallback={<p class="muted">{w('comments.deleted')}</p>}>
                  <MentionText text={r.body} />
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <div class="btn-row thread-actions">
        <Show when={th().viewer.canReply && !replying()}>
          <button
            type="button"
            class="btn btn-sm btn-ghost"
            onClick={() => {
              setError(null)
              setReplying(true)
            }}
          >
            {w('comments.reply')}
          </button>
        </Show>
        <Show when={th().viewer.canResolve}>
          <button type="button" class="btn btn-sm btn-ghost" disabled={busy()} onClick={() => void act(th().status === 'resolved' ? 'reopen' : 'resolve')}>
            {th().status === 'resolved' ? w('comments.reopen') : w('comments.resolve')}
          </button>
        </Show>
        <Show when={th().viewer.canAccept}>
          <button type="button" class="btn btn-sm btn-primary" disabled={busy()} onClick={() => void act('accept')}>
            {w('comments.accept')}
          </button>
        </Show>
        <Show when={th().viewer.canReject}>
          <button type="button" class="btn btn-sm" disabled={busy()} onClick={() => void act('reject')}>
            {w('comments.reject')}
          </button>
        </Show>
        <Show when={th().viewer.canDelete && !th().deleted}>
          <button type="button" class="btn btn-sm btn-ghost btn-danger" disabled={busy()} onClick={() => void remove()}>
            {w('comments.delete')}
          </button>
        </Show>
      </div>
      <Show when={!replying()}>
        <FormError error={error()} />
      </Show>
      <Show when={replying()}>
        <form class="form reply-form" onSubmit={sendReply}>
          <MentionInput label={w('comments.reply')} value={reply()} onInput={setReply} members={props.members} rows={2} autofocus listLabel={w('comments.mentions')} />
          <FormError error={error()} />
          <div class="btn-row">
            <button type="button" class="btn btn-sm" onClick={() => setReplying(false)}>
              {w('state.cancel')}
            </button>
            <button type="submit" class="btn btn-sm btn-primary" disabled={busy() || !reply().trim()}>
              {w('comments.post')}
            </button>
          </div>
        </form>
      </Show>
    </article>
  )
}
