/** The audit log, read and filtered by the secretariat. Newest first, paged by id. */
import { createRoute, z } from '@hono/zod-openapi'
import { listAudit } from '../../db/queries/audit.ts'
import { authorize } from '../middleware/require.ts'
import { errors, ok } from '../openapi.ts'
import { iso } from '../presenters/time.ts'
import { newRouter } from '../router.ts'
import { cachedJson } from '../read-cache.ts'
import { idParam } from '../schemas.ts'

const AuditEventSchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actor: z.object({ id: z.string(), displayName: z.string().nullable() }).nullable(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent')

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Audit'],
  summary: 'Audit events (secretariat); filter by actor, action (or "prefix." for a family), subject, time',
  request: {
    query: z.object({
      actor: idParam.optional(),
      // Action names are lowercase words joined by '_', '.' and '-' (suggestion.accept-all); a trailing '.' asks for a family.
      action: z.string().max(80).regex(/^[a-z_.-]+$/, 'must be an action name, or a family ending with "."').optional(),
      subjectType: z.string().max(40).regex(/^[a-z_]+$/).optional(),
      subject: idParam.optional(),
      from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
      to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: { 200: ok(z.object({ events: z.array(AuditEventSchema), nextBefore: z.number().nullable() })), ...errors },
})

export const auditRoutes = newRouter().openapi(list, async (c) => {
  await authorize(c, 'audit.read', {})
  const q = c.req.valid('query')
  return cachedJson(c, async () => {
    const rows = await listAudit(c.var.deps.db, {
      actorId: q.actor,
      action: q.action,
      subjectType: q.subjectType,
      subjectId: q.subject,
      from: q.from ? Date.parse(q.from) : undefined,
      to: q.to ? Date.parse(q.to) : undefined,
      before: q.before,
      limit: q.limit,
    })
    const events = rows.map((r) => ({
      id: r.id,
      at: iso(r.at),
      actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name } : null,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      data: JSON.parse(r.data) as Record<string, unknown>,
    }))
    return { events, nextBefore: rows.length === q.limit ? rows[rows.length - 1].id : null }
  })
})
