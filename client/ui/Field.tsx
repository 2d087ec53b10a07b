/** A labelled text input (or textarea) with its hint and error tied to it for screen readers. */
import { createUniqueId, Show, splitProps, type JSX } from 'solid-js'

interface FieldProps {
  label: string
  value: string
  onInput: (value: string) => void
  error?: string | null
  hint?: string
  type?: 'text' | 'email' | 'password' | 'url' | 'date' | 'search'
  name?: string
  autocomplete?: JSX.HTMLAutocomplete
  required?: boolean
  multiline?: boolean
  rows?: number
  maxLength?: number
  placeholder?: string
  autofocus?: boolean
  lang?: string
  disabled?: boolean
  optionalLabel?: string
  class?: string
}

export function TextField(props: FieldProps) {
  const id = createUniqueId()
  const [local] = splitProps(props, ['label', 'error', 'hint', 'multiline', 'onInput', 'optionalLabel', 'class'])
  const describedBy = () => [local.hint ? `${id}-hint` : '', local.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const common = () => ({
    id,
    name: props.name,
    value: props.value,
    required: props.required,
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    autofocus: props.autofocus,
    lang: props.lang,
    disabled: props.disabled,
    'aria-invalid': local.error ? true : undefined,
    'aria-describedby': describedBy(),
  })
  return (
    <div class={`field ${local.class ?? ''}`} classList={{ 'field-invalid': !!local.error }}>
      <label for={id}>
        {local.label}
        <Show when={local.optionalLabel}>
          <span class="field-optional"> ({local.optionalLabel})</span>
        </Show>
      </label>
      <Show
        when={local.multiline}
        fallback={
          <input
            {...common()}
            type={props.type ?? 'text'}
            autocomplete={props.autocomplete}
            onInput={(e) => local.onInput(e.currentTarget.value)}
          />
        }
      >
        <textarea {...common()} rows={props.rows ?? 4} onInput={(e) => local.onInput(e.currentTarget.value)} />
      </Show>
      <Show when={local.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {local.hint}
        </p>
      </Show>
      <Show when={local.error}>
        <p class="field-error" id={`${id}-error`}>
          {local.error}
        </p>
      </Show>
    </div>
  )
}
