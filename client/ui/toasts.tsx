/** Short confirmations ("Saved", "Invitation withdrawn") on Kobalte's toasts, announced politely. */
import { Toast, toaster } from '@kobalte/core/toast'
import { Portal } from 'solid-js/web'
import { IconAlert, IconCheck, IconX } from './icons.ts'

function show(kind: 'success' | 'error', message: string, closeLabel: string) {
  toaster.show((props) => (
    <Toast as="div" toastId={props.toastId} class={`toast toast-${kind}`} duration={kind === 'error' ? 8000 : 4000}>
      <span class="toast-icon" aria-hidden="true">
        {kind === 'success' ? <IconCheck size={16} /> : <IconAlert size={16} />}
      </span>
      <Toast.Description class="toast-text">{message}</Toast.Description>
      <Toast.CloseButton class="icon-btn icon-btn-sm" aria-label={closeLabel}>
        <IconX size={14} aria-hidden="true" />
      </Toast.CloseButton>
    </Toast>
  ))
}

let closeLabel = 'Close'
export const notify = {
  success: (message: string) => show('success', message, closeLabel),
  error: (message: string) => show('error', message, closeLabel),
  setCloseLabel: (label: string) => {
    closeLabel = label
  },
}

export function ToastRegion() {
  return (
    <Portal>
      <Toast.Region class="toast-region" swipeDirection="right">
        <Toast.List as="div" class="toast-list" />
      </Toast.Region>
    </Portal>
  )
}
