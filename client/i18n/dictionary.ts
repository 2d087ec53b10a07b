/**
 * Dictionaries as flat key → string maps, with English as the fallback for anything the chosen language
 * lacks (an empty or missing string), so a gap in a translation shows English, never a raw key.
 */
import { flatten } from '@solid-primitives/i18n'
import type { Locale } from '../../domain/roles.ts'
import { en, type Messages } from './en.ts'
import { zh } from './zh.ts'

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', zh: '中文' }

const flatEn = flatten(en)
export type FlatMessages = typeof flatEn

/** `base` with every non-empty value of `overlay` on top. */
export function withFallback<T extends Record<string, unknown>>(base: T, overlay: Partial<Record<keyof T, unknown>>): T {
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(overlay)) {
    if (value === undefined || value === null || value === '') continue
    if (typeof value !== typeof base[key]) continue
    out[key] = value
  }
  return out as T
}

const cache = new Map<Locale, FlatMessages>()

export function dictionaryFor(locale: Locale, sources: Record<Locale, Messages> = { en, zh }): FlatMessages {
  const cached = sources.en === en && sources.zh === zh ? cache.get(locale) : undefined
  if (cached) return cached
  const dict = locale === 'en' ? flatten(sources.en) : withFallback(flatten(sources.en) as FlatMessages, flatten(sources[locale]) as Partial<FlatMessages>)
  if (sources.en === en && sources.zh === zh) cache.set(locale, dict as FlatMessages)
  return dict as FlatMessages
}
