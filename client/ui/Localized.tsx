/** Text kept in both languages (titles, names): the chosen language, else the other, marked with its `lang`. */
import { Show } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import { langTag } from '../i18n/locale.ts'

export function Localized(props: { en: string | null | undefined; zh: string | null | undefined; fallback?: string }) {
  const i18n = useI18n()
  const picked = () => i18n.pick(props.en, props.zh)
  return (
    <Show when={picked().text} fallback={props.fallback ?? ''}>
      <Show when={picked().lang !== i18n.locale()} fallback={picked().text}>
        <span lang={langTag(picked().lang)}>{picked().text}</span>
      </Show>
    </Show>
  )
}
