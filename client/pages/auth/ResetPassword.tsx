/** A password-reset (or first password) link from the secretariat: choose a password, then signed in. */
import { A, useNavigate, useParams } from '@solidjs/router'
import { createResource, ErrorBoundary, Show } from 'solid-js'
import { api, call } from '../../http/client.ts'
import { createForm } from '../../forms/form.ts'
import { newPassword, sameAs } from '../../forms/validate.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { AuthLayout } from '../../layout/AuthLayout.tsx'
import { useSession } from '../../session/session.tsx'
import { ErrorNotice, FormError, Loading } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'

export default function ResetPassword() {
  const { t } = useI18n()
  const params = useParams<{ token: string }>()
  const session = useSession()
  const navigate = useNavigate()
  const [info] = createResource(
    () => params.token,
    (token) => call(api.auth['password-resets'][':token'].$get({ param: { token } })),
  )
  type V = { password: string; confirm: string }
  const form = createForm<V>({ password: '', confirm: '' }, { password: newPassword, confirm: sameAs<V>((v) => v.password) }, async (v) => {
    const me = await call(api.auth['password-resets'][':token'].$post({ param: { token: params.token }, json: { password: v.password } }))
    session.setMe(me)
    navigate('/', { replace: true })
  })
  return (
    <ErrorBoundary
      fallback={(err) => (
        <AuthLayout title={t('auth.linkProblem')}>
          <ErrorNotice error={err} />
          <A href="/" class="btn">
            {t('auth.goToSignIn')}
          </A>
        </AuthLayout>
      )}
    >
      <Show when={info()} fallback={<Loading />}>
        {(i) => (
          <AuthLayout title={t('auth.resetTitle')} lead={t('auth.resetLead', { email: i().email })}>
            <form class="form" onSubmit={(e) => void form.submit(e)} novalidate>
              <input type="text" name="username" autocomplete="username" value={i().email} hidden readOnly />
              <TextField
                label={t('auth.newPassword')}
                type="password"
                autocomplete="new-password"
                hint={t('auth.passwordHint')}
                value={form.values.password}
                onInput={(v) => form.set('password', v)}
                error={form.error('password')}
                required
              />
              <TextField
                label={t('auth.confirmPassword')}
                type="password"
                autocomplete="new-password"
                value={form.values.confirm}
                onInput={(v) => form.set('confirm', v)}
                error={form.error('confirm')}
                required
              />
              <FormError error={form.serverError()} />
              <button type="submit" class="btn btn-primary btn-block" disabled={form.pending()}>
                {t('auth.setPassword')}
              </button>
            </form>
          </AuthLayout>
        )}
      </Show>
    </ErrorBoundary>
  )
}
