/** Invitations, join requests and the last-chair rule, end to end over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
let chair: Awaited<ReturnType<TestHub['makeUser']>>

const json = async (res: Response) => ({ status: res.status, body: await res.json() })
const tokenFromLink = (link: string) => new URL(link).pathname.split('/').pop()!

beforeAll(async () => {
  hub = await startTestHub()
  chair = await hub.makeUser({ name: 'Chair of Data' })
  await hub.addMember('data', chair.id, 'chair')
})
afterAll(() => hub.close())

describe('invitations', () => {
  it('a newcomer accepts by choosing a name and password, is signed in and becomes a member', async () => {
    const invite = await json(await hub.request('POST', '/api/bodies/data/invitations', { cookie: chair.cookie, json: { email: 'Newcomer@Example.org', role: 'member' } }))
    expect(invite.status).toBe(201)
    expect(invite.body.link).toMatch(/\/invite\/[a-z2-7]{32}$/)
    expect(invite.body.invitation.email).toBe('newcomer@example.org')
    const token = tokenFromLink(invite.body.link)
    const stored = await hub.conn.db.selectFrom('invitations').select('token_hash').where('id', '=', invite.body.invitation.id).executeTakeFirstOrThrow()
    expect(stored.token_hash).not.toContain(token)

    const info = await json(await hub.request('GET', `/api/invitations/${token}`))
    expect(info.body).toMatchObject({ email: 'newcomer@example.org', role: 'member', accountExists: false, body: { slug: 'data' } })

    const accept = await hub.request('POST', `/api/invitations/${token}/accept`, { json: { displayName: 'Nadia Newcomer', password: 'a-good-password-1' } })
    expect(accept.status).toBe(200)
    const cookie = accept.headers.get('set-cookie')!.split(';')[0]
    const me = await json(await hub.request('GET', '/api/me', { cookie }))
    expect(me.body.user.displayName).toBe('Nadia Newcomer')
    expect(me.body.memberships).toContainEqual(expect.objectContaining({ slug: 'data', role: 'member' }))

    const again = await json(await hub.request('POST', `/api/invitations/${token}/accept`, { json: { displayName: 'X', password: 'a-good-password-1' } }))
    expect(again.status).toBe(410)
    expect(again.body.error.code).toBe('invitation_used')
    expect((await hub.request('POST', '/api/auth/login', { json: { email: 'newcomer@example.org', password: 'a-good-password-1' } })).status).toBe(200)
  })

  it('an existing account must sign in as the invited email to accept', async () => {
    const invitee = await hub.makeUser()
    const stranger = await hub.makeUser()
    const invite = await json(await hub.request('POST', '/api/bodies/data/invitations', { cookie: chair.cookie, json: { email: invitee.email, role: 'observer' } }))
    const token = tokenFromLink(invite.body.link)
    const anonymous = await json(await hub.request('POST', `/api/invitations/${token}/accept`, { json: { displayName: 'Hijack', password: 'hijack-password' } }))
    expect(anonymous).toMatchObject({ status: 401, body: { error: { code: 'sign_in_required' } } })
    const wrong = await json(await hub.request('POST', `/api/invitations/${token}/accept`, { cookie: stranger.cookie, json: {} }))
    expect(wrong).toMatchObject({ status: 403, body: { error: { code: 'invitation_for_other_email' } } })
    const right = await json(await hub.request('POST', `/api/invitations/${token}/accept`, { cookie: invitee.cookie, json: {} }))
    expect(right.status).toBe(200)
    expect(right.body.memberships).toContainEqual(expect.objectContaining({ slug: 'data', role: 'observer' }))
  })

  it('an invitation no longer holds once its sender may not manage the body: a removed chair brings nobody in', async () => {
    const body = 'think-tanks'
    const [leaving, staying, invitee] = [await hub.makeUser(), await hub.makeUser(), await hub.makeUser()]
    await hub.addMember(body, leaving.id, 'chair')
    await hub.addMember(body, staying.id, 'chair')
    const invite = await json(await hub.request('POST', `/api/bodies/${body}/invitations`, { cookie: leaving.cookie, json: { email: invitee.email, role: 'chair' } }))
    expect(invite.status).toBe(201)
    const token = tokenFromLink(invite.body.link)
    const listed = async () => (await json(await hub.request('GET', `/api/bodies/${body}/invitations`, { cookie: staying.cookie }))).body.invitations.map((i: { id: string }) => i.id)
    expect(await listed()).toContain(invite.body.invitation.id)
    expect((await hub.request('DELETE', `/api/bodies/${body}/members/${leaving.id}`, { cookie: staying.cookie })).status).toBe(200)
    expect(await listed()).not.toContain(invite.body.invitation.id)
    const shown = await json(await hub.request('GET', `/api/invitations/${token}`))
    expect(shown).toMatchObject({ status: 410, body: { error: { code: 'invitation_withdrawn' } } })
    const accepted = await json(await hub.request('POST', `/api/invitations/${token}/accept`, { cookie: invitee.cookie, json: {} }))
    expect(accepted).toMatchObject({ status: 410, body: { error: { code: 'invitation_withdrawn' } } })
    expect(await hub.conn.db.selectFrom('memberships').select('role').where('user_id', '=', invitee.id).execute()).toEqual([])
    // The remaining chair's own invitation works.
    const again = await json(await hub.request('POST', `/api/bodies/${body}/invitations`, { cookie: staying.cookie, json: { email: invitee.email, role: 'member' } }))
    expect((await hub.request('POST', `/api/invitations/${tokenFromLink(again.body.link)}/accept`, { cookie: invitee.cookie, json: {} })).status).toBe(200)
  })

  it("joining by invitation answers the person's own pending request, so it cannot re-admit them after a removal", async () => {
    const person = await hub.makeUser()
    const filed = await json(await hub.request('POST', '/api/bodies/data/join-requests', { cookie: person.cookie, json: { message: 'May I join?' } }))
    expect(filed.status).toBe(201)
    const invite = await json(await hub.request('POST', '/api/bodies/data/invitations', { cookie: chair.cookie, json: { email: person.email, role: 'member' } }))
    expect((await hub.request('POST', `/api/invitations/${tokenFromLink(invite.body.link)}/accept`, { cookie: person.cookie, json: {} })).status).toBe(200)
    const pending = await json(await hub.request('GET', '/api/bodies/data/join-requests', { cookie: chair.cookie }))
    expect(pending.body.requests.map((r: { id: string }) => r.id)).not.toContain(filed.body.id)
    expect((await hub.request('DELETE', `/api/bodies/data/members/${person.id}`, { cookie: chair.cookie })).status).toBe(200)
    const approve = await json(await hub.request('POST', `/api/bodies/data/join-requests/${filed.body.id}/approve`, { cookie: chair.cookie, json: {} }))
    expect(approve).toMatchObject({ status: 409, body: { error: { code: 'already_decided' } } })
    expect(await hub.conn.db.selectFrom('memberships').select('role').where('user_id', '=', person.id).execute()).toEqual([])
  })

  it('accepting never lowers a role gained meanwhile, and raises a lower one', async () => {
    const roleAfter = async (held: 'chair' | 'member' | 'observer', invited: 'member' | 'observer') => {
      const invitee = await hub.makeUser()
      // Invited first (an existing member cannot be invited), then given a role another way before accepting.
      const invite = await json(await hub.request('POST', '/api/bodies/data/invitations', { cookie: chair.cookie, json: { email: invitee.email, role: invited } }))
      expect(invite.status).toBe(201)
      await hub.addMember('data', invitee.id, held)
      const accepted = await json(await hub.request('POST', `/api/invitations/${tokenFromLink(invite.body.link)}/accept`, { cookie: invitee.cookie, json: {} }))
      expect(accepted.status).toBe(200)
      const row = await hub.conn.db.selectFrom('memberships').select('role').where('user_id', '=', invitee.id).executeTakeFirstOrThrow()
      return row.role
    }
    expect(await roleAfter('member', 'observer')).toBe('member')
    expect(await roleAfter('chair', 'observer')).toBe('chair')
    expect(await roleAfter('chair', 'member')).toBe('chair')
    expect(await roleAfter('observer', 'member')).toBe('member')
  })

  it('a revoked invitation cannot be used, and an open one is listed until then', async () => {
    const invite = await json(await hub.request('POST', '/api/bodies/data/invitations', { cookie: chair.cookie, json: { email: 'revoked@example.org', role: 'member' } }))
    const listed = await json(await hub.request('GET', '/api/bodies/data/invitations', { cookie: chair.cookie }))
    expect(listed.body.invitations.map((i: { id: string }) => i.id)).toContain(invite.body.invitation.id)
    expect((await hub.request('DELETE', `/api/bodies/data/invitations/${invite.body.invitation.id}`, { cookie: chair.cookie })).status).toBe(200)
    const after = await json(await hub.request('GET', '/api/bodies/data/invitations', { cookie: chair.cookie }))
    expect(after.body.invitations.map((i: { id: string }) => i.id)).not.toContain(invite.body.invitation.id)
    const use = await json(await hub.request('POST', `/api/invitations/${tokenFromLink(invite.body.link)}/accept`, { json: { displayName: 'Late', password: 'late-password-1' } }))
    expect(use).toMatchObject({ status: 410, body: { error: { code: 'invitation_revoked' } } })
  })

  it('an unknown token is a 404 and a malformed one a 400', async () => {
    expect((await hub.request('GET', `/api/invitations/${'a'.repeat(32)}`)).status).toBe(404)
    expect((await hub.request('GET', '/api/invitations/NOT-A-TOKEN!')).status).toBe(400)
  })

  it('refuses to invite someone who is already a member', async () => {
    const member = await hub.makeUser()
    await hub.addMember('data', member.id, 'member')
    const res = await json(await hub.request('POST', '/api/bodies/data/invitations', { cookie: chair.cookie, json: { email: member.email, role: 'chair' } }))
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'already_member' } } })
  })
})

describe('join requests', () => {
  it('anyone signed in asks with a message; the chair approves with a role', async () => {
    const applicant = await hub.makeUser({ name: 'Applicant' })
    const filed = await json(await hub.request('POST', '/api/bodies/data/join-requests', { cookie: applicant.cookie, json: { message: 'Our institute works on data flows.' } }))
    expect(filed.status).toBe(201)
    const twice = await json(await hub.request('POST', '/api/bodies/data/join-requests', { cookie: applicant.cookie, json: { message: 'again' } }))
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'request_pending' } } })
    const detail = await json(await hub.request('GET', '/api/bodies/data', { cookie: applicant.cookie }))
    expect(detail.body.viewer).toEqual({ role: null, canManage: false, pendingRequestId: filed.body.id })

    const pending = await json(await hub.request('GET', '/api/bodies/data/join-requests', { cookie: chair.cookie }))
    expect(pending.body.requests).toContainEqual(expect.objectContaining({ id: filed.body.id, message: 'Our institute works on data flows.' }))
    const approved = await json(await hub.request('POST', `/api/bodies/data/join-requests/${filed.body.id}/approve`, { cookie: chair.cookie, json: { role: 'observer' } }))
    expect(approved.status).toBe(200)
    const members = await json(await hub.request('GET', '/api/bodies/data', { cookie: chair.cookie }))
    expect(members.body.members).toContainEqual(expect.objectContaining({ userId: applicant.id, role: 'observer' }))
    const decideAgain = await json(await hub.request('POST', `/api/bodies/data/join-requests/${filed.body.id}/decline`, { cookie: chair.cookie }))
    expect(decideAgain).toMatchObject({ status: 409, body: { error: { code: 'already_decided' } } })
  })

  it('a declined applicant does not become a member; a request of another body is not found here', async () => {
    const applicant = await hub.makeUser()
    const filed = await json(await hub.request('POST', '/api/bodies/data/join-requests', { cookie: applicant.cookie, json: { message: '' } }))
    const elsewhere = await hub.makeUser()
    await hub.addMember('cross-border-ecommerce', elsewhere.id, 'chair')
    const foreign = await hub.request('POST', `/api/bodies/cross-border-ecommerce/join-requests/${filed.body.id}/approve`, { cookie: elsewhere.cookie, json: {} })
    expect(foreign.status).toBe(404)
    expect((await hub.request('POST', `/api/bodies/data/join-requests/${filed.body.id}/decline`, { cookie: chair.cookie })).status).toBe(200)
    const me = await json(await hub.request('GET', '/api/me', { cookie: applicant.cookie }))
    expect(me.body.memberships).toEqual([])
  })
})

describe('the last-chair rule', () => {
  it('the last chair can be neither demoted nor removed nor leave; with a second chair they can', async () => {
    const body = 'ai-industry'
    const only = await hub.makeUser()
    await hub.addMember(body, only.id, 'chair')
    const demote = await json(await hub.request('PATCH', `/api/bodies/${body}/members/${only.id}`, { cookie: only.cookie, json: { role: 'member' } }))
    expect(demote).toMatchObject({ status: 409, body: { error: { code: 'last_chair' } } })
    const leave = await json(await hub.request('DELETE', `/api/bodies/${body}/members/${only.id}`, { cookie: only.cookie }))
    expect(leave).toMatchObject({ status: 409, body: { error: { code: 'last_chair' } } })
    const admin = await hub.signIn(ADMIN.email, ADMIN.password)
    const removeByAdmin = await json(await hub.request('DELETE', `/api/bodies/${body}/members/${only.id}`, { cookie: admin }))
    expect(removeByAdmin.status).toBe(409)

    const second = await hub.makeUser()
    await hub.addMember(body, second.id, 'member')
    expect((await hub.request('PATCH', `/api/bodies/${body}/members/${second.id}`, { cookie: only.cookie, json: { role: 'chair' } })).status).toBe(200)
    expect((await hub.request('DELETE', `/api/bodies/${body}/members/${only.id}`, { cookie: only.cookie })).status).toBe(200)
  })

  it('a chair whose account is disabled does not count: the last chair who can act still cannot leave', async () => {
    const body = 'ai-safety-governance'
    const [active, gone] = [await hub.makeUser(), await hub.makeUser()]
    await hub.addMember(body, active.id, 'chair')
    await hub.addMember(body, gone.id, 'chair')
    const admin = await hub.signIn(ADMIN.email, ADMIN.password)
    expect((await hub.request('POST', `/api/users/${gone.id}/disable`, { cookie: admin })).status).toBe(200)
    const leave = await json(await hub.request('DELETE', `/api/bodies/${body}/members/${active.id}`, { cookie: active.cookie }))
    expect(leave).toMatchObject({ status: 409, body: { error: { code: 'last_chair' } } })
    const demote = await json(await hub.request('PATCH', `/api/bodies/${body}/members/${active.id}`, { cookie: active.cookie, json: { role: 'member' } }))
    expect(demote).toMatchObject({ status: 409, body: { error: { code: 'last_chair' } } })
    // The disabled chair can be removed while an active one remains.
    expect((await hub.request('DELETE', `/api/bodies/${body}/members/${gone.id}`, { cookie: active.cookie })).status).toBe(200)
  })

  it('a member may leave by themselves; a non-member gets 404 for someone who is not there', async () => {
    const member = await hub.makeUser()
    await hub.addMember('data', member.id, 'member')
    expect((await hub.request('DELETE', `/api/bodies/data/members/${member.id}`, { cookie: member.cookie })).status).toBe(200)
    expect((await hub.request('DELETE', `/api/bodies/data/members/${member.id}`, { cookie: chair.cookie })).status).toBe(404)
  })

  it('the bodies list counts active members: joining adds one, a disabled account and leaving take one off', async () => {
    const count = async () => {
      const list = await json(await hub.request('GET', '/api/bodies', { cookie: chair.cookie }))
      return list.body.bodies.find((b: { slug: string }) => b.slug === 'data').memberCount as number
    }
    const start = await count()
    const admin = await hub.signIn(ADMIN.email, ADMIN.password)
    const member = await hub.makeUser()
    await hub.addMember('data', member.id, 'member')
    expect(await count()).toBe(start + 1)
    expect((await hub.request('POST', `/api/users/${member.id}/disable`, { cookie: admin })).status).toBe(200)
    expect(await count()).toBe(start)
    expect((await hub.request('POST', `/api/users/${member.id}/enable`, { cookie: admin })).status).toBe(200)
    expect(await count()).toBe(start + 1)
    expect((await hub.request('DELETE', `/api/bodies/data/members/${member.id}`, { cookie: chair.cookie })).status).toBe(200)
    expect(await count()).toBe(start)
  })
})

describe('committee chairs and programmes', () => {
  it('a chair of the AI Committee manages its programmes but not other bodies', async () => {
    const committeeChair = await hub.makeUser()
    await hub.addMember('ai-committee', committeeChair.id, 'chair')
    const invite = await hub.request('POST', '/api/bodies/ai-standards/invitations', { cookie: committeeChair.cookie, json: { email: 'expert@example.org', role: 'member' } })
    expect(invite.status).toBe(201)
    const detail = await json(await hub.request('GET', '/api/bodies/ai-standards', { cookie: committeeChair.cookie }))
    expect(detail.body.viewer.canManage).toBe(true)
    expect(detail.body.parent.slug).toBe('ai-committee')
    const other = await hub.request('POST', '/api/bodies/data/invitations', { cookie: committeeChair.cookie, json: { email: 'x@example.org', role: 'member' } })
    expect(other.status).toBe(403)
  })
})

describe('audit', () => {
  it('records every change and refused authorization, filterable by the secretariat', async () => {
    const outsider = await hub.makeUser()
    expect((await hub.request('GET', '/api/bodies/data/join-requests', { cookie: outsider.cookie })).status).toBe(403)
    const admin = await hub.signIn(ADMIN.email, ADMIN.password)
    const denied = await json(await hub.request('GET', `/api/audit?action=authz.denied&actor=${outsider.id}`, { cookie: admin }))
    expect(denied.body.events).toHaveLength(1)
    expect(denied.body.events[0]).toMatchObject({ action: 'authz.denied', actor: { id: outsider.id }, data: { attempted: 'body.manage_members' } })
    const family = await json(await hub.request('GET', '/api/audit?action=invitation.&limit=500', { cookie: admin }))
    const actions = new Set(family.body.events.map((e: { action: string }) => e.action))
    expect([...actions].sort()).toEqual(['invitation.accepted', 'invitation.created', 'invitation.revoked'])
  })

  it('cannot be changed, not even with raw SQL', () => {
    expect(() => hub.conn.sqlite.prepare('UPDATE audit_events SET action = ?').run('x')).toThrow(/append-only/)
    expect(() => hub.conn.sqlite.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/)
  })
})
