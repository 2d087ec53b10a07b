/** The top of a page: where it sits (breadcrumb), its title, and its main actions. */
import { Show, type JSX } from 'solid-js'
import { usePageTitle } from './page-title.ts'

export function PageHeader(props: { title: JSX.Element; titleText: string; eyebrow?: JSX.Element; lead?: JSX.Element; actions?: JSX.Element }) {
  usePageTitle(() => props.titleText)
  return (
    <header class="page-header">
      <div class="page-header-text">
        <Show when={props.eyebrow}>
          <div class="eyebrow">{props.eyebrow}</div>
        </Show>
        <h1 class="page-title">{props.title}</h1>
        <Show when={props.lead}>
          <p class="page-lead">{props.lead}</p>
        </Show>
      </div>
      <Show when={props.actions}>
        <div class="page-actions">{props.actions}</div>
      </Show>
    </header>
  )
}
