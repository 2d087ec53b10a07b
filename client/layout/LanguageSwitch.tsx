/** English / 中文, switchable at any time; remembered in this browser and on the account. */
import { For } from 'solid-js'
import { LOCALES, type Locale } from '../../domain/roles.ts'
import { LOCALE_NAMES } from '../i18n/dictionary.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useSession } from '../session/session.tsx'
import { notify } from '../ui/toasts.tsx'
import { errorMessage } from '../ui/errors.ts'

export function LanguageSwitch() {
  const i18n = useI18n()
  const session = useSession()
  const choose = (locale: Locale) => {
    session.changeLocale(locale).catch((err: unknown) => notify.error(errorMessage(err, i18n.t)))
  }
  return (
    <div class="segmented" role="group" aria-label={i18n.t('nav.language')}>
      <For each={LOCALES}>
        {(locale) => (
          <button
            type="button"
            class="segmented-item"
            lang={locale === 'zh' ? 'zh-CN' : 'en'}
            aria-pressed={i18n.locale() === locale}
            onClick={() => choose(locale)}
          >
            {LOCALE_NAMES[locale]}
          </button>
        )}
      </For>
    </div>
  )
}
