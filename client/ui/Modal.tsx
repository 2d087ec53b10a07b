/** A dialog on Kobalte's Dialog: focus is trapped and returned, Escape closes, the title names it. */
import { Dialog } from '@kobalte/core/dialog'
import { Show, type JSX } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import { IconX } from './icons.ts'

export function Modal(props: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: string
  children: JSX.Element
  size?: 'sm' | 'md' | 'lg'
}) {
  const { t } = useI18n()
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <Dialog.Content class={`dialog dialog-${props.size ?? 'md'}`}>
            <div class="dialog-header">
              <Dialog.Title class="dialog-title">{props.title}</Dialog.Title>
              <Dialog.CloseButton class="icon-btn" aria-label={t('app.close')}>
                <IconX size={18} aria-hidden="true" />
              </Dialog.CloseButton>
            </div>
            <Show when={props.description}>
              <Dialog.Description class="dialog-description">{props.description}</Dialog.Description>
            </Show>
            {props.children}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  )
}
