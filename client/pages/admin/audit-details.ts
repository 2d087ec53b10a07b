/**
 * An audit event's data, for people: each field the server records gets a label and a value in the
 * chosen language. Codes become words (states, roles, kinds, stances, findings, languages, countries),
 * ids become names where the admin already has the list (people, institutions, bodies), dates are
 * formatted, technical ids that mean nothing to a reader (request, thread, call ids) are left out. A field
 * this client does not know is still shown, as it was recorded.
 */
import { FINDINGS, STANCES } from '../../../domain/consensus.ts'
import { DOCUMENT_STATES } from '../../../domain/lifecycle.ts'
import { BODY_KINDS, DOCUMENT_KINDS, INSTITUTION_KINDS, ROLES } from '../../../domain/roles.ts'
import { LOCALE_NAMES } from '../../i18n/dictionary.ts'
import type { I18n } from '../../i18n/i18n.tsx'
import { countryName, formatDate, formatDateTime, isLocale } from '../../i18n/locale.ts'
import { isKnownErrorCode } from '../../ui/errors.ts'
import type { WorkflowT } from '../document/workflow-i18n.ts'
import { auditEn, type AuditT } from './audit-i18n.ts'

export interface Names {
  person(id: string): string | null
  institution(id: string): string | null
  body(id: string): string | null
}

export interface DetailContext {
  t: I18n['t']
  w: WorkflowT
  d: AuditT
  locale: ReturnType<I18n['locale']>
  names: Names
}

export interface Detail {
  label: string
  value: string
}

/** Ids and parts shown elsewhere: they would only be noise in a sentence for people. */
const HIDDEN = new Set(['requestId', 'invitationId', 'threadId', 'callId', 'versionId', 'method', 'path'])

const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v)
const raw = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v))
const shortId = (id: string) => `${id.slice(0, 8)}…`

function formatValue(key: string, v: unknown, e: { action: string; subjectType: string }, c: DetailContext): string {
  const { t, w, d, locale, names } = c
  if (typeof v === 'boolean') return v ? d('yes') : d('no')
  if ((key === 'from' || key === 'to') && e.action === 'document.transition' && oneOf(DOCUMENT_STATES, v)) return t(`states.${v}`)
  if ((key === 'from' || key === 'to' || key === 'role') && oneOf(ROLES, v)) return t(`roles.${v}`)
  if (key === 'kind' && e.subjectType === 'institution' && oneOf(INSTITUTION_KINDS, v)) return t(`institutionKinds.${v}`)
  if (key === 'kind' && e.subjectType === 'body' && oneOf(BODY_KINDS, v)) return t(`bodyKinds.${v}`)
  if (key === 'kind' && oneOf(DOCUMENT_KINDS, v)) return t(`documentKinds.${v}`)
  if (key === 'stance' && oneOf(STANCES, v)) return w(`consensus.stance.${v}`)
  if (key === 'finding' && oneOf(FINDINGS, v)) return w(`consensus.findings.${v}`)
  if (key === 'locale' && isLocale(v)) return LOCALE_NAMES[v]
  if (key === 'country' && typeof v === 'string') return countryName(v, locale)
  if (key === 'status' && (v === 'active' || v === 'suspended')) return t(`admin.${v}`)
  if (key === 'via' && (v === 'environment' || v === 'setup_link')) return d(`via.${v}`)
  if (key === 'code' && typeof v === 'string' && isKnownErrorCode(v)) return t(`errors.${v}`)
  if (key === 'closesAt' && typeof v === 'string') return formatDateTime(v, locale)
  if (key === 'joinedOn' && typeof v === 'string') return formatDate(v, locale)
  if (key === 'sha256' && typeof v === 'string') return `${v.slice(0, 12)}…`
  if (key === 'userId' && typeof v === 'string') return names.person(v) ?? shortId(v)
  if (key === 'institutionId' && typeof v === 'string') return names.institution(v) ?? shortId(v)
  if (key === 'bodyId' && typeof v === 'string') return names.body(v) ?? shortId(v)
  if (key === 'participantKey' && typeof v === 'string') {
    // "institution:<id>" or "person:<id>" (someone without an institution counts as their own).
    const [kind, id = ''] = v.split(':')
    return (kind === 'institution' ? names.institution(id) : names.person(id)) ?? shortId(id)
  }
  return raw(v)
}

const isField = (key: string): key is keyof typeof auditEn.fields => Object.hasOwn(auditEn.fields, key)

export function auditDetails(e: { action: string; subjectType: string; data: Record<string, unknown> }, c: DetailContext): Detail[] {
  const out: Detail[] = []
  const data = e.data
  for (const [key, v] of Object.entries(data)) {
    if (HIDDEN.has(key) || v === null || v === undefined || v === '') continue
    if (key === 'slug' && e.action === 'document.transition') {
      out.push({ label: c.d('fields.publication'), value: `/p/${raw(v)}${data.edition ? ` · ${c.d('fields.edition')} ${raw(data.edition)}` : ''}` })
      continue
    }
    if (key === 'edition' && e.action === 'document.transition') continue
    out.push({ label: isField(key) ? c.d(`fields.${key}`) : key, value: formatValue(key, v, e, c) })
  }
  if (typeof data.method === 'string' && typeof data.path === 'string') out.push({ label: c.d('fields.request'), value: `${data.method} ${data.path}` })
  return out
}
