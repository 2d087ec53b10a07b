/** A single choice from a short list (roles, kinds, languages…), on Kobalte's accessible Select. */
import { Select } from '@kobalte/core/select'
import { Show } from 'solid-js'
import { IconCheck, IconChevronDown } from './icons.ts'

export interface ChoiceOption<T extends string> {
  value: T
  label: string
}

export function Choice<T extends string>(props: {
  label: string
  hideLabel?: boolean
  value: T
  options: readonly ChoiceOption<T>[]
  onChange: (value: T) => void
  hint?: string
  disabled?: boolean
  class?: string
  size?: 'sm'
}) {
  const selected = () => props.options.find((o) => o.value === props.value)
  return (
    <Select<ChoiceOption<T>>
      class={`field ${props.class ?? ''}`}
      options={props.options as ChoiceOption<T>[]}
      optionValue="value"
      optionTextValue="label"
      value={selected()}
      onChange={(o) => {
        if (o && o.value !== props.value) props.onChange(o.value)
      }}
      disabled={props.disabled}
      disallowEmptySelection
      gutter={4}
      sameWidth={false}
      itemComponent={(p) => (
        <Select.Item item={p.item} class="select-item">
          <Select.ItemLabel>{p.item.rawValue.label}</Select.ItemLabel>
          <Select.ItemIndicator class="select-item-indicator">
            <IconCheck size={14} aria-hidden="true" />
          </Select.ItemIndicator>
        </Select.Item>
      )}
    >
      <Select.Label class={props.hideLabel ? 'sr-only' : 'field-label'}>{props.label}</Select.Label>
      <Select.Trigger class="select-trigger" classList={{ 'select-trigger-sm': props.size === 'sm' }}>
        <Select.Value<ChoiceOption<T>> class="select-value">{(state) => state.selectedOption()?.label}</Select.Value>
        <Select.Icon class="select-icon">
          <IconChevronDown size={16} aria-hidden="true" />
        </Select.Icon>
      </Select.Trigger>
      <Show when={props.hint}>
        <Select.Description class="field-hint">{props.hint}</Select.Description>
      </Show>
      <Select.Portal>
        <Select.Content class="select-content">
          <Select.Listbox class="select-listbox" />
        </Select.Content>
      </Select.Portal>
    </Select>
  )
}
