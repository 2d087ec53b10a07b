/**
 * Every refused authorization (403) leaves one `authz.denied` audit event, and it is written in one place:
 * the error handler calls `auditRefusal`, so a route cannot forget it, whichever layer refused (a guard
 * in api/, a rule in domain/, the cross-origin check). A guard that knows what was attempted throws
 * `Denied` to name the action and subject; any other 403 is described by its route and its `:id`.
 * The event is written after the route's transaction has rolled back, so it is never lost with it.
 */
import type { Context } from 'hono'
import { routePath } from 'hono/route'
import { recordAudit } from '../db/queries/audit.ts'
import { HubError } from '../domain/errors.ts'
import type { AppEnv } from './env.ts'

export interface RefusedSubject {
  type: string
  id: string | null
}

/** A 403 that says what was attempted on what, for its audit event. */
export class Denied extends HubError {
  constructor(
    readonly attempted: string,
    readonly subject: RefusedSubject,
    message = 'You are not allowed to do this.',
    code = 'forbidden',
  ) {
    super(403, code, message)
  }
}

/** Refusal of a permission action (`body.manage_members`…): the subject type is the action's prefix. */
export function denied(action: string, subjectId?: string | null, message?: string): Denied {
  return new Denied(action, { type: action.split('.')[0], id: subjectId ?? null }, message)
}

const SUBJECT_TYPES: Record<string, string> = {
  documents: 'document',
  comments: 'comment',
  'consensus-calls': 'consensus_call',
  bodies: 'body',
  invitations: 'invitation',
  institutions: 'institution',
  users: 'user',
  me: 'user',
  auth: 'user',
  audit: 'audit',
  publications: 'publication',
}

/** One-time tokens (32 base32 characters) never reach the audit log, even as part of a path. */
const redactTokens = (path: string) => path.replace(/\/[a-z2-7]{32}(?=\/|$)/g, '/:token')

export async function auditRefusal(c: Context<AppEnv>, err: HubError): Promise<void> {
  const deps = c.var.deps
  if (!deps) return
  const route = routePath(c, -1)
  const [, , resource = ''] = c.req.path.split('/')
  const attempted = err instanceof Denied ? err.attempted : `${c.req.method} ${route}`
  const subject: RefusedSubject =
    err instanceof Denied ? err.subject : { type: SUBJECT_TYPES[resource] ?? 'request', id: c.req.param('id') ?? null }
  try {
    await recordAudit(deps.db, deps.now(), {
      actorId: c.var.actor?.userId ?? null,
      action: 'authz.denied',
      subjectType: subject.type,
      subjectId: subject.id,
      data: { attempted, method: c.req.method, path: redactTokens(c.req.path), ...(err.code !== 'forbidden' && { code: err.code }) },
    })
  } catch (auditError) {
    // The refusal itself still goes out; a failed audit write is logged, not turned into a 500.
    console.error('[api] could not audit a refusal', c.req.method, c.req.path, auditError)
  }
}
