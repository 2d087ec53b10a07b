/**
 * Which language to show: the account's choice once signed in; before that the last choice made in this
 * browser (localStorage), else the browser's own preference. Also the small formatting helpers that depend
 * on it (dates, countries, names given in both languages).
 */
import type { Locale } from '../../domain/roles.ts'

export const LOCALE_STORAGE_KEY = 'hub.locale'

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'zh'
}

export function detectLocale(stored: string | null | undefined, browserLanguages: readonly string[]): Locale {
  if (isLocale(stored)) return stored
  for (const lang of browserLanguages) {
    const l = lang.toLowerCase()
    if (l.startsWith('zh')) return 'zh'
    if (l.startsWith('en')) return 'en'
  }
  return 'en'
}

export function readStoredLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY)
  } catch {
    return null
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** BCP 47 tag for Intl and the `lang` attribute. */
export const langTag = (locale: Locale) => (locale === 'zh' ? 'zh-CN' : 'en-GB')

export interface LocalizedText {
  text: string
  /** The language the text is actually in (differs from the chosen one when it fell back). */
  lang: Locale
}

/** A name or title kept in both languages: the chosen one, else the other, else ''. */
export function pickLocalized(locale: Locale, en: string | null | undefined, zh: string | null | undefined): LocalizedText {
  const chosen = (locale === 'zh' ? zh : en)?.trim()
  if (chosen) return { text: chosen, lang: locale }
  const other = (locale === 'zh' ? en : zh)?.trim()
  if (other) return { text: other, lang: locale === 'zh' ? 'en' : 'zh' }
  return { text: '', lang: locale }
}

export function formatDate(iso: string, locale: Locale): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  // A bare date ("2026-03-01") is a calendar day, parsed as UTC midnight: shown in UTC it stays that day.
  const timeZone = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? 'UTC' : undefined
  return new Intl.DateTimeFormat(langTag(locale), { year: 'numeric', month: 'short', day: 'numeric', timeZone }).format(d)
}

export function formatDateTime(iso: string, locale: Locale): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return new Intl.DateTimeFormat(langTag(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(d)
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400_000],
  ['month', 30 * 86400_000],
  ['week', 7 * 86400_000],
  ['day', 86400_000],
  ['hour', 3600_000],
  ['minute', 60_000],
]

/** "3 hours ago" / "3小时前"; under a minute counts as now. */
export function relativeTime(iso: string, locale: Locale, now = Date.now()): string {
  const t = new Date(iso).getTime()
  if (Number.isNaN(t)) return ''
  const diff = t - now
  const format = new Intl.RelativeTimeFormat(langTag(locale), { numeric: 'auto' })
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.round(diff / ms), unit)
  }
  return format.format(0, 'minute')
}

const regionNames = new Map<Locale, Intl.DisplayNames>()
export function countryName(code: string | null | undefined, locale: Locale): string {
  if (!code) return ''
  let names = regionNames.get(locale)
  if (!names) {
    names = new Intl.DisplayNames([langTag(locale)], { type: 'region', fallback: 'code' })
    regionNames.set(locale, names)
  }
  try {
    return names.of(code.toUpperCase()) ?? code
  } catch {
    return code
  }
}
