/**
 * The secretariat's review queue (GET /api/review): submitted documents, oldest first, with their body,
 * who submitted them and when, and their endorsements. Publishing one or returning it to draft (with a
 * reason) are the lifecycle's own moves, asked for in a dialog because neither can be taken back here.
 */
import { A } from '@solidjs/router'
import type { InferResponseType } from 'hono/client'
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js'
import { api, call } from '../../http/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatDateTime } from '../../i18n/locale.ts'
import { usePageTitle } from '../../layout/page-title.ts'
import { Empty, ErrorNotice, FormError, Loading } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'
import { Localized } from '../../ui/Localized.tsx'
import { Modal } from '../../ui/Modal.tsx'
import { notify } from '../../ui/toasts.tsx'
import { useReviewT } from './review-i18n.ts'

type ReviewItem = InferResponseType<typeof api.review.$get, 200>['documents'][number]
type Decision = { item: ReviewItem; to: 'published' | 'draft' }

function DecisionDialog(props: { decision: Decision | null; onClose: () => void; onDone: () => void }) {
  const r = useReviewT()
  const { pick } = useI18n()
  const [reason, setReason] = createSignal('')
  const [tried, setTried] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<unknown>(null)
  const returning = () => props.decision?.to === 'draft'
  const title = () => (props.decision ? pick(props.decision.item.titleEn, props.decision.item.titleZh).text : '')
  const missing = () => returning() && !reason().trim()
  // Each decision starts clean: no reason or error left from the one before.
  createEffect(
    on(
      () => props.decision,
      () => {
        setReason('')
        setTried(false)
        setError(null)
      },
    ),
  )

  async function submit(e: Event) {
    e.preventDefault()
    const d = props.decision
    setTried(true)
    if (!d || missing()) return
    setBusy(true)
    setError(null)
    try {
      await call(api.documents[':id'].transitions.$post({ param: { id: d.item.id }, json: { to: d.to, from: 'submitted', ...(d.to === 'draft' && { reason: reason().trim() }) } }))
      notify.success(d.to === 'published' ? r('published') : r('returned'))
      props.onDone()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={!!props.decision}
      onOpenChange={(open) => !open && props.onClose()}
      title={returning() ? r('returnTitle', { title: title() }) : r('publishTitle', { title: title() })}
      description={returning() ? r('returnLead') : r('publishLead')}
      size="sm"
    >
      <form class="form" onSubmit={(e) => void submit(e)} novalidate>
        <Show when={returning()}>
          <TextField label={r('reason')} value={reason()} onInput={setReason} multiline rows={3} required maxLength={2000} error={tried() && missing() ? r('reasonRequired') : null} autofocus />
        </Show>
        <FormError error={error()} />
        <div class="btn-row">
          <button type="button" class="btn" onClick={() => props.onClose()}>
            {r('cancel')}
          </button>
          <button type="submit" class="btn" classList={{ 'btn-primary': !returning(), 'btn-danger': returning() }} disabled={busy()}>
            {returning() ? r('confirmReturn') : r('confirmPublish')}
          </button>
        </div>
      </form>
    </Modal>
  )
}

export default function Review() {
  const r = useReviewT()
  const { locale } = useI18n()
  usePageTitle(() => r('title'))
  const [data, { refetch }] = createResource(() => call(api.review.$get()))
  const [decision, setDecision] = createSignal<Decision | null>(null)
  return (
    <section class="stack" aria-labelledby="review-title">
      <div>
        <h2 id="review-title" class="card-title">
          {r('title')}
        </h2>
        <p class="muted">{r('lead')}</p>
      </div>
      <Show when={!data.error} fallback={<ErrorNotice error={data.error} onRetry={refetch} />}>
        <Show when={data.latest} fallback={<Loading />}>
          {(d) => (
            <Show when={d().documents.length > 0} fallback={<Empty>{r('empty')}</Empty>}>
              <div class="table-wrap">
                <table class="table review-table">
                  <caption class="sr-only">{r('title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{r('document')}</th>
                      <th scope="col">{r('body')}</th>
                      <th scope="col">{r('submitted')}</th>
                      <th scope="col">{r('endorsements')}</th>
                      <th scope="col">
                        <span class="sr-only">{r('actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().documents}>
                      {(item) => (
                        <tr data-document={item.id}>
                          <td class="cell-main">
                            <A href={`/documents/${item.id}`}>
                              <Localized en={item.titleEn} zh={item.titleZh} />
                            </A>
                          </td>
                          <td>
                            <A href={`/bodies/${item.body.slug}`} class="muted-link">
                              <Localized en={item.body.nameEn} zh={item.body.nameZh} />
                            </A>
                          </td>
                          <td>
                            <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt, locale())}</time>
                            <Show when={item.submittedBy?.displayName}>{(name) => <div class="cell-sub">{r('submittedBy', { name: name() })}</div>}</Show>
                          </td>
                          <td>{r('endorsedBy', item.endorsements)}</td>
                          <td class="actions">
                            <div class="btn-row">
                              <A href={`/documents/${item.id}`} class="btn btn-sm btn-ghost">
                                {r('open')}
                              </A>
                              <button type="button" class="btn btn-sm btn-primary" onClick={() => setDecision({ item, to: 'published' })}>
                                {r('publish')}
                              </button>
                              <button type="button" class="btn btn-sm" onClick={() => setDecision({ item, to: 'draft' })}>
                                {r('return')}
                              </button>
                            </div>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          )}
        </Show>
      </Show>
      <DecisionDialog
        decision={decision()}
        onClose={() => setDecision(null)}
        onDone={() => {
          setDecision(null)
          void refetch()
        }}
      />
    </section>
  )
}
