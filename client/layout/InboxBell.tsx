/** The bell in the top bar: a link to the inbox with the number of unread notifications. */
import { A } from '@solidjs/router'
import IconBell from 'lucide-solid/icons/bell'
import { onCleanup, onMount, Show } from 'solid-js'
import { refreshUnread, unread } from '../pages/inbox/unread.ts'
import { useWorkflowT } from '../pages/document/workflow-i18n.ts'
import './inbox-bell.css'

const POLL_MS = 60_000

export function InboxBell() {
  const w = useWorkflowT()
  onMount(() => {
    void refreshUnread()
    const timer = setInterval(() => void refreshUnread(), POLL_MS)
    const onFocus = () => void refreshUnread()
    window.addEventListener('focus', onFocus)
    onCleanup(() => {
      clearInterval(timer)
      window.removeEventListener('focus', onFocus)
    })
  })
  return (
    // Named by hidden text, not aria-label: a visible count that is not the start of an aria-label makes
    // the name and what is seen disagree (axe: label-content-name-mismatch) for voice-control users.
    <A href="/inbox" class="icon-btn inbox-bell" title={w('inbox.title')}>
      <span class="sr-only">{w('inbox.bell', { count: unread() })}</span>
      <IconBell size={18} aria-hidden="true" />
      <Show when={unread() > 0}>
        <span class="inbox-count" aria-hidden="true">
          {unread() > 99 ? '99+' : unread()}
        </span>
      </Show>
    </A>
  )
}
