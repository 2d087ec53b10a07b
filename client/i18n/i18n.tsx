/**
 * The language of the interface: a signal every string reads, so switching re-renders text in place
 * (nothing reloads, nothing typed is lost). The choice is remembered in this browser; the session module
 * also stores it on the account.
 */
import { resolveTemplate, translator } from '@solid-primitives/i18n'
import { createContext, createEffect, createMemo, createSignal, useContext, type Accessor, type ParentProps } from 'solid-js'
import type { Locale } from '../../domain/roles.ts'
import { dictionaryFor } from './dictionary.ts'
import { detectLocale, langTag, pickLocalized, readStoredLocale, storeLocale, type LocalizedText } from './locale.ts'

function createI18n(initial: Locale) {
  const [locale, setLocaleSignal] = createSignal<Locale>(initial)
  const dict = createMemo(() => dictionaryFor(locale()))
  const t = translator(dict, resolveTemplate)
  return {
    locale: locale as Accessor<Locale>,
    t,
    setLocale(next: Locale) {
      storeLocale(next)
      setLocaleSignal(next)
    },
    /** A name or title kept in both languages, in the chosen one when it exists. */
    pick: (en: string | null | undefined, zh: string | null | undefined): LocalizedText => pickLocalized(locale(), en, zh),
  }
}

export type I18n = ReturnType<typeof createI18n>
const I18nContext = createContext<I18n>()

export function I18nProvider(props: ParentProps<{ initial?: Locale }>) {
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language])
  const i18n = createI18n(props.initial ?? detectLocale(readStoredLocale(), browser))
  createEffect(() => {
    document.documentElement.lang = langTag(i18n.locale())
  })
  return <I18nContext.Provider value={i18n}>{props.children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('useI18n outside I18nProvider')
  return i18n
}
