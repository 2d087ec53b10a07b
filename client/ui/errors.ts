/** Turns any thrown value into a sentence in the chosen language: known error codes are translated. */
import { ApiError } from '../http/client.ts'
import type { I18n } from '../i18n/i18n.tsx'
import { errorsEn, type ErrorCode } from '../i18n/error-messages.ts'

/** Own keys only: a code such as "constructor" must not match the object's prototype. */
export const isKnownErrorCode = (code: string): code is ErrorCode => Object.hasOwn(errorsEn, code)

export function errorMessage(err: unknown, t: I18n['t']): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('errors.network')
    if (isKnownErrorCode(err.code)) return t(`errors.${err.code}`)
    if (err.status === 404) return t('errors.notFound')
    if (err.status === 403) return t('errors.forbidden')
    if (err.status >= 500) return t('errors.generic')
    // A code this client does not know yet (an older client after a server update): the server's English
    // sentence says more than a generic one. tests/client/server-texts.test.ts keeps this path rare.
    return err.message || t('errors.generic')
  }
  return t('errors.generic')
}

export const errorCode = (err: unknown): string | null => (err instanceof ApiError ? err.code : null)
