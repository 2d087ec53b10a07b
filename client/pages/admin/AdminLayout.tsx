/** The secretariat's administration: the review queue, institutions, people, bodies, audit log. */
import { A } from '@solidjs/router'
import { Show, Suspense, type ParentProps } from 'solid-js'
import { useI18n } from '../../i18n/i18n.tsx'
import { PageHeader } from '../../layout/PageHeader.tsx'
import { useSession } from '../../session/session.tsx'
import { Loading } from '../../ui/feedback.tsx'

export default function AdminLayout(props: ParentProps) {
  const { t } = useI18n()
  const session = useSession()
  return (
    <div class="page">
      <PageHeader titleText={t('admin.title')} title={t('admin.title')} />
      <Show when={session.user()?.isSecretariat} fallback={<p class="notice notice-error">{t('errors.forbidden')}</p>}>
        <nav class="tabs-nav" aria-label={t('admin.title')}>
          <A href="/admin/review" class="tab-link" activeClass="active">
            {t('admin.review')}
          </A>
          <A href="/admin/institutions" class="tab-link" activeClass="active">
            {t('admin.institutions')}
          </A>
          <A href="/admin/people" class="tab-link" activeClass="active">
            {t('admin.people')}
          </A>
          <A href="/admin/bodies" class="tab-link" activeClass="active">
            {t('admin.bodies')}
          </A>
          <A href="/admin/audit" class="tab-link" activeClass="active">
            {t('admin.audit')}
          </A>
        </nav>
        <Suspense fallback={<Loading />}>{props.children}</Suspense>
      </Show>
    </div>
  )
}
