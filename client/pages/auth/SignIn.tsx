/** Sign-in, shown in place of any signed-in page while nobody is signed in. */
import { Show } from 'solid-js'
import { createForm } from '../../forms/form.ts'
import { email, required } from '../../forms/validate.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { AuthLayout } from '../../layout/AuthLayout.tsx'
import { useSession } from '../../session/session.tsx'
import { FormError } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'

export function SignInForm(props: { email?: string; lockEmail?: boolean; onSignedIn?: () => void }) {
  const { t } = useI18n()
  const session = useSession()
  const form = createForm({ email: props.email ?? '', password: '' }, { email, password: required }, async (v) => {
    await session.signIn(v.email.trim(), v.password)
    props.onSignedIn?.()
  })
  return (
    <form class="form" onSubmit={(e) => void form.submit(e)} novalidate>
      <TextField
        label={t('auth.email')}
        type="email"
        name="email"
        autocomplete="username"
        value={form.values.email}
        onInput={(v) => form.set('email', v)}
        error={form.error('email')}
        disabled={props.lockEmail}
        required
      />
      <TextField
        label={t('auth.password')}
        type="password"
        name="password"
        autocomplete="current-password"
        value={form.values.password}
        onInput={(v) => form.set('password', v)}
        error={form.error('password')}
        required
      />
      <FormError error={form.serverError()} />
      <button type="submit" class="btn btn-primary btn-block" disabled={form.pending()}>
        {form.pending() ? t('auth.signingIn') : t('auth.signIn')}
      </button>
    </form>
  )
}

export function SignIn() {
  const { t, locale } = useI18n()
  const session = useSession()
  return (
    <AuthLayout title={t('auth.signInTitle')} lead={t('auth.signInLead')}>
      <Show when={session.signedOutReason()}>
        {(reason) => (
          <p class="notice notice-info" role="status">
            {reason() === 'ended' ? t('auth.sessionEnded') : t('auth.signedOut')}
          </p>
        )}
      </Show>
      <SignInForm />
      <p class="auth-help">{t('auth.forgot')}</p>
      {/* Published documents need no account; the archive is a server-rendered page outside this app. */}
      <p class="auth-help">
        <a href={`/publications?lang=${locale()}`} rel="external">
          {t('auth.archive')}
        </a>
      </p>
    </AuthLayout>
  )
}
