/** My inbox: mentions, replies, suggestions and consensus calls opened in my bodies, newest first; quoted words with their mentions as names. */
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
import { setUnread } from './unread.ts'

export default function Inbox() {
  const w = useWorkflowT()
  const { pick, locale } = useI18n()
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
            <Show when={d().notifications.length > 0} fallback={<p class="empty">{w('inbox.empty')}</p>}>
              <ul class="inbox-list">
                <For each={d().notifications}>
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
          )}
        </Show>
      </Show>
    </div>
  )
}
