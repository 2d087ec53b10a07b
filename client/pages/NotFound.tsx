import { A } from '@solidjs/router'
import { useI18n } from '../i18n/i18n.tsx'
import { PageHeader } from '../layout/PageHeader.tsx'

export default function NotFound() {
  const { t } = useI18n()
  return (
    <div class="page">
      <PageHeader titleText={t('notFound.title')} title={t('notFound.title')} lead={t('notFound.lead')} />
      <A href="/" class="btn">
        {t('notFound.home')}
      </A>
    </div>
  )
}
