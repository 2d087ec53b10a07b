/** Home's activity feed: audit events about a person's bodies, with what the feed may show of each. */
import type { activityInBodies } from '../../db/queries/home.ts'
import { feedFacts } from '../../domain/activity-feed.ts'
import { iso } from './time.ts'

type ActivityRow = Awaited<ReturnType<typeof activityInBodies>>[number]

export function presentActivity(row: ActivityRow) {
  const data = feedFacts(JSON.parse(row.data) as Record<string, unknown>)
  return { id: row.id, at: iso(row.at), actorName: row.actor_name, action: row.action, subjectType: row.subject_type, subjectId: row.subject_id, data }
}
