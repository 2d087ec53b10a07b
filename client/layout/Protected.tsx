/** Signed-in pages: the shell around them, or the sign-in form in place while nobody is signed in. */
import { Match, Switch, type ParentProps } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import { SignIn } from '../pages/auth/SignIn.tsx'
import { useSession } from '../session/session.tsx'
import { ErrorNotice, Loading } from '../ui/feedback.tsx'
import { AuthLayout } from './AuthLayout.tsx'
import { Shell } from './Shell.tsx'

export function Protected(props: ParentProps) {
  const session = useSession()
  const { t } = useI18n()
  return (
    <Switch>
      <Match when={session.me.state === 'errored'}>
        <AuthLayout title={t('errors.title')}>
          <ErrorNotice error={session.me.error} onRetry={() => session.refresh()} />
        </AuthLayout>
      </Match>
      <Match when={session.user()}>
        <Shell>{props.children}</Shell>
      </Match>
      <Match when={session.me.state === 'unresolved' || session.me.state === 'pending'}>
        <div class="page-center">
          <Loading />
        </div>
      </Match>
      <Match when={!session.user()}>
        <SignIn />
      </Match>
    </Switch>
  )
}
