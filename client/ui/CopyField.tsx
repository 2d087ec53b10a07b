/** A link shown read-only with a copy button (the hub sends no email: people pass links on themselves). */
import { createSignal, createUniqueId } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import { IconCheck, IconCopy } from './icons.ts'

export function CopyField(props: { label: string; value: string }) {
  const { t } = useI18n()
  const id = createUniqueId()
  const [copied, setCopied] = createSignal(false)
  let input!: HTMLInputElement
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value)
    } catch {
      input.select()
      document.execCommand('copy')
    }
    setCopied(true)
    setTimeout(() => setCopied(false), 2000)
  }
  return (
    <div class="field copy-field">
      <label for={id}>{props.label}</label>
      <div class="copy-row">
        <input id={id} ref={input} readOnly value={props.value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="btn" onClick={copy}>
          {copied() ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />}
          <span>{copied() ? t('app.copied') : t('app.copy')}</span>
        </button>
      </div>
    </div>
  )
}
