/** Member institutions: add, edit, suspend or reinstate (secretariat). */
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js'
import type { InstitutionKind } from '../../../domain/roles.ts'
import { api, call } from '../../http/client.ts'
import type { Institution } from '../../http/types.ts'
import { createForm } from '../../forms/form.ts'
import { all, countryCode, maxLength, required } from '../../forms/validate.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { countryName, formatDate } from '../../i18n/locale.ts'
import { usePageTitle } from '../../layout/page-title.ts'
import { Choice } from '../../ui/Choice.tsx'
import { Empty, ErrorNotice, FormError } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'
import { IconPlus } from '../../ui/icons.ts'
import { Localized } from '../../ui/Localized.tsx'
import { Modal } from '../../ui/Modal.tsx'
import { createRowErrors } from '../../ui/row-errors.ts'
import { notify } from '../../ui/toasts.tsx'
import { institutionKindOptions } from '../body/options.ts'

type V = { nameEn: string; nameZh: string; kind: InstitutionKind; country: string; joinedOn: string }

function InstitutionDialog(props: { open: boolean; editing: Institution | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n()
  const empty: V = { nameEn: '', nameZh: '', kind: 'think_tank', country: '', joinedOn: '' }
  const form = createForm<V>(
    empty,
    { nameEn: all(required, maxLength(200)), nameZh: all(required, maxLength(200)), country: countryCode },
    async (v) => {
      const json = { nameEn: v.nameEn.trim(), nameZh: v.nameZh.trim(), kind: v.kind, country: v.country.trim().toUpperCase(), joinedOn: v.joinedOn || null }
      if (props.editing) await call(api.institutions[':id'].$patch({ param: { id: props.editing.id }, json }))
      else await call(api.institutions.$post({ json }))
      notify.success(t('admin.institutionSaved'))
      props.onSaved()
      props.onClose()
    },
  )
  const load = () => {
    const e = props.editing
    form.reset(e ? { nameEn: e.nameEn, nameZh: e.nameZh, kind: e.kind, country: e.country, joinedOn: e.joinedOn ?? '' } : empty)
  }
  createEffect(on(() => props.open, (open) => open && load()))
  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => !open && props.onClose()}
      title={props.editing ? t('admin.editInstitution') : t('admin.newInstitution')}
      size="lg"
    >
      <form class="form" onSubmit={(e) => void form.submit(e)} novalidate>
        <div class="form-grid">
          <TextField label={t('admin.nameEn')} lang="en" value={form.values.nameEn} onInput={(v) => form.set('nameEn', v)} error={form.error('nameEn')} required />
          <TextField label={t('admin.nameZh')} lang="zh-CN" value={form.values.nameZh} onInput={(v) => form.set('nameZh', v)} error={form.error('nameZh')} required />
        </div>
        <div class="form-grid">
          <Choice label={t('admin.kind')} value={form.values.kind} options={institutionKindOptions(t)} onChange={(v) => form.set('kind', v)} />
          <TextField
            label={t('admin.country')}
            value={form.values.country}
            onInput={(v) => form.set('country', v.toUpperCase())}
            error={form.error('country')}
            hint={countryName(form.values.country.length === 2 ? form.values.country : '', 'en') || t('validation.country')}
            maxLength={2}
            required
          />
          <TextField label={t('admin.joinedOn')} type="date" value={form.values.joinedOn} onInput={(v) => form.set('joinedOn', v)} optionalLabel={t('app.optional')} />
        </div>
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
    </Modal>
  )
}

export default function Institutions() {
  const { t, locale } = useI18n()
  usePageTitle(() => t('admin.institutions'))
  const [data, { refetch }] = createResource(() => call(api.institutions.$get({ query: {} })))
  const [dialog, setDialog] = createSignal<{ editing: Institution | null } | null>(null)
  const rowErrors = createRowErrors()
  const setStatus = async (inst: Institution, status: 'active' | 'suspended') => {
    if (await rowErrors.run(inst.id, () => call(api.institutions[':id'].$patch({ param: { id: inst.id }, json: { status } })))) void refetch()
  }
  return (
    <section class="stack" aria-label={t('admin.institutions')}>
      <div class="toolbar-row">
        <div class="topbar-spacer" />
        <button type="button" class="btn btn-primary" onClick={() => setDialog({ editing: null })}>
          <IconPlus size={16} aria-hidden="true" />
          {t('admin.newInstitution')}
        </button>
      </div>
      <Show when={!data.error} fallback={<ErrorNotice error={data.error} onRetry={refetch} />}>
        <Show when={data.latest?.institutions.length} fallback={<Empty>{t('app.none')}</Empty>}>
          <div class="table-wrap">
            <table class="table">
              <caption class="sr-only">{t('admin.institutions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('body.name')}</th>
                  <th scope="col">{t('admin.kind')}</th>
                  <th scope="col">{t('body.country')}</th>
                  <th scope="col">{t('admin.joinedOn')}</th>
                  <th scope="col">{t('admin.status')}</th>
                  <th scope="col">
                    <span class="sr-only">{t('body.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={data.latest!.institutions}>
                  {(inst) => (
                    <tr>
                      <td class="cell-main">
                        <Localized en={inst.nameEn} zh={inst.nameZh} />
                      </td>
                      <td>{t(`institutionKinds.${inst.kind}`)}</td>
                      <td>{countryName(inst.country, locale())}</td>
                      <td>{inst.joinedOn ? formatDate(inst.joinedOn, locale()) : '—'}</td>
                      <td>
                        <span class={`badge ${inst.status === 'active' ? 'badge-success' : 'badge-warning'}`}>{t(`admin.${inst.status}`)}</span>
                      </td>
                      <td class="actions">
                        <button type="button" class="btn btn-sm btn-ghost" onClick={() => setDialog({ editing: inst })}>
                          {t('admin.edit')}
                        </button>
                        <button type="button" class="btn btn-sm btn-ghost" onClick={() => void setStatus(inst, inst.status === 'active' ? 'suspended' : 'active')}>
                          {inst.status === 'active' ? t('admin.suspend') : t('admin.reinstate')}
                        </button>
                        <FormError error={rowErrors.error(inst.id)} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </Show>
      <InstitutionDialog open={!!dialog()} editing={dialog()?.editing ?? null} onClose={() => setDialog(null)} onSaved={() => void refetch()} />
    </section>
  )
}
