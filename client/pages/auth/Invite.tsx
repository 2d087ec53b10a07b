/**
 * An invitation link. Newcomers choose a name and password here (that creates the account); people with
 * an account sign in first; someone signed in with another email is told so. Accepting lands on the body.
 */
import { A, useNavigate, useParams } from '@solidjs/router'
import { createResource, createSignal, ErrorBoundary, Match, Show, Switch } from 'solid-js'
import { api, call } from '../../http/client.ts'
import { createForm } from '../../forms/form.ts'
import { all, maxLength, newPassword, required, sameAs } from '../../forms/validate.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatDate } from '../../i18n/locale.ts'
import { AuthLayout } from '../../layout/AuthLayout.tsx'
import { useSession } from '../../session/session.tsx'
import { ErrorNotice, FormError, Loading } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'
import { notify } from '../../ui/toasts.tsx'
import { SignInForm } from './SignIn.tsx'

export default function Invite() {
  const { t, locale, pick } = useI18n()
  const params = useParams<{ token: string }>()
  const session = useSession()
  const navigate = useNavigate()
  const [info] = createResource(
    () => params.token,
    (token) => call(api.invitations[':token'].$get({ param: { token } })),
  )
  const bodyName = () => {
    const b = info()?.body
    return b ? pick(b.nameEn, b.nameZh).text : ''
  }
  const done = (created: boolean, me: Awaited<ReturnType<typeof session.signIn>>) => {
    session.setMe(me)
    notify.success(t('invite.welcome', { body: bodyName() }))
    navigate(`/bodies/${info()!.body.slug}`, { replace: true })
    if (created && me.user.locale !== locale()) void session.changeLocale(locale())
  }

  type V = { displayName: string; password: string; confirm: string }
  const create = createForm<V>(
    { displayName: '', password: '', confirm: '' },
    { displayName: all(required, maxLength(120)), password: newPassword, confirm: sameAs<V>((v) => v.password) },
    async (v) => {
      const me = await call(api.invitations[':token'].accept.$post({ param: { token: params.token }, json: { displayName: v.displayName.trim(), password: v.password } }))
      done(true, me)
    },
  )
  const [acceptError, setAcceptError] = createSignal<unknown>(null)
  const [accepting, setAccepting] = createSignal(false)
  const accept = async () => {
    setAccepting(true)
    setAcceptError(null)
    try {
      done(false, await call(api.invitations[':token'].accept.$post({ param: { token: params.token }, json: {} })))
    } catch (err) {
      setAcceptError(err)
    } finally {
      setAccepting(false)
    }
  }
  const sameEmail = () => session.user()?.email.toLowerCase() === info()?.email.toLowerCase()

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
      <Show when={info() && session.me.state !== 'pending' && session.me.state !== 'unresolved'} fallback={<Loading />}>
        <AuthLayout title={t('invite.title')} lead={t('invite.lead', { body: bodyName(), role: t(`roles.${info()!.role}`) })}>
          <p class="invite-meta">
            <span>{t('invite.forEmail', { email: info()!.email })}</span>
            <span class="muted">{t('invite.expires', { date: formatDate(info()!.expiresAt, locale()) })}</span>
          </p>
          <Switch>
            <Match when={session.user() && sameEmail()}>
              <p class="muted">{t('invite.signedInAs', { email: session.user()!.email })}</p>
              <FormError error={acceptError()} />
              <button type="button" class="btn btn-primary btn-block" disabled={accepting()} onClick={() => void accept()}>
                {accepting() ? t('invite.accepting') : t('invite.accept')}
              </button>
            </Match>
            <Match when={session.user()}>
              <p class="notice notice-warning">{t('invite.otherAccount', { email: info()!.email })}</p>
              <button type="button" class="btn" onClick={() => void session.signOut()}>
                {t('nav.signOut')}
              </button>
            </Match>
            <Match when={info()!.accountExists}>
              <p class="notice notice-info">{t('invite.signInFirst', { email: info()!.email })}</p>
              <SignInForm email={info()!.email} />
            </Match>
            <Match when={!info()!.accountExists}>
              <p class="muted">{t('invite.createLead')}</p>
              <form class="form" onSubmit={(e) => void create.submit(e)} novalidate>
                <input type="email" name="username" autocomplete="username" value={info()!.email} hidden readOnly />
                <TextField
                  label={t('auth.displayName')}
                  hint={t('auth.displayNameHint')}
                  autocomplete="name"
                  value={create.values.displayName}
                  onInput={(v) => create.set('displayName', v)}
                  error={create.error('displayName')}
                  required
                />
                <TextField
                  label={t('auth.password')}
                  type="password"
                  autocomplete="new-password"
                  hint={t('auth.passwordHint')}
                  value={create.values.password}
                  onInput={(v) => create.set('password', v)}
                  error={create.error('password')}
                  required
                />
                <TextField
                  label={t('auth.confirmPassword')}
                  type="password"
                  autocomplete="new-password"
                  value={create.values.confirm}
                  onInput={(v) => create.set('confirm', v)}
                  error={create.error('confirm')}
                  required
                />
                <FormError error={create.serverError()} />
                <button type="submit" class="btn btn-primary btn-block" disabled={create.pending()}>
                  {create.pending() ? t('invite.accepting') : t('invite.accept')}
                </button>
              </form>
            </Match>
          </Switch>
        </AuthLayout>
      </Show>
    </ErrorBoundary>
  )
}
