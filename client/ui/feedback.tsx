/** In-place states: loading, an error with a retry, an empty list. Never a blank page. */
import { Show, type JSX } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import { errorMessage } from './errors.ts'
import { IconAlert, IconLoader } from './icons.ts'

export function Loading(props: { label?: string; inline?: boolean }) {
  const { t } = useI18n()
  return (
    <div class={props.inline ? 'loading loading-inline' : 'loading'} role="status">
      <IconLoader size={18} class="spin" aria-hidden="true" />
      <span>{props.label ?? t('app.loading')}</span>
    </div>
  )
}

export function ErrorNotice(props: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useI18n()
  return (
    <div class="notice notice-error" role="alert">
      <IconAlert size={18} aria-hidden="true" />
      <div class="notice-body">
        <Show when={props.title}>
          <p class="notice-title">{props.title}</p>
        </Show>
        <p>{errorMessage(props.error, t)}</p>
        <Show when={props.onRetry}>
          <button type="button" class="btn btn-sm" onClick={() => props.onRetry?.()}>
            {t('app.retry')}
          </button>
        </Show>
      </div>
    </div>
  )
}

/** A form-level error right above the submit button, announced when it appears. */
export function FormError(props: { error: unknown }) {
  const { t } = useI18n()
  return (
    <Show when={props.error}>
      <p class="form-error" role="alert">
        <IconAlert size={16} aria-hidden="true" />
        <span>{errorMessage(props.error, t)}</span>
      </p>
    </Show>
  )
}

export function Empty(props: { children: JSX.Element }) {
  return <p class="empty">{props.children}</p>
}
