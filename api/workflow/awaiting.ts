/**
 * The documents awaiting a person's action, for the home page and the inbox alike: candidates loaded by
 * db/queries/home.ts, kept when domain/awaiting.ts gives a reason, with the person's standing in each body
 * from domain/permissions.ts (chairs(), so a committee's chairs see its programmes' documents).
 */
import type { Kysely } from 'kysely'
import { documentSubjectOf } from '../../db/queries/documents.ts'
import { awaitingCandidates } from '../../db/queries/home.ts'
import type { Database } from '../../db/schema.ts'
import { AWAITING_STATES, awaitingReason, type AwaitingReason } from '../../domain/awaiting.ts'
import { participantKey } from '../../domain/consensus.ts'
import { chairs, roleIn, type Actor } from '../../domain/permissions.ts'
import { PARTICIPATING_ROLES } from '../../domain/roles.ts'

type Candidate = Awaited<ReturnType<typeof awaitingCandidates>>[number]
export type Awaiting = Candidate & { reason: AwaitingReason }

export async function documentsAwaiting(db: Kysely<Database>, actor: Actor, institutionId: string | null, now: number, limit = 100): Promise<Awaiting[]> {
  const chaired = [...actor.roles].filter(([, role]) => role === 'chair').map(([id]) => id)
  const candidates = await awaitingCandidates(db, {
    bodyIds: [...actor.roles.keys()],
    chairedBodyIds: chaired,
    secretariat: actor.isSecretariat,
    participantKey: participantKey({ userId: actor.userId, institutionId }),
    states: AWAITING_STATES,
    limit: limit * 2,
  })
  const awaiting: Awaiting[] = []
  for (const d of candidates) {
    const body = documentSubjectOf(d).body
    const role = roleIn(actor, body)
    const reason = awaitingReason(
      { state: d.state, openCall: d.open_call_id && d.open_call_closes_at !== null ? { closesAt: d.open_call_closes_at } : null, positionStated: !!d.position_stated },
      { chairs: chairs(actor, body), participates: !!role && PARTICIPATING_ROLES.includes(role), secretariat: actor.isSecretariat },
      now,
    )
    if (reason) awaiting.push({ ...d, reason })
    if (awaiting.length === limit) break
  }
  return awaiting
}
