/** My profile: name and language, password change, and the browsers I am signed in on. */
import { createResource, For, Show } from 'solid-js'
import type { Locale } from '../../domain/roles.ts'
import { api, call } from '../http/client.ts'
import { createForm } from '../forms/form.ts'
import { all, maxLength, newPassword, required, sameAs } from '../forms/validate.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { formatDate, formatDateTime } from '../i18n/locale.ts'
import { PageHeader } from '../layout/PageHeader.tsx'
import { useSession } from '../session/session.tsx'
import { Choice } from '../ui/Choice.tsx'
import { ErrorNotice, FormError } from '../ui/feedback.tsx'
import { TextField } from '../ui/Field.tsx'
import { Localized } from '../ui/Localized.tsx'
import { createRowErrors } from '../ui/row-errors.ts'
import { notify } from '../ui/toasts.tsx'
import { localeOptions } from './body/options.ts'
import { describeUserAgent } from './user-agent.ts'

function DetailsForm() {
  const { t, locale } = useI18n()
  const session = useSession()
  const user = () => session.user()!
  const form = createForm(
    { displayName: user().displayName, locale: locale() as Locale },
    { displayName: all(required, maxLength(120)) },
    async (v) => {
      const next = await call(api.me.$patch({ json: { displayName: v.displayName.trim(), locale: v.locale } }))
      session.setMe(next)
      notify.success(t('profile.saved'))
    },
  )
  return (
    <section class="card" aria-labelledby="details-h">
      <h2 id="details-h" class="card-title">
        {t('profile.details')}
      </h2>
      <dl class="kv">
        <dt>{t('profile.email')}</dt>
        <dd>{user().email}</dd>
        <dt>{t('profile.institution')}</dt>
        <dd>
          <Localized en={user().institution?.nameEn} zh={user().institution?.nameZh} fallback={t('profile.noInstitution')} />
        </dd>
      </dl>
      <form class="form" onSubmit={(e) => void form.submit(e)} novalidate>
        <TextField
          label={t('auth.displayName')}
          autocomplete="name"
          value={form.values.displayName}
          onInput={(v) => form.set('displayName', v)}
          error={form.error('displayName')}
          maxLength={120}
          required
        />
        <Choice label={t('profile.language')} hint={t('profile.languageHint')} value={form.values.locale} options={localeOptions()} onChange={(v) => form.set('locale', v)} />
        <FormError error={form.serverError()} />
        <div class="btn-row">
          <button type="submit" class="btn btn-primary" disabled={form.pending()}>
            {form.pending() ? t('app.saving') : t('app.save')}
          </button>
        </div>
      </form>
    </section>
  )
}

function PasswordForm(props: { onChanged: () => void }) {
  const { t } = useI18n()
  type V = { currentPassword: string; newPassword: string; confirm: string }
  const form = createForm<V>(
    { currentPassword: '', newPassword: '', confirm: '' },
    { currentPassword: required, newPassword, confirm: sameAs<V>((v) => v.newPassword) },
    async (v) => {
      await call(api.me.password.$post({ json: { currentPassword: v.currentPassword, newPassword: v.newPassword } }))
      form.reset()
      notify.success(t('profile.passwordChanged'))
      props.onChanged()
    },
  )
  return (
    <section class="card" aria-labelledby="password-h">
      <h2 id="password-h" class="card-title">
        {t('profile.password')}
      </h2>
      <form class="form" onSubmit={(e) => void form.submit(e)} novalidate>
        <TextField
          label={t('profile.currentPassword')}
          type="password"
          autocomplete="current-password"
          value={form.values.currentPassword}
          onInput={(v) => form.set('currentPassword', v)}
          error={form.error('currentPassword')}
        />
        <div class="form-grid">
          <TextField
            label={t('auth.newPassword')}
            type="password"
            autocomplete="new-password"
            hint={t('auth.passwordHint')}
            value={form.values.newPassword}
            onInput={(v) => form.set('newPassword', v)}
            error={form.error('newPassword')}
          />
          <TextField
            label={t('auth.confirmPassword')}
            type="password"
            autocomplete="new-password"
            value={form.values.confirm}
            onInput={(v) => form.set('confirm', v)}
            error={form.error('confirm')}
          />
        </div>
        <FormError error={form.serverError()} />
        <div class="btn-row">
          <button type="submit" class="btn" disabled={form.pending()}>
            {t('profile.changePassword')}
          </button>
        </div>
      </form>
    </section>
  )
}

export default function Profile() {
  const { t, locale } = useI18n()
  const [sessions, { refetch }] = createResource(() => call(api.me.sessions.$get()))
  const revokeErrors = createRowErrors()
  const revoke = async (id: string) => {
    if (!(await revokeErrors.run(id, () => call(api.me.sessions[':id'].$delete({ param: { id } }))))) return
    notify.success(t('profile.revoked'))
    void refetch()
  }
  return (
    <div class="page page-narrow">
      <PageHeader titleText={t('profile.title')} title={t('profile.title')} />
      <DetailsForm />
      <PasswordForm onChanged={() => void refetch()} />
      <section class="card" aria-labelledby="sessions-h">
        <h2 id="sessions-h" class="card-title">
          {t('profile.sessions')}
        </h2>
        <p class="card-lead">{t('profile.sessionsLead')}</p>
        <Show when={!sessions.error} fallback={<ErrorNotice error={sessions.error} onRetry={refetch} />}>
          <ul class="plain-list sessions">
            <For each={sessions.latest?.sessions ?? []}>
              {(s) => (
                <li class="session-item">
                  <div class="session-main">
                    <span class="cell-main">
                      {describeUserAgent(s.userAgent) || t('profile.unknownDevice')}
                      <Show when={s.current}>
                        {' '}
                        <span class="badge badge-success">{t('profile.thisSession')}</span>
                      </Show>
                    </span>
                    <span class="cell-sub">
                      {t('profile.started', { date: formatDateTime(s.createdAt, locale()) })} · {t('profile.expires', { date: formatDate(s.expiresAt, locale()) })}
                    </span>
                  </div>
                  <Show when={!s.current}>
                    <button type="button" class="btn btn-sm" onClick={() => void revoke(s.id)}>
                      {t('profile.revoke')}
                    </button>
                  </Show>
                  <FormError error={revokeErrors.error(s.id)} />
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </div>
  )
}
