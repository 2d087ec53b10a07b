/** People (secretariat): find, add (with a set-password link), edit, disable, issue reset links. */
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js'
import type { Locale } from '../../../domain/roles.ts'
import { api, call } from '../../http/client.ts'
import type { User } from '../../http/types.ts'
import { createForm } from '../../forms/form.ts'
import { all, email, maxLength, required } from '../../forms/validate.ts'
import { LOCALE_NAMES } from '../../i18n/dictionary.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { usePageTitle } from '../../layout/page-title.ts'
import { Avatar } from '../../ui/Avatar.tsx'
import { Choice } from '../../ui/Choice.tsx'
import { CopyField } from '../../ui/CopyField.tsx'
import { Empty, ErrorNotice, FormError } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'
import { IconPlus, IconSearch } from '../../ui/icons.ts'
import { Localized } from '../../ui/Localized.tsx'
import { Modal } from '../../ui/Modal.tsx'
import { createRowErrors } from '../../ui/row-errors.ts'
import { notify } from '../../ui/toasts.tsx'
import { localeOptions } from '../body/options.ts'

type V = { email: string; displayName: string; institutionId: string; locale: Locale; isSecretariat: boolean }
const NONE = '-'

function PersonDialog(props: { open: boolean; editing: User | null; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n()
  const [institutions] = createResource(
    () => props.open,
    () => call(api.institutions.$get({ query: {} })),
  )
  const [link, setLink] = createSignal<string | null>(null)
  const empty: V = { email: '', displayName: '', institutionId: NONE, locale: 'en', isSecretariat: false }
  const form = createForm<V>(empty, { email: (v, a) => (props.editing ? null : email(v, a)), displayName: all(required, maxLength(120)) }, async (v) => {
    const institutionId = v.institutionId === NONE ? null : v.institutionId
    if (props.editing) {
      await call(
        api.users[':id'].$patch({ param: { id: props.editing.id }, json: { displayName: v.displayName.trim(), institutionId, locale: v.locale, isSecretariat: v.isSecretariat } }),
      )
      notify.success(t('admin.personSaved'))
      props.onSaved()
      props.onClose()
    } else {
      const res = await call(api.users.$post({ json: { email: v.email.trim(), displayName: v.displayName.trim(), institutionId, locale: v.locale, isSecretariat: v.isSecretariat } }))
      setLink(res.setPassword.link)
      props.onSaved()
    }
  })
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return
        setLink(null)
        const e = props.editing
        form.reset(e ? { email: e.email, displayName: e.displayName, institutionId: e.institution?.id ?? NONE, locale: e.locale, isSecretariat: e.isSecretariat } : empty)
      },
    ),
  )
  const institutionOptions = () => [
    { value: NONE, label: t('profile.noInstitution') },
    ...(institutions.latest?.institutions ?? []).map((i) => ({ value: i.id, label: pick(i.nameEn, i.nameZh).text })),
  ]
  return (
    <Modal open={props.open} onOpenChange={(open) => !open && props.onClose()} title={props.editing ? t('admin.editPerson') : t('admin.newPerson')} size="lg">
      <Show
        when={link()}
        fallback={
          <form class="form" onSubmit={(e) => void form.submit(e)} novalidate>
            <div class="form-grid">
              <TextField
                label={t('auth.email')}
                type="email"
                value={form.values.email}
                onInput={(v) => form.set('email', v)}
                error={form.error('email')}
                disabled={!!props.editing}
                required
              />
              <TextField label={t('body.name')} value={form.values.displayName} onInput={(v) => form.set('displayName', v)} error={form.error('displayName')} required />
            </div>
            <div class="form-grid">
              <Choice label={t('profile.institution')} value={form.values.institutionId} options={institutionOptions()} onChange={(v) => form.set('institutionId', v)} />
              <Choice label={t('profile.language')} value={form.values.locale} options={localeOptions()} onChange={(v) => form.set('locale', v)} />
            </div>
            <label class="checkbox">
              <input type="checkbox" checked={form.values.isSecretariat} onChange={(e) => form.set('isSecretariat', e.currentTarget.checked)} />
              {t('admin.secretariatRights')}
            </label>
            <FormError error={form.serverError()} />
            <div class="btn-row">
              <button type="button" class="btn" onClick={() => props.onClose()}>
                {t('app.cancel')}
              </button>
              <button type="submit" class="btn btn-primary" disabled={form.pending()}>
                {t('app.save')}
              </button>
            </div>
          </form>
        }
      >
        {(l) => (
          <div class="form">
            <p class="notice notice-success">{t('admin.personCreated')}</p>
            <CopyField label={form.values.email} value={l()} />
            <div class="btn-row">
              <button type="button" class="btn btn-primary" onClick={() => props.onClose()}>
                {t('app.close')}
              </button>
            </div>
          </div>
        )}
      </Show>
    </Modal>
  )
}

export default function People() {
  const { t } = useI18n()
  usePageTitle(() => t('admin.people'))
  const [query, setQuery] = createSignal('')
  const [search, setSearch] = createSignal('')
  const [data, { refetch }] = createResource(
    () => ({ q: search() }),
    ({ q }) => call(api.users.$get({ query: q ? { q } : {} })),
  )
  const [dialog, setDialog] = createSignal<{ editing: User | null } | null>(null)
  const [reset, setReset] = createSignal<{ name: string; link: string } | null>(null)

  // A refusal (the last secretariat account, your own account) is shown in that person's row.
  const rowErrors = createRowErrors()
  const act = async (id: string, fn: () => Promise<unknown>) => {
    if (await rowErrors.run(id, fn)) void refetch()
  }
  const resetLink = (u: User) =>
    act(u.id, async () => {
      const res = await call(api.users[':id']['password-reset'].$post({ param: { id: u.id } }))
      setReset({ name: u.displayName, link: res.link })
    })

  return (
    <section class="stack" aria-label={t('admin.people')}>
      <div class="toolbar-row">
        <form
          class="search-form"
          role="search"
          onSubmit={(e) => {
            e.preventDefault()
            setSearch(query().trim())
          }}
        >
          <TextField label={t('admin.searchPeople')} type="search" value={query()} onInput={setQuery} />
          <button type="submit" class="btn" aria-label={t('admin.search')}>
            <IconSearch size={16} aria-hidden="true" />
          </button>
        </form>
        <div class="topbar-spacer" />
        <button type="button" class="btn btn-primary" onClick={() => setDialog({ editing: null })}>
          <IconPlus size={16} aria-hidden="true" />
          {t('admin.newPerson')}
        </button>
      </div>
      <Show when={!data.error} fallback={<ErrorNotice error={data.error} onRetry={refetch} />}>
        <Show when={data.latest?.users.length} fallback={<Empty>{t('app.none')}</Empty>}>
          <div class="table-wrap">
            <table class="table">
              <caption class="sr-only">{t('admin.people')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('body.name')}</th>
                  <th scope="col">{t('profile.institution')}</th>
                  <th scope="col">{t('profile.language')}</th>
                  <th scope="col">{t('admin.status')}</th>
                  <th scope="col">
                    <span class="sr-only">{t('body.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={data.latest!.users}>
                  {(u) => (
                    <tr>
                      <td>
                        <span class="person">
                          <Avatar name={u.displayName} size="sm" />
                          <span>
                            <span class="cell-main">{u.displayName}</span>
                            <br />
                            <span class="cell-sub">{u.email}</span>
                          </span>
                        </span>
                      </td>
                      <td>
                        <Localized en={u.institution?.nameEn} zh={u.institution?.nameZh} fallback="—" />
                      </td>
                      <td>{LOCALE_NAMES[u.locale]}</td>
                      <td>
                        <span class="badge-row">
                          <Show when={u.isSecretariat}>
                            <span class="badge badge-accent">{t('admin.secretariat')}</span>
                          </Show>
                          <Show when={u.disabled}>
                            <span class="badge badge-danger">{t('admin.disabled')}</span>
                          </Show>
                          <Show when={!u.hasPassword && !u.disabled}>
                            <span class="badge badge-warning">{t('admin.noPassword')}</span>
                          </Show>
                          <Show when={!u.isSecretariat && !u.disabled && u.hasPassword}>
                            <span class="badge badge-success">{t('admin.active')}</span>
                          </Show>
                        </span>
                      </td>
                      <td class="actions">
                        <button type="button" class="btn btn-sm btn-ghost" onClick={() => setDialog({ editing: u })}>
                          {t('admin.edit')}
                        </button>
                        <Show when={!u.disabled}>
                          <button type="button" class="btn btn-sm btn-ghost" onClick={() => void resetLink(u)}>
                            {t('admin.resetLink')}
                          </button>
                        </Show>
                        <button
                          type="button"
                          class="btn btn-sm btn-ghost"
                          classList={{ 'btn-danger': !u.disabled }}
                          onClick={() =>
                            void act(u.id, () =>
                              u.disabled ? call(api.users[':id'].enable.$post({ param: { id: u.id } })) : call(api.users[':id'].disable.$post({ param: { id: u.id } })),
                            )
                          }
                        >
                          {u.disabled ? t('admin.enable') : t('admin.disable')}
                        </button>
                        <FormError error={rowErrors.error(u.id)} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </Show>
      <PersonDialog open={!!dialog()} editing={dialog()?.editing ?? null} onClose={() => setDialog(null)} onSaved={() => void refetch()} />
      <Modal open={!!reset()} onOpenChange={(open) => !open && setReset(null)} title={t('admin.resetLink')} size="md">
        <CopyField label={t('admin.resetLinkFor', { name: reset()?.name ?? '' })} value={reset()?.link ?? ''} />
      </Modal>
    </section>
  )
}
