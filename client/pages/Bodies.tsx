/** All bodies as a tree (committee → programmes), with member counts and my role. */
import { A } from '@solidjs/router'
import { createMemo, createResource, For, Show } from 'solid-js'
import { api, call } from '../http/client.ts'
import type { BodySummary } from '../http/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { PageHeader } from '../layout/PageHeader.tsx'
import { RoleBadge } from '../ui/badges.tsx'
import { Empty, ErrorNotice } from '../ui/feedback.tsx'
import { IconChevronRight } from '../ui/icons.ts'
import { Localized } from '../ui/Localized.tsx'
import { ErrorBoundary } from 'solid-js'
import { buildBodyTree, type TreeNode } from './bodies-tree.ts'

function BodyRow(props: { node: TreeNode<BodySummary> }) {
  const { t } = useI18n()
  const b = () => props.node.body
  return (
    <li>
      <A href={`/bodies/${b().slug}`} class="tree-row" style={{ 'text-decoration': 'none' }}>
        <div class="tree-row-main">
          <span class="tree-row-title">
            <Localized en={b().nameEn} zh={b().nameZh} />
          </span>
          <span class="tree-row-meta">
            <span>{t(`bodyKinds.${b().kind}`)}</span>
            <span aria-hidden="true">·</span>
            <span>{t('bodies.members', { count: b().memberCount })}</span>
          </span>
        </div>
        <Show when={b().myRole}>{(role) => <RoleBadge role={role()} />}</Show>
        <IconChevronRight size={16} class="link-row-chevron" aria-hidden="true" />
      </A>
      <Show when={props.node.children.length}>
        <ul>
          <For each={props.node.children}>{(child) => <BodyRow node={child} />}</For>
        </ul>
      </Show>
    </li>
  )
}

export default function Bodies() {
  const { t } = useI18n()
  const [data, { refetch }] = createResource(() => call(api.bodies.$get({ query: {} })))
  const tree = createMemo(() => buildBodyTree(data()?.bodies ?? []))
  return (
    <div class="page page-narrow">
      <PageHeader titleText={t('bodies.title')} title={t('bodies.title')} lead={t('bodies.lead')} />
      <ErrorBoundary fallback={(err) => <ErrorNotice error={err} onRetry={refetch} />}>
        <section class="card">
          <Show when={tree().length || !data()} fallback={<Empty>{t('bodies.empty')}</Empty>}>
            <ul class="tree" aria-label={t('bodies.title')}>
              <For each={tree()}>{(node) => <BodyRow node={node} />}</For>
            </ul>
          </Show>
        </section>
      </ErrorBoundary>
    </div>
  )
}
