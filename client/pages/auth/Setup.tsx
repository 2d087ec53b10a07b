/** First start without accounts: the person holding the setup link creates the secretariat account. */
import { useNavigate, useParams } from '@solidjs/router'
import { api, call } from '../../http/client.ts'
import { createForm } from '../../forms/form.ts'
import { all, email, maxLength, newPassword, required, sameAs } from '../../forms/validate.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { AuthLayout } from '../../layout/AuthLayout.tsx'
import { useSession } from '../../session/session.tsx'
import { FormError } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'

export default function Setup() {
  const { t, locale } = useI18n()
  const params = useParams<{ token: string }>()
  const session = useSession()
  const navigate = useNavigate()
  type V = { displayName: string; email: string; password: string; confirm: string }
  const form = createForm<V>(
    { displayName: '', email: '', password: '', confirm: '' },
    { displayName: all(required, maxLength(120)), email, password: newPassword, confirm: sameAs<V>((v) => v.password) },
    async (v) => {
      let me = await call(api.auth.setup.$post({ json: { token: params.token, email: v.email.trim(), password: v.password, displayName: v.displayName.trim() } }))
      if (me.user.locale !== locale()) me = await call(api.me.$patch({ json: { locale: locale() } }))
      session.setMe(me)
      navigate('/', { replace: true })
    },
  )
  return (
    <AuthLayout title={t('auth.setupTitle')} lead={t('auth.setupLead')}>
      <form class="form" onSubmit={(e) => void form.submit(e)} novalidate>
        <TextField
          label={t('auth.displayName')}
          hint={t('auth.displayNameHint')}
          autocomplete="name"
          value={form.values.displayName}
          onInput={(v) => form.set('displayName', v)}
          error={form.error('displayName')}
          required
        />
        <TextField
          label={t('auth.email')}
          type="email"
          autocomplete="username"
          value={form.values.email}
          onInput={(v) => form.set('email', v)}
          error={form.error('email')}
          required
        />
        <TextField
          label={t('auth.password')}
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
          {t('auth.createAccount')}
        </button>
      </form>
    </AuthLayout>
  )
}
