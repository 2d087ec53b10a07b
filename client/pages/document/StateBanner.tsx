/**
 * The document's lifecycle state and the moves the viewer may make from it. Moves that need a reason
 * (back to draft, withdraw) ask for one in a dialog; opening a consensus call asks for its closing date.
 * Once published (and while a revision is in progress) the banner links to the public page of the newest
 * edition, which GET /api/documents/:id names; that page is server-rendered outside this app, so the link
 * is a plain `<a href>` the router does not intercept.
 */
import { createSignal, For, Show } from 'solid-js'
import type { DocumentState, Transition } from '../../../domain/lifecycle.ts'
import { api, ApiError, call } from '../../http/client.ts'
import type { DocumentDetail } from '../../http/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { actorOf, bodySubjectOf } from '../../session/actor.ts'
import { useSession } from '../../session/session.tsx'
import { StateBadge } from '../../ui/badges.tsx'
import { FormError } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'
import { IconArchive } from '../../ui/icons.ts'
import { Modal } from '../../ui/Modal.tsx'
import { notify } from '../../ui/toasts.tsx'
import { availableMoves } from './moves.ts'
import { useWorkflowT } from './workflow-i18n.ts'

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

export function StateBanner(props: { data: DocumentDetail; onChanged: () => void }) {
  const { t } = useI18n()
  const w = useWorkflowT()
  const session = useSession()
  const state = () => props.data.document.state
  const moves = () => {
    const me = session.me.latest
    return me ? availableMoves(state(), bodySubjectOf(props.data.body), actorOf(me)) : []
  }
  const [justPublished, setJustPublished] = createSignal<string | null>(null)
  // The transition's answer names the slug at once; the reloaded document names it from then on.
  const slug = () => props.data.publication?.slug ?? justPublished()

  const [pending, setPending] = createSignal<Transition | null>(null)
  const [reason, setReason] = createSignal('')
  const [closesAt, setClosesAt] = createSignal(inDays(14))
  const [label, setLabel] = createSignal('')
  const [error, setError] = createSignal<unknown>(null)
  const [busy, setBusy] = createSignal(false)
  const [tried, setTried] = createSignal(false)

  const closesInvalid = () => !closesAt() || Date.parse(`${closesAt()}T23:59:00`) <= Date.now()
  const reasonInvalid = () => !!pending()?.reasonRequired && !reason().trim()

  async function run(move: Transition) {
    setBusy(true)
    setError(null)
    try {
      if (move.via === 'open_call') {
        await call(api.documents[':id']['consensus-calls'].$post({ param: { id: props.data.document.id }, json: { closesAt: new Date(`${closesAt()}T23:59:00`).toISOString(), ...(label().trim() && { label: label().trim() }) } }))
      } else {
        const res = await call(api.documents[':id'].transitions.$post({ param: { id: props.data.document.id }, json: { to: move.to, from: props.data.document.state, ...(reason().trim() && { reason: reason().trim() }) } }))
        if (res.publication) setJustPublished(res.publication.slug)
      }
      notify.success(w('state.moved', { state: t(`states.${move.to}`) }))
      setPending(null)
      props.onChanged()
    } catch (err) {
      setError(err)
      // Someone else moved the document first: show where it stands now, with the message saying why
      // nothing changed, instead of offering moves from a state it has left.
      if (err instanceof ApiError && err.code === 'state_changed') {
        setPending(null)
        props.onChanged()
      }
    } finally {
      setBusy(false)
    }
  }

  function start(move: Transition) {
    setReason('')
    setLabel('')
    setTried(false)
    setError(null)
    if (move.reasonRequired || move.via === 'open_call') setPending(move)
    else void run(move)
  }

  function submit(e: Event) {
    e.preventDefault()
    setTried(true)
    const move = pending()
    if (!move) return
    if (move.via === 'open_call' ? closesInvalid() : reasonInvalid()) return
    void run(move)
  }

  return (
    <section class="state-banner" aria-label={w('state.label')}>
      <div class="state-banner-main">
        <span class="state-banner-label">{w('state.label')}</span>
        <StateBadge state={state()} />
        <Show when={slug()}>
          {(s) => (
            <a class="btn btn-sm" href={`/p/${s()}`}>
              <IconArchive size={14} aria-hidden="true" />
              {w('state.viewPublication')}
            </a>
          )}
        </Show>
      </div>
      <Show when={moves().length > 0}>
        <div class="btn-row state-banner-moves" role="group" aria-label={w('state.moves')}>
          <For each={moves()}>
            {(move) => (
              <button
                type="button"
                class="btn btn-sm"
                classList={{ 'btn-primary': move.to !== 'draft' && move.to !== 'withdrawn', 'btn-danger': move.to === 'withdrawn' }}
                disabled={busy()}
                onClick={() => start(move)}
              >
                {w(`state.move.${move.to as DocumentState}`)}
              </button>
            )}
          </For>
        </div>
      </Show>
      <Show when={!pending()}>
        <FormError error={error()} />
      </Show>
      <Modal open={!!pending()} onOpenChange={(open) => !open && setPending(null)} title={pending()?.via === 'open_call' ? w('state.callTitle') : w('state.reasonTitle')} description={pending()?.via === 'open_call' ? w('state.callLead') : undefined} size="sm">
        <form class="form" onSubmit={submit} novalidate>
          <Show
            when={pending()?.via === 'open_call'}
            fallback={<TextField label={w('state.reasonLabel')} value={reason()} onInput={setReason} multiline rows={3} required maxLength={2000} error={tried() && reasonInvalid() ? w('state.reasonRequired') : null} autofocus />}
          >
            <TextField label={w('state.closesAt')} type="date" value={closesAt()} onInput={setClosesAt} required error={tried() && closesInvalid() ? w('state.closesAtInvalid') : null} />
            <TextField label={w('state.versionLabel')} value={label()} onInput={setLabel} maxLength={200} optionalLabel={t('app.optional')} />
          </Show>
          <FormError error={error()} />
          <div class="btn-row">
            <button type="button" class="btn" onClick={() => setPending(null)}>
              {w('state.cancel')}
            </button>
            <button type="submit" class="btn btn-primary" disabled={busy()}>
              {pending() ? w(`state.move.${pending()!.to}`) : w('state.confirm')}
            </button>
          </div>
        </form>
      </Modal>
    </section>
  )
}
