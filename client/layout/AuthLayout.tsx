/** The calm, centred frame of the pages before one is signed in: sign-in, setup, invitation, reset. */
import { Show, type JSX } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { Logo } from './Logo.tsx'
import { usePageTitle } from './page-title.ts'

export function AuthLayout(props: { title: string; lead?: string; children: JSX.Element }) {
  const { t } = useI18n()
  usePageTitle(() => props.title)
  return (
    <div class="auth-page">
      <header class="auth-top">
        <span class="brand">
          <Logo />
          <span>{t('app.name')}</span>
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" class="auth-main">
        <div class="auth-card">
          <h1 class="auth-title">{props.title}</h1>
          <Show when={props.lead}>
            <p class="auth-lead">{props.lead}</p>
          </Show>
          {props.children}
        </div>
        <p class="auth-foot">{t('app.tagline')}</p>
      </main>
    </div>
  )
}
