/** The body's documents I may read, newest change first; members start new ones here. */
import { useNavigate } from '@solidjs/router'
import { createResource, createSignal, Show } from 'solid-js'
import type { DocumentKind, Locale } from '../../../domain/roles.ts'
import { api, call } from '../../http/client.ts'
import { createForm } from '../../forms/form.ts'
import { all, maxLength, oneOf } from '../../forms/validate.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { Choice } from '../../ui/Choice.tsx'
import { DocumentList } from '../../ui/DocumentList.tsx'
import { Empty, ErrorNotice, FormError, Loading } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'
import { IconFile, IconFilePlus } from '../../ui/icons.ts'
import { Modal } from '../../ui/Modal.tsx'
import { notify } from '../../ui/toasts.tsx'
import { documentKindOptions, localeOptions } from './options.ts'

function NewDocumentDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; slug: string }) {
  const { t, locale } = useI18n()
  const navigate = useNavigate()
  type Values = { kind: DocumentKind; titleEn: string; titleZh: string; language: Locale }
  const form = createForm<Values>(
    { kind: 'concept_paper', titleEn: '', titleZh: '', language: locale() },
    {
      titleEn: all(oneOf<Values>((v) => v.titleZh), maxLength(300)),
      titleZh: all(oneOf<Values>((v) => v.titleEn), maxLength(300)),
    },
    async (v) => {
      // The API wants both titles; one given is used for both until someone translates it.
      const titleEn = v.titleEn.trim() || v.titleZh.trim()
      const titleZh = v.titleZh.trim() || v.titleEn.trim()
      const doc = await call(api.bodies[':slug'].documents.$post({ param: { slug: props.slug }, json: { kind: v.kind, titleEn, titleZh, language: v.language } }))
      notify.success(t('documents.created'))
      props.onOpenChange(false)
      navigate(`/documents/${doc.id}`)
    },
  )
  return (
    <Modal open={props.open} onOpenChange={props.onOpenChange} title={t('documents.newTitle')} size="lg">
      <form class="form" onSubmit={(e) => void form.submit(e)} novalidate>
        <div class="form-grid">
          <Choice label={t('documents.kind')} value={form.values.kind} options={documentKindOptions(t)} onChange={(v) => form.set('kind', v)} />
          <Choice label={t('documents.language')} value={form.values.language} options={localeOptions()} onChange={(v) => form.set('language', v)} />
        </div>
        <TextField
          label={t('documents.titleEn')}
          lang="en"
          value={form.values.titleEn}
          onInput={(v) => form.set('titleEn', v)}
          error={form.error('titleEn')}
          hint={t('documents.titleHint')}
          maxLength={300}
        />
        <TextField
          label={t('documents.titleZh')}
          lang="zh-CN"
          value={form.values.titleZh}
          onInput={(v) => form.set('titleZh', v)}
          error={form.error('titleZh')}
          maxLength={300}
        />
        <FormError error={form.serverError()} />
        <div class="btn-row">
          <button type="button" class="btn" onClick={() => props.onOpenChange(false)}>
            {t('app.cancel')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={form.pending()}>
            {t('documents.create')}
          </button>
        </div>
      </form>
    </Modal>
  )
}

export function BodyDocuments(props: { slug: string; canCreate: boolean }) {
  const { t } = useI18n()
  const [open, setOpen] = createSignal(false)
  const [docs, { refetch }] = createResource(
    () => props.slug,
    (slug) => call(api.bodies[':slug'].documents.$get({ param: { slug } })),
  )
  return (
    <section class="card" aria-labelledby="documents-h">
      <div class="card-header">
        <h2 id="documents-h" class="card-title">
          <IconFile size={18} aria-hidden="true" />
          {t('body.documents')}
        </h2>
        <Show when={props.canCreate}>
          <button type="button" class="btn btn-sm" onClick={() => setOpen(true)}>
            <IconFilePlus size={14} aria-hidden="true" />
            {t('body.newDocument')}
          </button>
        </Show>
      </div>
      <Show when={!docs.error} fallback={<ErrorNotice error={docs.error} onRetry={refetch} />}>
        <Show when={docs.latest} fallback={<Loading inline />}>
          {(d) => (
            <Show when={d().documents.length} fallback={<Empty>{t('body.noDocuments')}</Empty>}>
              <DocumentList documents={d().documents} label={t('body.documents')} />
            </Show>
          )}
        </Show>
      </Show>
      <Show when={props.canCreate}>
        <NewDocumentDialog open={open()} onOpenChange={setOpen} slug={props.slug} />
      </Show>
    </section>
  )
}
