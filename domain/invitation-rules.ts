/**
 * An invitation link works once, for 14 days, unless revoked or its body was archived, and only while the
 * person who sent it may still manage the body's members. Accepting it never lowers a role the person
 * already holds in the body (they may have joined another way meanwhile).
 */
import { gone } from './errors.ts'
import { can, type Actor, type BodySubject } from './permissions.ts'
import type { Role } from './roles.ts'
import { DAY_MS } from './session-policy.ts'

export const INVITATION_TTL_MS = 14 * DAY_MS

export function assertInvitationUsable(
  inv: { accepted_at: number | null; revoked_at: number | null; expires_at: number; body_archived_at: number | null },
  now: number,
): void {
  if (inv.accepted_at !== null) throw gone('invitation_used', 'This invitation has already been accepted.')
  if (inv.revoked_at !== null) throw gone('invitation_revoked', 'This invitation was withdrawn by the chair.')
  if (inv.expires_at <= now) throw gone('invitation_expired', 'This invitation has expired. Ask the chair for a new one.')
  if (inv.body_archived_at !== null) throw gone('body_archived', 'This body has been archived.')
}

/**
 * An invitation carries its sender's authority: once they may no longer manage the body's members
 * (removed, demoted, account disabled), their open invitations no longer hold, or a chair who was removed
 * could still bring people in, as chairs too.
 */
export function senderMayStillInvite(sender: Actor | null, body: BodySubject): boolean {
  return sender !== null && can(sender, 'body.manage_members', { body })
}

export function assertSenderMayStillInvite(sender: Actor | null, body: BodySubject): void {
  if (!senderMayStillInvite(sender, body)) {
    throw gone('invitation_withdrawn', 'Whoever sent this invitation can no longer manage this body, so it no longer holds. Ask a chair for a new one.')
  }
}

const RANK: Record<Role, number> = { observer: 1, member: 2, chair: 3 }

/** The role after accepting an invitation for `invited`: the higher of it and the current one. */
export function roleAfterAccepting(current: Role | undefined, invited: Role): Role {
  return current && RANK[current] >= RANK[invited] ? current : invited
}
