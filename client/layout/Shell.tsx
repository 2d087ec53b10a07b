/** The signed-in frame: sidebar (navigation, the public archive, my bodies), top bar (language, account), the page. */
import { A, useLocation } from '@solidjs/router'
import { createEffect, ErrorBoundary, For, on, Show, Suspense, type ParentProps } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import { useSession } from '../session/session.tsx'
import { ErrorNotice, Loading } from '../ui/feedback.tsx'
import { IconArchive, IconHome, IconNetwork, IconShield } from '../ui/icons.ts'
import { Localized } from '../ui/Localized.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { Logo } from './Logo.tsx'
import { InboxBell } from './InboxBell.tsx'
import { UserMenu } from './UserMenu.tsx'

export function Shell(props: ParentProps) {
  const i18n = useI18n()
  const { t } = i18n
  const session = useSession()
  const location = useLocation()
  const memberships = () => session.me.latest?.memberships ?? []
  let main!: HTMLElement
  // After moving to another page, keyboard and screen-reader users start at its content, not the old link.
  createEffect(
    on(
      () => location.pathname,
      () => main.focus({ preventScroll: true }),
      { defer: true },
    ),
  )
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <aside class="sidebar">
        <A href="/" class="brand" end>
          <Logo />
          <span>{t('app.name')}</span>
        </A>
        <nav class="nav" aria-label={t('nav.main')}>
          <A href="/" end class="nav-link" activeClass="active">
            <IconHome size={16} aria-hidden="true" />
            <span>{t('nav.home')}</span>
          </A>
          <A href="/bodies" end class="nav-link" activeClass="active">
            <IconNetwork size={16} aria-hidden="true" />
            <span>{t('nav.bodies')}</span>
          </A>
          {/* The public archive is rendered by the server, outside this app: a plain link the router leaves alone. */}
          <a href={`/publications?lang=${i18n.locale()}`} rel="external" class="nav-link">
            <IconArchive size={16} aria-hidden="true" />
            <span>{t('nav.publications')}</span>
          </a>
          <Show when={session.user()?.isSecretariat}>
            <A href="/admin" class="nav-link" activeClass="active">
              <IconShield size={16} aria-hidden="true" />
              <span>{t('nav.admin')}</span>
            </A>
          </Show>
        </nav>
        <Show when={memberships().length > 0}>
          <nav class="nav nav-secondary" aria-labelledby="my-bodies-heading">
            <h2 id="my-bodies-heading" class="nav-heading">
              {t('nav.myBodies')}
            </h2>
            <For each={memberships()}>
              {(m) => (
                <A href={`/bodies/${m.slug}`} class="nav-link nav-link-sm" activeClass="active" title={i18n.pick(m.nameEn, m.nameZh).text}>
                  <span class="nav-dot" aria-hidden="true" />
                  <span class="truncate">
                    <Localized en={m.nameEn} zh={m.nameZh} />
                  </span>
                </A>
              )}
            </For>
          </nav>
        </Show>
      </aside>
      <div class="shell-main">
        <header class="topbar">
          <div class="topbar-spacer" />
          <LanguageSwitch />
          <InboxBell />
          <UserMenu />
        </header>
        <main id="main" class="main" tabindex="-1" ref={main}>
          <Show when={location.pathname} keyed>
            <ErrorBoundary fallback={(err, reset) => <ErrorNotice error={err} onRetry={reset} title={t('errors.title')} />}>
              <Suspense fallback={<Loading />}>{props.children}</Suspense>
            </ErrorBoundary>
          </Show>
        </main>
      </div>
    </div>
  )
}
