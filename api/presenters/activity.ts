/**
 * Home's activity feed: audit events about a person's bodies, for every member of them, observers too.
 * The audit record keeps the whole event (invitees' e-mail addresses, reasons, user ids) for the
 * secretariat's audit log; the feed carries only the facts its sentences name (client/pages/activity.ts:
 * the state or role moved to and from, the finding, the stance, a version number, who someone acted as).
 */
import { iso } from './time.ts'

const FEED_FACTS = ['to', 'from', 'finding', 'stance', 'number', 'as'] as const

export interface ActivityRow {
  id: number
  at: number
  action: string
  subject_type: string
  subject_id: string | null
  data: string
  actor_name: string | null
}

export function presentActivity(row: ActivityRow) {
  const data = JSON.parse(row.data) as Record<string, unknown>
  const facts: Record<string, unknown> = {}
  for (const key of FEED_FACTS) if (key in data) facts[key] = data[key]
  return { id: row.id, at: iso(row.at), actorName: row.actor_name, action: row.action, subjectType: row.subject_type, subjectId: row.subject_id, data: facts }
}
