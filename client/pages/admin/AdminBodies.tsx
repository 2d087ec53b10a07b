/** Bodies (secretariat): create a body or a programme under one, rename, edit mandates, archive, restore. */
import { A } from '@solidjs/router'
import { createEffect, createMemo, createResource, createSignal, For, on, Show } from 'solid-js'
import type { BodyKind } from '../../../domain/roles.ts'
import { api, call } from '../../http/client.ts'
import type { BodySummary } from '../../http/types.ts'
import { createForm } from '../../forms/form.ts'
import { all, maxLength, required, slug } from '../../forms/validate.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { usePageTitle } from '../../layout/page-title.ts'
import { Choice } from '../../ui/Choice.tsx'
import { ErrorNotice, FormError } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'
import { IconPlus } from '../../ui/icons.ts'
import { Localized } from '../../ui/Localized.tsx'
import { Modal } from '../../ui/Modal.tsx'
import { createRowErrors } from '../../ui/row-errors.ts'
import { notify } from '../../ui/toasts.tsx'
import { bodyKindOptions } from '../body/options.ts'
import { buildBodyTree, type TreeNode } from '../bodies-tree.ts'

type V = { slug: string; kind: BodyKind; parentSlug: string; nameEn: string; nameZh: string; mandateEn: string; mandateZh: string }
const TOP = '-'

function BodyDialog(props: { open: boolean; editing: BodySummary | null; bodies: readonly BodySummary[]; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n()
  const empty: V = { slug: '', kind: 'working_group', parentSlug: TOP, nameEn: '', nameZh: '', mandateEn: '', mandateZh: '' }
  const form = createForm<V>(
    empty,
    {
      slug: (v, a) => (props.editing ? null : slug(v, a)),
      nameEn: all(required, maxLength(200)),
      nameZh: all(required, maxLength(200)),
      mandateEn: maxLength(5000),
      mandateZh: maxLength(5000),
    },
    async (v) => {
      const names = { nameEn: v.nameEn.trim(), nameZh: v.nameZh.trim(), mandateEn: v.mandateEn.trim(), mandateZh: v.mandateZh.trim() }
      if (props.editing) await call(api.bodies[':slug'].$patch({ param: { slug: props.editing.slug }, json: names }))
      else await call(api.bodies.$post({ json: { ...names, slug: v.slug, kind: v.kind, parentSlug: v.parentSlug === TOP ? null : v.parentSlug } }))
      notify.success(t('admin.bodySaved'))
      props.onSaved()
      props.onClose()
    },
  )
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return
        const e = props.editing
        form.reset(e ? { slug: e.slug, kind: e.kind, parentSlug: TOP, nameEn: e.nameEn, nameZh: e.nameZh, mandateEn: e.mandateEn, mandateZh: e.mandateZh } : empty)
      },
    ),
  )
  const parentOptions = () => [
    { value: TOP, label: t('admin.noParent') },
    ...props.bodies.filter((b) => b.parentId === null).map((b) => ({ value: b.slug, label: pick(b.nameEn, b.nameZh).text })),
  ]
  return (
    <Modal open={props.open} onOpenChange={(open) => !open && props.onClose()} title={props.editing ? t('admin.editBody') : t('admin.newBody')} size="lg">
      <form class="form" onSubmit={(e) => void form.submit(e)} novalidate>
        <Show when={!props.editing}>
          <div class="form-grid">
            <TextField label={t('admin.slug')} value={form.values.slug} onInput={(v) => form.set('slug', v.toLowerCase())} error={form.error('slug')} hint={t('validation.slug')} required />
            <Choice label={t('admin.kind')} value={form.values.kind} options={bodyKindOptions(t)} onChange={(v) => form.set('kind', v)} />
            <Choice label={t('admin.parent')} value={form.values.parentSlug} options={parentOptions()} onChange={(v) => form.set('parentSlug', v)} />
          </div>
        </Show>
        <div class="form-grid">
          <TextField label={t('admin.nameEn')} lang="en" value={form.values.nameEn} onInput={(v) => form.set('nameEn', v)} error={form.error('nameEn')} required />
          <TextField label={t('admin.nameZh')} lang="zh-CN" value={form.values.nameZh} onInput={(v) => form.set('nameZh', v)} error={form.error('nameZh')} required />
        </div>
        <TextField label={t('admin.mandateEn')} lang="en" multiline rows={3} value={form.values.mandateEn} onInput={(v) => form.set('mandateEn', v)} error={form.error('mandateEn')} />
        <TextField label={t('admin.mandateZh')} lang="zh-CN" multiline rows={3} value={form.values.mandateZh} onInput={(v) => form.set('mandateZh', v)} error={form.error('mandateZh')} />
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

export default function AdminBodies() {
  const { t } = useI18n()
  usePageTitle(() => t('admin.bodies'))
  const [data, { refetch }] = createResource(() => call(api.bodies.$get({ query: { archived: 'include' } })))
  const [dialog, setDialog] = createSignal<{ editing: BodySummary | null } | null>(null)
  const rows = createMemo(() => {
    const flat: { node: TreeNode<BodySummary>; depth: number }[] = []
    const walk = (nodes: TreeNode<BodySummary>[], depth: number) => nodes.forEach((node) => (flat.push({ node, depth }), walk(node.children, depth + 1)))
    walk(buildBodyTree(data.latest?.bodies ?? []), 0)
    return flat
  })
  const rowErrors = createRowErrors()
  const setArchived = async (b: BodySummary, archived: boolean) => {
    if (await rowErrors.run(b.id, () => call(api.bodies[':slug'].$patch({ param: { slug: b.slug }, json: { archived } })))) void refetch()
  }
  return (
    <section class="stack" aria-label={t('admin.bodies')}>
      <div class="toolbar-row">
        <div class="topbar-spacer" />
        <button type="button" class="btn btn-primary" onClick={() => setDialog({ editing: null })}>
          <IconPlus size={16} aria-hidden="true" />
          {t('admin.newBody')}
        </button>
      </div>
      <Show when={!data.error} fallback={<ErrorNotice error={data.error} onRetry={refetch} />}>
        <div class="table-wrap">
          <table class="table">
            <caption class="sr-only">{t('admin.bodies')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('body.name')}</th>
                <th scope="col">{t('admin.kind')}</th>
                <th scope="col">{t('body.members')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">
                  <span class="sr-only">{t('body.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {({ node, depth }) => (
                  <tr>
                    <td class="cell-main" style={{ 'padding-left': `calc(var(--space-4) + ${depth * 1.5}rem)` }}>
                      <A href={`/bodies/${node.body.slug}`}>
                        <Localized en={node.body.nameEn} zh={node.body.nameZh} />
                      </A>
                      <div class="cell-sub">{node.body.slug}</div>
                    </td>
                    <td>{t(`bodyKinds.${node.body.kind}`)}</td>
                    <td>{node.body.memberCount}</td>
                    <td>
                      <Show when={node.body.archivedAt} fallback={<span class="badge badge-success">{t('admin.active')}</span>}>
                        <span class="badge badge-warning">{t('bodies.archived')}</span>
                      </Show>
                    </td>
                    <td class="actions">
                      <button type="button" class="btn btn-sm btn-ghost" onClick={() => setDialog({ editing: node.body })}>
                        {t('admin.edit')}
                      </button>
                      <button type="button" class="btn btn-sm btn-ghost" onClick={() => void setArchived(node.body, !node.body.archivedAt)}>
                        {node.body.archivedAt ? t('admin.restore') : t('admin.archive')}
                      </button>
                      <FormError error={rowErrors.error(node.body.id)} />
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <BodyDialog
        open={!!dialog()}
        editing={dialog()?.editing ?? null}
        bodies={data.latest?.bodies ?? []}
        onClose={() => setDialog(null)}
        onSaved={() => void refetch()}
      />
    </section>
  )
}
