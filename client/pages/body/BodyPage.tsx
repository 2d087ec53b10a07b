/**
 * A body: mandate, documents, members; joining for non-members; the chair tools for those who manage it.
 * Everything the page shows comes from GET /api/bodies/:slug and refreshes after each change.
 */
import { A, useParams } from '@solidjs/router'
import { createResource, createSignal, ErrorBoundary, Show } from 'solid-js'
import { api, call } from '../../http/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { PageHeader } from '../../layout/PageHeader.tsx'
import { useSession } from '../../session/session.tsx'
import { RoleBadge } from '../../ui/badges.tsx'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { IconChevronRight, IconLogOut, IconUserPlus } from '../../ui/icons.ts'
import { Localized } from '../../ui/Localized.tsx'
import { BodyDocuments } from './BodyDocuments.tsx'
import { ChairTools } from './ChairTools.tsx'
import { JoinDialog, LeaveDialog } from './JoinLeave.tsx'
import { Members } from './Members.tsx'

export default function BodyPage() {
  const params = useParams<{ slug: string }>()
  const { t, pick } = useI18n()
  const session = useSession()
  const [detail, { refetch }] = createResource(
    () => params.slug,
    (slug) => call(api.bodies[':slug'].$get({ param: { slug } })),
  )
  const [joinOpen, setJoinOpen] = createSignal(false)
  const [leaveOpen, setLeaveOpen] = createSignal(false)
  const changed = () => {
    void refetch()
    void session.refresh()
  }

  return (
    <ErrorBoundary fallback={(err) => <ErrorNotice error={err} onRetry={refetch} />}>
      <Show when={detail.latest} fallback={<Loading />}>
        {(d) => {
          const body = () => d().body
          const name = () => pick(body().nameEn, body().nameZh).text
          const mandate = () => pick(body().mandateEn, body().mandateZh)
          const archived = () => !!body().archivedAt
          const canCreate = () => !archived() && (d().viewer.role === 'chair' || d().viewer.role === 'member' || !!session.user()?.isSecretariat)
          return (
            <div class="page">
              <PageHeader
                titleText={name()}
                title={<Localized en={body().nameEn} zh={body().nameZh} />}
                eyebrow={
                  <>
                    <A href="/bodies">{t('nav.bodies')}</A>
                    <IconChevronRight size={14} aria-hidden="true" />
                    <Show when={d().parent}>
                      {(p) => (
                        <>
                          <A href={`/bodies/${p().slug}`}>
                            <Localized en={p().nameEn} zh={p().nameZh} />
                          </A>
                          <IconChevronRight size={14} aria-hidden="true" />
                        </>
                      )}
                    </Show>
                    <span>{t(`bodyKinds.${body().kind}`)}</span>
                    <Show when={archived()}>
                      <span class="badge badge-warning">{t('bodies.archived')}</span>
                    </Show>
                    <Show when={d().viewer.role}>{(role) => <RoleBadge role={role()} />}</Show>
                  </>
                }
                actions={
                  <>
                    <Show when={!d().viewer.role && !d().viewer.pendingRequestId && !archived()}>
                      <button type="button" class="btn btn-primary" onClick={() => setJoinOpen(true)}>
                        <IconUserPlus size={16} aria-hidden="true" />
                        {t('body.join')}
                      </button>
                    </Show>
                    <Show when={d().viewer.role}>
                      <button type="button" class="btn btn-ghost" onClick={() => setLeaveOpen(true)}>
                        <IconLogOut size={16} aria-hidden="true" />
                        {t('body.leave')}
                      </button>
                    </Show>
                  </>
                }
              />
              <Show when={d().viewer.pendingRequestId && !d().viewer.role}>
                <p class="notice notice-info" role="status">
                  {t('body.requestPending')}
                </p>
              </Show>
              <div class="two-col">
                <div class="stack">
                  <section class="card" aria-labelledby="mandate-h">
                    <h2 id="mandate-h" class="card-title">
                      {t('body.mandate')}
                    </h2>
                    <Show when={mandate().text} fallback={<p class="empty">{t('body.noMandate')}</p>}>
                      <p class="prose-text" lang={mandate().lang === 'zh' ? 'zh-CN' : 'en'}>
                        {mandate().text}
                      </p>
                    </Show>
                    <Show when={d().children.length}>
                      <h3 class="card-subtitle">{t('body.programmes')}</h3>
                      <ul class="link-list">
                        {d().children.map((c) => (
                          <li>
                            <A href={`/bodies/${c.slug}`} class="link-row">
                              <span class="truncate">
                                <Localized en={c.nameEn} zh={c.nameZh} />
                              </span>
                              <IconChevronRight size={16} class="link-row-chevron" aria-hidden="true" />
                            </A>
                          </li>
                        ))}
                      </ul>
                    </Show>
                  </section>
                  <BodyDocuments slug={body().slug} canCreate={canCreate()} />
                  <Members detail={d()} onChanged={changed} />
                </div>
                <Show when={d().viewer.canManage}>
                  <ChairTools detail={d()} onChanged={changed} />
                </Show>
              </div>
              <JoinDialog open={joinOpen()} onOpenChange={setJoinOpen} slug={body().slug} bodyName={name()} onDone={changed} />
              <LeaveDialog
                open={leaveOpen()}
                onOpenChange={setLeaveOpen}
                slug={body().slug}
                bodyName={name()}
                userId={session.user()?.id ?? ''}
                onDone={changed}
              />
            </div>
          )
        }}
      </Show>
    </ErrorBoundary>
  )
}
