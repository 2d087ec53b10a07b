/** The append-only audit log: every change, sign-in, failed sign-in and refused authorization. */
import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'

export interface AuditEntry {
  actorId: string | null
  action: string
  subjectType: string
  subjectId?: string | null
  data?: Record<string, unknown>
}

export async function recordAudit(db: Kysely<Database>, at: number, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at,
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId ?? null,
      data: JSON.stringify(entry.data ?? {}),
    })
    .execute()
}

export interface AuditFilter {
  actorId?: string
  /** One action, or a family of them when it ends with '.' (every action that starts with it). */
  action?: string
  subjectType?: string
  subjectId?: string
  from?: number
  to?: number
  /** Keyset pagination: events with an id below this one. */
  before?: number
  limit: number
}

export function listAudit(db: Kysely<Database>, f: AuditFilter) {
  let q = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_id')
    .select([
      'audit_events.id',
      'audit_events.at',
      'audit_events.actor_id',
      'users.display_name as actor_name',
      'audit_events.action',
      'audit_events.subject_type',
      'audit_events.subject_id',
      'audit_events.data',
    ])
  if (f.actorId) q = q.where('audit_events.actor_id', '=', f.actorId)
  if (f.action?.endsWith('.')) {
    // A family ("invitation.") is every action starting with it: a range over the (action, id) index, not
    // LIKE, so no character of the name ('_' in join_request.) can act as a wildcard. '/' follows '.'.
    q = q.where('audit_events.action', '>=', f.action).where('audit_events.action', '<', `${f.action.slice(0, -1)}/`)
  } else if (f.action) q = q.where('audit_events.action', '=', f.action)
  if (f.subjectType) q = q.where('audit_events.subject_type', '=', f.subjectType)
  if (f.subjectId) q = q.where('audit_events.subject_id', '=', f.subjectId)
  if (f.from !== undefined) q = q.where('audit_events.at', '>=', f.from)
  if (f.to !== undefined) q = q.where('audit_events.at', '<', f.to)
  if (f.before !== undefined) q = q.where('audit_events.id', '<', f.before)
  return q.orderBy('audit_events.id', 'desc').limit(f.limit).execute()
}
