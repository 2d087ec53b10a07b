/** Route guards: a signed-in actor, or the exact permission, with refused authorizations audited. */
import type { Context } from 'hono'
import { recordAudit } from '../../db/queries/audit.ts'
import { unauthenticated } from '../../domain/errors.ts'
import { can, type Action, type Actor } from '../../domain/permissions.ts'
import { forbidden } from '../../domain/errors.ts'
import type { AppEnv } from '../env.ts'

export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.var.actor
  if (!actor) throw unauthenticated()
  return actor
}

type Subject = Parameters<typeof can>[2]

/** Throws 403 (and writes an `authz.denied` audit event) unless the rules allow the action. */
export async function authorize(c: Context<AppEnv>, action: Action, subject: Subject, subjectId?: string): Promise<Actor> {
  const actor = requireActor(c)
  if (can(actor, action, subject)) return actor
  await auditDenied(c, actor, action, subjectId)
  throw forbidden()
}

export async function auditDenied(c: Context<AppEnv>, actor: Actor, action: string, subjectId?: string): Promise<void> {
  const { db, now } = c.var.deps
  await recordAudit(db, now(), {
    actorId: actor.userId,
    action: 'authz.denied',
    subjectType: action.split('.')[0],
    subjectId: subjectId ?? null,
    data: { attempted: action, method: c.req.method, path: c.req.path },
  })
}
