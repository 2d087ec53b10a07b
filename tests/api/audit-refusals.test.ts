/**
 * Every 403 leaves exactly one `authz.denied` audit event, whichever layer refused: a route guard, a rule
 * in domain/ (lifecycle, comments), the invitation check or the cross-origin check. A wrong current
 * password is audited and throttled like a failed sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadDocumentState } from '../../db/queries/document-state.ts'
import { newId } from '../../db/ids.ts'
import { generateToken, hashToken } from '../../db/tokens.ts'
import { docFromUpdate } from '../../domain/document-content.ts'
import { makeDocument } from '../helpers/documents.ts'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
let chair: Awaited<ReturnType<TestHub['makeUser']>>
beforeAll(async () => {
  hub = await startTestHub()
  chair = await hub.makeUser({ name: 'Chair' })
  await hub.addMember('data', chair.id, 'chair')
})
afterAll(() => hub.close())

async function person(role: 'member' | 'observer' | null) {
  const u = await hub.makeUser()
  if (role) await hub.addMember('data', u.id, role)
  return u
}

/** The audit events written while `run` ran. */
async function auditedDuring(run: () => Promise<void>) {
  const before = (await hub.conn.db.selectFrom('audit_events').select((e) => e.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0
  await run()
  const rows = await hub.conn.db.selectFrom('audit_events').selectAll().where('id', '>', Number(before)).orderBy('id').execute()
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }))
}

const denials = (rows: Awaited<ReturnType<typeof auditedDuring>>) => rows.filter((r) => r.action === 'authz.denied')

async function threadBy(authorCookie: string) {
  const { id } = await makeDocument(hub, { body: 'data', state: 'draft', createdBy: chair.id, text: 'Principles for data flows' })
  const text = (docFromUpdate(await loadDocumentState(hub.conn.db, id)).getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText
  const enc = (i: number, assoc: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i, assoc))).toString('base64')
  const res = await hub.request('POST', `/api/documents/${id}/comments`, { cookie: authorCookie, json: { anchor: { start: enc(0, 0), end: enc(10, -1) }, body: 'Which ones?' } })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

describe('every 403 is audited once', () => {
  it('a move the lifecycle rules refuse (domain/transitions.ts)', async () => {
    const member = await person('member')
    const { id } = await makeDocument(hub, { body: 'data', state: 'draft', createdBy: chair.id })
    const rows = await auditedDuring(async () => {
      const res = await hub.request('POST', `/api/documents/${id}/transitions`, { cookie: member.cookie, json: { to: 'consultation' } })
      expect(res.status).toBe(403)
    })
    expect(denials(rows)).toEqual([
      expect.objectContaining({ actor_id: member.id, subject_type: 'document', subject_id: id, data: expect.objectContaining({ method: 'POST', path: `/api/documents/${id}/transitions` }) }),
    ])
  })

  it('a comment action the comment rules refuse (domain/comment-rules.ts)', async () => {
    const author = await person('member')
    const observer = await person('observer')
    const threadId = await threadBy(author.cookie)
    const rows = await auditedDuring(async () => {
      expect((await hub.request('POST', `/api/comments/${threadId}/resolve`, { cookie: observer.cookie })).status).toBe(403)
    })
    expect(denials(rows)).toEqual([expect.objectContaining({ actor_id: observer.id, subject_type: 'comment', subject_id: threadId })])
  })

  it('an invitation accepted by another account, without its token in the log', async () => {
    const someone = await person(null)
    const token = generateToken()
    await hub.conn.db
      .insertInto('invitations')
      .values({ id: newId(), body_id: await hub.bodyId('data'), email: 'invitee@hub.test', role: 'member', token_hash: hashToken(token), invited_by: chair.id, created_at: Date.now(), expires_at: Date.now() + 86_400_000, accepted_at: null, accepted_by: null, revoked_at: null })
      .execute()
    const rows = await auditedDuring(async () => {
      const res = await hub.request('POST', `/api/invitations/${token}/accept`, { cookie: someone.cookie, json: {} })
      expect(res.status).toBe(403)
      expect((await res.json()).error.code).toBe('invitation_for_other_email')
    })
    expect(denials(rows)).toEqual([
      expect.objectContaining({ actor_id: someone.id, subject_type: 'body', subject_id: await hub.bodyId('data'), data: expect.objectContaining({ attempted: 'invitation.accept', code: 'invitation_for_other_email' }) }),
    ])
    expect(JSON.stringify(rows)).not.toContain(token)
  })

  it('a cross-origin request, signed in or not', async () => {
    const member = await person('member')
    const rows = await auditedDuring(async () => {
      const headers = { origin: 'https://evil.example' }
      expect((await hub.request('PATCH', '/api/me', { cookie: member.cookie, json: { locale: 'zh' }, headers })).status).toBe(403)
      expect((await hub.request('POST', '/api/auth/logout', { headers })).status).toBe(403)
    })
    expect(denials(rows)).toEqual([
      expect.objectContaining({ actor_id: member.id, data: expect.objectContaining({ code: 'cross_origin', method: 'PATCH', path: '/api/me' }) }),
      expect.objectContaining({ actor_id: null, data: expect.objectContaining({ code: 'cross_origin', method: 'POST', path: '/api/auth/logout' }) }),
    ])
  })

  it('a route guard refusal is audited once, with the action it guards', async () => {
    const member = await person('member')
    const other = await person('member')
    const rows = await auditedDuring(async () => {
      expect((await hub.request('PATCH', `/api/bodies/data/members/${other.id}`, { cookie: member.cookie, json: { role: 'observer' } })).status).toBe(403)
    })
    expect(denials(rows)).toEqual([
      expect.objectContaining({ actor_id: member.id, subject_type: 'body', subject_id: await hub.bodyId('data'), data: expect.objectContaining({ attempted: 'body.manage_members' }) }),
    ])
  })

  it('a position cast by an observer is audited once', async () => {
    const observer = await person('observer')
    const { callId } = await makeDocument(hub, { body: 'data', state: 'consensus_call', createdBy: chair.id })
    const rows = await auditedDuring(async () => {
      expect((await hub.request('POST', `/api/consensus-calls/${callId}/positions`, { cookie: observer.cookie, json: { stance: 'support' } })).status).toBe(403)
    })
    expect(denials(rows)).toEqual([expect.objectContaining({ actor_id: observer.id, data: expect.objectContaining({ attempted: 'consensus.cast' }) })])
  })
})

describe('the current password on a password change', () => {
  it('is audited when wrong, and throttled with the sign-in budget of the account', async () => {
    const admin = await hub.signIn(ADMIN.email, ADMIN.password)
    const wrong = { currentPassword: 'not-the-password', newPassword: 'a-new-password-1' }
    const rows = await auditedDuring(async () => {
      for (let i = 0; i < 10; i++) expect((await hub.request('POST', '/api/me/password', { cookie: admin, json: wrong })).status).toBe(400)
    })
    expect(rows.filter((r) => r.action === 'user.password_change_failed')).toHaveLength(10)
    const right = await hub.request('POST', '/api/me/password', { cookie: admin, json: { currentPassword: ADMIN.password, newPassword: 'a-new-password-1' } })
    expect(right.status).toBe(429)
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await hub.request('POST', '/api/auth/login', { json: { email: ADMIN.email, password: ADMIN.password } })).status).toBe(429)
  })
})
