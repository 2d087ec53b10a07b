/** Turns any thrown value into a sentence in the chosen language: known error codes are translated. */
import { ApiError } from '../http/client.ts'
import type { I18n } from '../i18n/i18n.tsx'
import { en } from '../i18n/en.ts'

type ErrorKey = keyof typeof en.errors

export function errorMessage(err: unknown, t: I18n['t']): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('errors.network')
    if (err.code in en.errors) return t(`errors.${err.code as ErrorKey}`)
    if (err.status === 404) return t('errors.notFound')
    if (err.status === 403) return t('errors.forbidden')
    if (err.status >= 500) return t('errors.generic')
    // A validation message from the server names the field; better than nothing, in English.
    return err.message || t('errors.generic')
  }
  return t('errors.generic')
}

export const errorCode = (err: unknown): string | null => (err instanceof ApiError ? err.code : null)
