/**
 * Form checks run in the browser before a request, mirroring the server's zod rules (api/schemas.ts) so
 * people see a clear message next to the field instead of a round trip. Each check answers a message key
 * (translated by the form) or null. The server still decides; its errors are shown too.
 */
import type { en } from '../i18n/en.ts'
import { safeHref } from '../../domain/content-rules.ts'

export type ValidationKey = `validation.${keyof typeof en.validation}`
export type Check<V, All> = (value: V, all: All) => ValidationKey | null

export const required: Check<string, unknown> = (v) => (v.trim() ? null : 'validation.required')

export const email: Check<string, unknown> = (v) => {
  const s = v.trim()
  if (!s) return 'validation.required'
  if (s.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) return 'validation.email'
  return null
}

/** The server's rule: 10 to 256 characters. */
export const newPassword: Check<string, unknown> = (v) => {
  if (!v) return 'validation.required'
  if (v.length < 10) return 'validation.passwordLength'
  if (v.length > 256) return 'validation.tooLong'
  return null
}

export const sameAs =
  <All>(other: (all: All) => string): Check<string, All> =>
  (v, all) =>
    v === other(all) ? null : 'validation.passwordMismatch'

export const maxLength =
  (max: number): Check<string, unknown> =>
  (v) =>
    v.trim().length > max ? 'validation.tooLong' : null

export const slug: Check<string, unknown> = (v) => {
  if (!v.trim()) return 'validation.required'
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v) && v.length >= 2 && v.length <= 60 ? null : 'validation.slug'
}

export const countryCode: Check<string, unknown> = (v) => (/^[A-Za-z]{2}$/.test(v.trim()) ? null : 'validation.country')

/** Links in documents: the one rule of what a document may link to (domain/content-rules.ts). */
export const linkUrl: Check<string, unknown> = (v) => {
  if (!v.trim()) return 'validation.required'
  return safeHref(v) === null ? 'validation.url' : null
}

/** At least one of two fields filled (a title in English or Chinese). */
export const oneOf =
  <All>(other: (all: All) => string): Check<string, All> =>
  (v, all) =>
    v.trim() || other(all).trim() ? null : 'validation.required'

export const all =
  <V, All>(...checks: Check<V, All>[]): Check<V, All> =>
  (v, a) => {
    for (const check of checks) {
      const r = check(v, a)
      if (r) return r
    }
    return null
  }

export type Rules<T> = { [K in keyof T]?: Check<T[K], T> }
export type Errors<T> = Partial<Record<keyof T, ValidationKey>>

export function validate<T extends Record<string, unknown>>(values: T, rules: Rules<T>): Errors<T> {
  const errors: Errors<T> = {}
  for (const key of Object.keys(rules) as (keyof T)[]) {
    const check = rules[key]
    const result = check?.(values[key], values)
    if (result) errors[key] = result
  }
  return errors
}

export const isValid = <T>(errors: Errors<T>) => Object.keys(errors).length === 0
