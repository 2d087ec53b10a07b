/**
 * My inbox: first the documents awaiting my action (derived from state by the server, with a count of
 * their own: they are not notifications and "mark all read" does not clear them), then mentions, replies,
 * suggestions and consensus calls opened in my bodies, newest first, quoted words with mentions as names.
 */
import { A } from '@solidjs/router'
import { createResource, createSignal, For, Show } from 'solid-js'
import { api, call } from '../../http/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatDate, formatDateTime } from '../../i18n/locale.ts'
import { PageHeader } from '../../layout/PageHeader.tsx'
import { ErrorNotice, FormError, Loading } from '../../ui/feedback.tsx'
import { MentionText } from '../document/MentionText.tsx'
import { useWorkflowT } from '../document/workflow-i18n.ts'
import '../document/workflow.css'
import { readExcerpt } from './excerpt.ts'
import './inbox.css'
import { useInboxT } from './inbox-i18n.ts'
import { setUnread } from './unread.ts'
import type { Notifications } from './types.ts'

function AwaitingList(props: { documents: Notifications['awaiting'] }) {
  const a = useInboxT()
  const { pick, locale } = useI18n()
  return (
    <section class="inbox-section" aria-labelledby="inbox-awaiting">
      <h2 id="inbox-awaiting" class="inbox-section-title">
        {a('awaiting.title')}
        <Show when={props.documents.length > 0}>
          <span class="badge badge-accent">{a('awaiting.count', { count: props.documents.length })}</span>
        </Show>
      </h2>
      <p class="muted inbox-section-lead">{a('awaiting.lead')}</p>
      <Show when={props.documents.length > 0} fallback={<p class="empty">{a('awaiting.empty')}</p>}>
        <ul class="inbox-list">
          <For each={props.documents}>
            {(d) => (
              <li class="inbox-item inbox-awaiting" data-reason={d.reason}>
                <div class="inbox-line">
                  <strong>{a(`awaiting.reason.${d.reason}`)}</strong>
                  <Show when={d.closesAt}>
                    {(at) => (
                      <time class="muted" dateTime={at()}>
                        {a(d.reason === 'record_finding' ? 'awaiting.closed' : 'awaiting.closes', { date: formatDate(at(), locale()) })}
                      </time>
                    )}
                  </Show>
                </div>
                <div class="inbox-line">
                  <A href={`/documents/${d.id}`}>{pick(d.titleEn, d.titleZh).text}</A>
                  <span class="muted">{pick(d.body.nameEn, d.body.nameZh).text}</span>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}

function NotificationList(props: { notifications: Notifications['notifications'] }) {
  const w = useWorkflowT()
  const a = useInboxT()
  const { pick, locale } = useI18n()
  return (
    <section class="inbox-section" aria-labelledby="inbox-notifications">
      <h2 id="inbox-notifications" class="inbox-section-title">
        {a('notifications')}
      </h2>
      <Show when={props.notifications.length > 0} fallback={<p class="empty">{w('inbox.empty')}</p>}>
        <ul class="inbox-list">
          <For each={props.notifications}>
            {(n) => (
              <li class="inbox-item" classList={{ 'inbox-unread': !n.read }}>
                <div class="inbox-line">
                  <Show when={!n.read}>
                    <span class="badge badge-accent">{w('inbox.unread')}</span>
                  </Show>
                  <strong>{w(`inbox.kind.${n.kind}`, { actor: n.actorName ?? w('inbox.someone') })}</strong>
                  <time class="muted" dateTime={n.at}>
                    {formatDateTime(n.at, locale())}
                  </time>
                </div>
                <Show when={n.document}>{(doc) => <A href={`/documents/${doc().id}`}>{pick(doc().titleEn, doc().titleZh).text}</A>}</Show>
                <Show when={readExcerpt(n)}>
                  {(x) => {
                    // A row's notification never changes; its words follow the language.
                    const e = x()
                    return e.kind === 'closes' ? (
                      <p class="inbox-excerpt">{w('inbox.callCloses', { date: formatDate(e.at, locale()) })}</p>
                    ) : (
                      <div class="inbox-excerpt">
                        <MentionText text={e.text} />
                      </div>
                    )
                  }}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}

export default function Inbox() {
  const w = useWorkflowT()
  const [data, { refetch }] = createResource(async () => {
    const res = await call(api.me.notifications.$get({ query: { limit: '100' } }))
    setUnread(res.unread)
    return res
  })
  const [error, setError] = createSignal<unknown>(null)
  async function markAll() {
    setError(null)
    try {
      const res = await call(api.me.notifications.read.$post({ json: { all: true } }))
      setUnread(res.unread)
      void refetch()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <div class="page page-narrow inbox-page">
      <PageHeader
        title={w('inbox.title')}
        titleText={w('inbox.title')}
        actions={
          <button type="button" class="btn btn-sm" disabled={!data.latest?.unread} onClick={() => void markAll()}>
            {w('inbox.markAll')}
          </button>
        }
      />
      <FormError error={error()} />
      <Show when={!data.error} fallback={<ErrorNotice error={data.error} onRetry={refetch} />}>
        <Show when={data.latest} fallback={<Loading />}>
          {(d) => (
            <>
              <AwaitingList documents={d().awaiting} />
              <NotificationList notifications={d().notifications} />
            </>
          )}
        </Show>
      </Show>
    </div>
  )
}
