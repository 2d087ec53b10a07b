/**
 * One guarded password check, for sign-in and for the current password on a password change: the
 * throttle slot is taken before the (slow) check, and a locked-out email gets 429 with Retry-After,
 * audited, without the password being looked at.
 */
import type { Context } from 'hono'
import { recordAudit } from '../../db/queries/audit.ts'
import { HubError } from '../../domain/errors.ts'
import type { AppEnv } from '../env.ts'
import type { Attempt } from './throttle.ts'

export async function reservePasswordAttempt(
  c: Context<AppEnv>,
  email: string,
  audit: { action: string; actorId: string | null; subjectId?: string | null },
): Promise<Attempt> {
  const { db, now, throttle } = c.var.deps
  const address = email.trim().toLowerCase()
  const attempt = throttle.reserve(address, now())
  if (attempt.ok) return attempt
  await recordAudit(db, now(), { actorId: audit.actorId, action: audit.action, subjectType: 'user', subjectId: audit.subjectId ?? null, data: { email: address } })
  c.header('Retry-After', String(Math.ceil(attempt.retryAfterMs / 1000)))
  throw new HubError(429, 'too_many_attempts', 'Too many failed password attempts. Try again later.')
}
