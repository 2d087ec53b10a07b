/**
 * One sentence per audit event, in the chosen language, for Home's activity and the audit log. The event's
 * data fills in what the sentence names (the state a document moved to, the finding, the stance, version
 * numbers), translated; an action this client does not know still reads sensibly ("Ana: some.action").
 */
import { FINDINGS, STANCES } from '../../domain/consensus.ts'
import { DOCUMENT_STATES } from '../../domain/lifecycle.ts'
import type { I18n } from '../i18n/i18n.tsx'
import type { WorkflowT } from './document/workflow-i18n.ts'
import { activityEn, type ActivityT } from './activity-i18n.ts'

export interface ActivityEvent {
  action: string
  actorName: string | null
  data: Record<string, unknown>
}

export interface ActivityTexts {
  a: ActivityT
  t: I18n['t']
  w: WorkflowT
}

type ActionKey = keyof typeof activityEn.actions
const isActionKey = (key: string): key is ActionKey => Object.hasOwn(activityEn.actions, key)
const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value)
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '')

/** The sentence to use: a few lifecycle moves have their own. */
export function activityKey(action: string, data: Record<string, unknown>): string {
  if (action !== 'document.transition') return action
  if (data.to === 'consensus_call') return 'document.transition:call_opened'
  if (data.from === 'consensus_call' && typeof data.finding === 'string') return 'document.transition:call_closed'
  if (data.to === 'draft' || data.to === 'published' || data.to === 'withdrawn') return `document.transition:${data.to}`
  return action
}

export function describeActivity(e: ActivityEvent, { a, t, w }: ActivityTexts): string {
  const actor = e.actorName ?? a('someone')
  const key = activityKey(e.action, e.data)
  if (!isActionKey(key)) return a('other', { actor, action: e.action })
  const d = e.data
  return a(`actions.${key}`, {
    actor,
    to: oneOf(DOCUMENT_STATES, d.to) ? t(`states.${d.to}`) : text(d.to),
    finding: oneOf(FINDINGS, d.finding) ? w(`consensus.findings.${d.finding}`) : text(d.finding),
    stance: oneOf(STANCES, d.stance) ? w(`consensus.stance.${d.stance}`) : text(d.stance),
    number: text(d.number),
    from: text(d.from),
    as: text(d.as),
  })
}
