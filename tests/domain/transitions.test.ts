/**
 * The transition table, exhaustively: every state × every role × every target → allowed, or the exact
 * error. The expectation is written from DESIGN.md §4 independently of the table in domain/lifecycle.ts.
 */
import { describe, expect, it } from 'vitest'
import { HubError } from '../../domain/errors.ts'
import { DOCUMENT_STATES, type DocumentState } from '../../domain/lifecycle.ts'
import type { Actor, DocumentSubject } from '../../domain/permissions.ts'
import { checkTransition } from '../../domain/transitions.ts'

const BODY = { id: 'wg', parentId: 'committee', parentKind: 'committee' as const, archived: false }
const ROLES: Record<string, Actor> = {
  outsider: { userId: 'o', isSecretariat: false, roles: new Map() },
  observer: { userId: 'v', isSecretariat: false, roles: new Map([['wg', 'observer']]) },
  member: { userId: 'm', isSecretariat: false, roles: new Map([['wg', 'member']]) },
  chair: { userId: 'c', isSecretariat: false, roles: new Map([['wg', 'chair']]) },
  committeeChair: { userId: 'p', isSecretariat: false, roles: new Map([['committee', 'chair']]) },
  secretariat: { userId: 's', isSecretariat: true, roles: new Map() },
}
const isChair = (role: string) => role === 'chair' || role === 'committeeChair'

/** What DESIGN.md §4 says, as a function: the expected outcome with a reason given. */
function expected(from: DocumentState, to: DocumentState, role: string): string {
  const chairMoves: Record<string, DocumentState[]> = {
    draft: ['consultation', 'withdrawn'],
    consultation: ['consensus_call', 'draft', 'withdrawn'],
    consensus_call: ['agreed', 'draft', 'withdrawn'],
    agreed: ['submitted', 'draft', 'withdrawn'],
    submitted: ['withdrawn'],
    published: ['draft'],
    withdrawn: [],
  }
  const secretariatMoves: Record<string, DocumentState[]> = { submitted: ['published', 'draft'] }
  const byChair = chairMoves[from].includes(to)
  const bySecretariat = (secretariatMoves[from] ?? []).includes(to)
  const canChair = isChair(role)
  const canSecretariat = role === 'secretariat'
  if (byChair && canChair) return from === 'consultation' && to === 'consensus_call' ? '409 use_open_call' : from === 'consensus_call' && to === 'agreed' ? '409 use_close_call' : 'ok'
  if (bySecretariat && canSecretariat) return 'ok'
  if (byChair || bySecretariat) return '403 forbidden'
  const anywhereChair = Object.values(chairMoves).some((t) => t.includes(to))
  const anywhereSecretariat = Object.values(secretariatMoves).some((t) => t.includes(to))
  return (canChair && anywhereChair) || (canSecretariat && anywhereSecretariat) ? '409 invalid_transition' : '403 forbidden'
}

function outcome(actor: Actor, from: DocumentState, to: DocumentState): string {
  const doc: DocumentSubject = { body: BODY, state: from }
  try {
    checkTransition(actor, doc, to, 'because')
    return 'ok'
  } catch (e) {
    if (e instanceof HubError) return `${e.status} ${e.code}`
    throw e
  }
}

const table = DOCUMENT_STATES.flatMap((from) => DOCUMENT_STATES.flatMap((to) => Object.keys(ROLES).map((role) => ({ from, to, role }))))

describe(`transition table (${DOCUMENT_STATES.length} states × ${DOCUMENT_STATES.length} targets × ${Object.keys(ROLES).length} roles = ${table.length} cases)`, () => {
  it('every case gives exactly the expected outcome', () => {
    const mismatches = table
      .map(({ from, to, role }) => ({ from, to, role, want: expected(from, to, role), got: outcome(ROLES[role], from, to) }))
      .filter((r) => r.want !== r.got)
      .map((r) => `${r.role}: ${r.from} → ${r.to}: expected ${r.want}, got ${r.got}`)
    expect(mismatches).toEqual([])
  })

  it('moves back to draft and withdrawals need a reason', () => {
    const chair = ROLES.chair
    for (const from of ['consultation', 'agreed', 'published'] as const) {
      expect(() => checkTransition(chair, { body: BODY, state: from }, 'draft', '  ')).toThrow(expect.objectContaining({ code: 'reason_required' }))
    }
    expect(() => checkTransition(chair, { body: BODY, state: 'draft' }, 'withdrawn', undefined)).toThrow(expect.objectContaining({ code: 'reason_required' }))
    expect(() => checkTransition(ROLES.secretariat, { body: BODY, state: 'submitted' }, 'draft', '')).toThrow(expect.objectContaining({ code: 'reason_required' }))
    expect(checkTransition(chair, { body: BODY, state: 'draft' }, 'consultation', undefined).to).toBe('consultation')
  })

  it('opening and closing a call are allowed on their own routes only', () => {
    expect(checkTransition(ROLES.chair, { body: BODY, state: 'consultation' }, 'consensus_call', undefined, 'open_call').to).toBe('consensus_call')
    expect(checkTransition(ROLES.chair, { body: BODY, state: 'consensus_call' }, 'agreed', undefined, 'close_call').to).toBe('agreed')
    expect(() => checkTransition(ROLES.member, { body: BODY, state: 'consensus_call' }, 'agreed', undefined, 'close_call')).toThrow(expect.objectContaining({ status: 403 }))
  })
})
