/**
 * Route guards: a signed-in actor, or the exact permission. A refusal throws `Denied`, which the error
 * handler audits (audit-refusals.ts); `auditDenied` is for refusals answered with another status (a
 * document outside one's bodies is a 404, so its existence is not revealed).
 */
import type { Context } from 'hono'
import { recordAudit } from '../../db/queries/audit.ts'
import { unauthenticated } from '../../domain/errors.ts'
import { can, type Action, type Actor } from '../../domain/permissions.ts'
import { denied } from '../audit-refusals.ts'
import type { AppEnv } from '../env.ts'

export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor')
  if (!actor) throw unauthenticated()
  return actor
}

type Subject = Parameters<typeof can>[2]

/** Throws 403 (audited as `authz.denied` by the error handler) unless the rules allow the action. */
export async function authorize(c: Context<AppEnv>, action: Action, subject: Subject, subjectId?: string): Promise<Actor> {
  const actor = requireActor(c)
  if (can(actor, action, subject)) return actor
  throw denied(action, subjectId)
}

/** Audits a refusal that is not answered with 403 (those are audited by the error handler). */
export async function auditDenied(c: Context<AppEnv>, actor: Actor, action: string, subjectId?: string): Promise<void> {
  const { db, now } = c.get('deps')
  await recordAudit(db, now(), {
    actorId: actor.userId,
    action: 'authz.denied',
    subjectType: action.split('.')[0],
    subjectId: subjectId ?? null,
    data: { attempted: action, method: c.req.method, path: c.req.path },
  })
}
