import { createEffect } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'

/** The browser tab names the page, in the chosen language. */
export function usePageTitle(title: () => string | undefined) {
  const { t } = useI18n()
  createEffect(() => {
    const page = title()
    document.title = page ? `${page} · ${t('app.name')}` : t('app.name')
  })
}
