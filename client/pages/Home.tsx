/** Home: what waits on me, the drafts I work on, my bodies, and what happened lately in them. */
import { A } from '@solidjs/router'
import { createResource, For, Show, Suspense } from 'solid-js'
import { api, call } from '../http/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { relativeTime } from '../i18n/locale.ts'
import { PageHeader } from '../layout/PageHeader.tsx'
import { useSession } from '../session/session.tsx'
import { RoleBadge } from '../ui/badges.tsx'
import { DocumentList } from '../ui/DocumentList.tsx'
import { Empty, ErrorNotice, Loading } from '../ui/feedback.tsx'
import { IconChevronRight, IconClock, IconFile, IconInbox, IconUsers } from '../ui/icons.ts'
import { Localized } from '../ui/Localized.tsx'
import { ErrorBoundary } from 'solid-js'
import { describeActivity } from './activity.ts'
import { useActivityT } from './activity-i18n.ts'
import { useWorkflowT } from './document/workflow-i18n.ts'

export default function Home() {
  const { t, locale } = useI18n()
  const texts = { a: useActivityT(), t, w: useWorkflowT() }
  const session = useSession()
  const [home, { refetch }] = createResource(() => call(api.me.home.$get()))
  const memberships = () => session.me.latest?.memberships ?? []
  const slugOf = (bodyId: string | null) => memberships().find((m) => m.bodyId === bodyId)?.slug

  return (
    <div class="page">
      <PageHeader titleText={t('home.title')} title={t('home.greeting', { name: session.user()?.displayName ?? '' })} />
      <ErrorBoundary fallback={(err) => <ErrorNotice error={err} onRetry={refetch} />}>
        <div class="home-grid">
          <div class="stack">
            <section class="card" aria-labelledby="awaiting-h">
              <h2 id="awaiting-h" class="card-title">
                <IconInbox size={18} aria-hidden="true" />
                {t('home.awaiting')}
              </h2>
              <Suspense fallback={<Loading inline />}>
                <Show when={home()?.awaiting.length} fallback={<Empty>{t('home.noAwaiting')}</Empty>}>
                  <DocumentList documents={home()!.awaiting} showBody />
                </Show>
              </Suspense>
            </section>
            <section class="card" aria-labelledby="drafts-h">
              <h2 id="drafts-h" class="card-title">
                <IconFile size={18} aria-hidden="true" />
                {t('home.drafts')}
              </h2>
              <Suspense fallback={<Loading inline />}>
                <Show when={home()?.drafts.length} fallback={<Empty>{t('home.noDrafts')}</Empty>}>
                  <DocumentList documents={home()!.drafts} showBody />
                </Show>
              </Suspense>
            </section>
          </div>
          <div class="stack">
            <section class="card" aria-labelledby="bodies-h">
              <h2 id="bodies-h" class="card-title">
                <IconUsers size={18} aria-hidden="true" />
                {t('home.myBodies')}
              </h2>
              <Show
                when={memberships().length}
                fallback={
                  <>
                    <Empty>{t('home.noBodies')}</Empty>
                    <A href="/bodies" class="btn btn-sm">
                      {t('home.browseBodies')}
                    </A>
                  </>
                }
              >
                <ul class="link-list">
                  <For each={memberships()}>
                    {(m) => (
                      <li>
                        <A href={`/bodies/${m.slug}`} class="link-row">
                          <span class="truncate">
                            <Localized en={m.nameEn} zh={m.nameZh} />
                          </span>
                          <RoleBadge role={m.role} />
                          <IconChevronRight size={16} class="link-row-chevron" aria-hidden="true" />
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
            <section class="card" aria-labelledby="activity-h">
              <h2 id="activity-h" class="card-title">
                <IconClock size={18} aria-hidden="true" />
                {t('home.activity')}
              </h2>
              <Suspense fallback={<Loading inline />}>
                <Show when={home()?.activity.length} fallback={<Empty>{t('home.noActivity')}</Empty>}>
                  <ol class="activity">
                    <For each={home()!.activity}>
                      {(e) => {
                        const href = () =>
                          e.subjectType === 'document' && e.subjectId
                            ? `/documents/${e.subjectId}`
                            : e.subjectType === 'body' && slugOf(e.subjectId)
                              ? `/bodies/${slugOf(e.subjectId)}`
                              : null
                        return (
                          <li class="activity-item">
                            <Show when={href()} fallback={<span>{describeActivity(e, texts)}</span>}>
                              <A href={href()!}>{describeActivity(e, texts)}</A>
                            </Show>
                            <time dateTime={e.at} class="muted">
                              {relativeTime(e.at, locale())}
                            </time>
                          </li>
                        )
                      }}
                    </For>
                  </ol>
                </Show>
              </Suspense>
            </section>
          </div>
        </div>
      </ErrorBoundary>
    </div>
  )
}
