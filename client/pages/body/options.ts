/** Translated option lists for the choice fields. */
import { DOCUMENT_KINDS, INSTITUTION_KINDS, LOCALES, ROLES, BODY_KINDS } from '../../../domain/roles.ts'
import { LOCALE_NAMES } from '../../i18n/dictionary.ts'
import type { I18n } from '../../i18n/i18n.tsx'

export const roleOptions = (t: I18n['t']) => ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))
export const documentKindOptions = (t: I18n['t']) => DOCUMENT_KINDS.map((value) => ({ value, label: t(`documentKinds.${value}`) }))
export const institutionKindOptions = (t: I18n['t']) => INSTITUTION_KINDS.map((value) => ({ value, label: t(`institutionKinds.${value}`) }))
export const bodyKindOptions = (t: I18n['t']) => BODY_KINDS.map((value) => ({ value, label: t(`bodyKinds.${value}`) }))
export const localeOptions = () => LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))
