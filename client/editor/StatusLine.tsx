/** The connection and save status, announced politely; "All changes saved" only once the server confirmed. */
import { Match, Switch } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import { IconAlert, IconCheck, IconCloudOff, IconLoader, IconLock, IconWifi } from '../ui/icons.ts'
import type { SyncStatus } from './sync-status.ts'

const KEYS = {
  connecting: 'editor.status.connecting',
  live: 'editor.status.live',
  saving: 'editor.status.saving',
  saved: 'editor.status.saved',
  offline: 'editor.status.offline',
  'offline-kept': 'editor.status.offlineKept',
  'signed-out': 'editor.status.signedOut',
  'no-access': 'editor.status.noAccess',
  rejected: 'editor.status.rejected',
} as const

const HINTS: Partial<Record<SyncStatus, 'editor.statusHint.offlineKept' | 'editor.statusHint.signedOut' | 'editor.statusHint.noAccess' | 'editor.statusHint.rejected'>> = {
  'offline-kept': 'editor.statusHint.offlineKept',
  'signed-out': 'editor.statusHint.signedOut',
  'no-access': 'editor.statusHint.noAccess',
  rejected: 'editor.statusHint.rejected',
}

export function statusKey(status: SyncStatus) {
  return KEYS[status]
}

export function StatusLine(props: { status: SyncStatus }) {
  const { t } = useI18n()
  const hint = () => {
    const key = HINTS[props.status]
    return key ? t(key) : undefined
  }
  return (
    <div class={`status-line status-${props.status}`} role="status" aria-live="polite" title={hint()} data-status={props.status}>
      <Switch>
        <Match when={props.status === 'connecting' || props.status === 'saving'}>
          <IconLoader size={14} class="spin" aria-hidden="true" />
        </Match>
        <Match when={props.status === 'saved'}>
          <IconCheck size={14} aria-hidden="true" />
        </Match>
        <Match when={props.status === 'live'}>
          <IconWifi size={14} aria-hidden="true" />
        </Match>
        <Match when={props.status === 'offline' || props.status === 'offline-kept'}>
          <IconCloudOff size={14} aria-hidden="true" />
        </Match>
        <Match when={props.status === 'no-access' || props.status === 'signed-out'}>
          <IconLock size={14} aria-hidden="true" />
        </Match>
        <Match when={props.status === 'rejected'}>
          <IconAlert size={14} aria-hidden="true" />
        </Match>
      </Switch>
      <span class="status-text">{t(KEYS[props.status])}</span>
      <span class="sr-only">{hint()}</span>
    </div>
  )
}
