/**
 * The authorization matrix: every API route × every kind of actor → the expected status, run as one
 * parameterized test against a real hub. Each case gets a fresh session and fresh targets, so cases that
 * change data (remove a member, sign out) do not disturb the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSession } from '../../db/session-auth.ts'
import { generateToken, hashToken } from '../../db/tokens.ts'
import { newId } from '../../db/ids.ts'
import { startTestHub, type TestHub } from '../helpers/hub.ts'
import { makeDocument } from '../helpers/documents.ts'
import * as Y from 'yjs'
import { loadDocumentState } from '../../db/queries/document-state.ts'
import { docFromUpdate } from '../../domain/document-content.ts'
import { issueOneTimeToken } from '../../db/queries/one-time-tokens.ts'
import { createPasswordHasher } from '../../api/auth/passwords.ts'

const ACTORS = ['anonymous', 'outsider', 'observer', 'member', 'otherChair', 'chair', 'secretariat'] as const
type ActorName = (typeof ACTORS)[number]
type Expect = Record<ActorName, number>

/** Expected statuses in ACTORS order. */
const E = (...s: number[]): Expect => Object.fromEntries(ACTORS.map((a, i) => [a, s[i]])) as Expect
const signedIn = (status: number) => E(401, status, status, status, status, status, status)
const secretariatOnly = (status: number) => E(401, 403, 403, 403, 403, 403, status)
const chairs = (status: number) => E(401, 403, 403, 403, 403, status, status)

interface Case {
  route: string
  /** Builds the request for one actor; runs before each case so targets are fresh. */
  make: (ctx: Ctx) => Promise<{ path: string; json?: unknown }>
  expect: Expect
}

interface Ctx {
  hub: TestHub
  actor: ActorName
  userId: string | null
  sessionToken: string | null
}

let hub: TestHub
const ids: Partial<Record<ActorName, string>> = {}
let draftId = ''
let chairCookie = ''
let publishedSlug = ''
let passwordHash = ''
let n = 0
const PASSWORD = 'matrix-password-1'

/** A fresh account with a known password, so signing in as it never meets the throttle. */
async function freshAccount() {
  const u = await hub.makeUser()
  await hub.conn.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', u.id).execute()
  return u
}

async function freshLink(purpose: 'setup' | 'password_reset') {
  const userId = purpose === 'password_reset' ? (await hub.makeUser()).id : null
  return (await issueOneTimeToken(hub.conn.db, { purpose, userId, createdBy: null, now: Date.now(), ttlMs: 3_600_000 })).token
}

async function freshMember(role: 'member' | 'observer' = 'member') {
  const u = await hub.makeUser()
  await hub.addMember('data', u.id, role)
  return u.id
}

async function freshInvitation(email = `invitee${++n}@hub.test`) {
  const token = generateToken()
  const id = newId()
  const bodyId = await hub.bodyId('data')
  await hub.conn.db
    .insertInto('invitations')
    .values({ id, body_id: bodyId, email, role: 'member', token_hash: hashToken(token), invited_by: ids.chair!, created_at: Date.now(), expires_at: Date.now() + 86_400_000, accepted_at: null, accepted_by: null, revoked_at: null })
    .execute()
  return { id, token }
}

async function freshJoinRequest() {
  const u = await hub.makeUser()
  const id = newId()
  await hub.conn.db
    .insertInto('join_requests')
    .values({ id, body_id: await hub.bodyId('data'), user_id: u.id, message: 'please', status: 'pending', created_at: Date.now(), decided_by: null, decided_at: null })
    .execute()
  return id
}

const doc = (state: Parameters<typeof makeDocument>[1]['state']) => makeDocument(hub, { body: 'data', state, createdBy: ids.chair! })
/** Readers of a body-only document: its observer, member and chair, and the secretariat. */
const readers = (status: number) => E(401, 404, status, status, 404, status, status)

/** A draft of the data group with one paragraph of text, and anchor JSON for its first word. */
async function draftWithText() {
  const { id } = await makeDocument(hub, { body: 'data', state: 'draft', createdBy: ids.chair!, text: 'Principles for trustworthy data flows' })
  const text = (docFromUpdate(await loadDocumentState(hub.conn.db, id)).getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText
  const enc = (i: number, assoc: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i, assoc))).toString('base64')
  return { id, anchor: { start: enc(0, 0), end: enc('Principles'.length, -1) } }
}

/**
 * A thread started through the API by a third person (a fresh member, so no actor is its author): a
 * comment, a resolved comment, or a suggestion.
 */
async function freshThread(kind: 'comment' | 'resolved' | 'suggestion' = 'comment') {
  const author = await hub.makeUser()
  await hub.addMember('data', author.id, 'member')
  const { id, anchor } = await draftWithText()
  const json = kind === 'suggestion' ? { kind, anchor, proposal: 'Rules', body: 'Plainer.' } : { anchor, body: 'Which principles?' }
  const res = await hub.request('POST', `/api/documents/${id}/comments`, { cookie: author.cookie, json })
  if (res.status !== 201) throw new Error(`thread: ${res.status} ${await res.text()}`)
  const thread = (await res.json()) as { id: string }
  if (kind === 'resolved') await hub.request('POST', `/api/comments/${thread.id}/resolve`, { cookie: author.cookie })
  return { documentId: id, threadId: thread.id }
}

const inFuture = () => new Date(Date.now() + 3 * 86_400_000).toISOString()

const CASES: Case[] = [
  { route: 'GET /api/health', make: async () => ({ path: '/api/health' }), expect: E(200, 200, 200, 200, 200, 200, 200) },
  { route: 'POST /api/auth/logout', make: async () => ({ path: '/api/auth/logout' }), expect: E(200, 200, 200, 200, 200, 200, 200) },
  // Credential routes take no session: whoever presents the password or the link gets the same answer.
  {
    route: 'POST /api/auth/login',
    make: async () => ({ path: '/api/auth/login', json: { email: (await freshAccount()).email, password: PASSWORD } }),
    expect: E(200, 200, 200, 200, 200, 200, 200),
  },
  {
    // The hub has accounts, so even a valid setup link creates nothing.
    route: 'POST /api/auth/setup',
    make: async () => ({ path: '/api/auth/setup', json: { token: await freshLink('setup'), email: `setup${++n}@hub.test`, password: PASSWORD, displayName: 'Setup' } }),
    expect: E(409, 409, 409, 409, 409, 409, 409),
  },
  {
    route: 'GET /api/auth/password-resets/:token',
    make: async () => ({ path: `/api/auth/password-resets/${await freshLink('password_reset')}` }),
    expect: E(200, 200, 200, 200, 200, 200, 200),
  },
  {
    route: 'POST /api/auth/password-resets/:token',
    make: async () => ({ path: `/api/auth/password-resets/${await freshLink('password_reset')}`, json: { password: 'a-reset-password-1' } }),
    expect: E(200, 200, 200, 200, 200, 200, 200),
  },
  { route: 'GET /api/me', make: async () => ({ path: '/api/me' }), expect: signedIn(200) },
  { route: 'PATCH /api/me', make: async () => ({ path: '/api/me', json: { locale: 'zh' } }), expect: signedIn(200) },
  {
    route: 'POST /api/me/password',
    make: async () => ({ path: '/api/me/password', json: { currentPassword: 'not-the-password', newPassword: 'a-new-password-1' } }),
    expect: signedIn(400),
  },
  { route: 'GET /api/me/sessions', make: async () => ({ path: '/api/me/sessions' }), expect: signedIn(200) },
  {
    route: 'DELETE /api/me/sessions/:id',
    make: async ({ userId }) => {
      if (!userId) return { path: `/api/me/sessions/${'a'.repeat(64)}` }
      const { session } = await createSession(hub.conn.db, userId, Date.now())
      return { path: `/api/me/sessions/${session.id}` }
    },
    expect: signedIn(200),
  },
  { route: 'GET /api/me/home', make: async () => ({ path: '/api/me/home' }), expect: signedIn(200) },
  { route: 'GET /api/institutions', make: async () => ({ path: '/api/institutions' }), expect: signedIn(200) },
  {
    route: 'POST /api/institutions',
    make: async () => ({ path: '/api/institutions', json: { nameEn: 'Institute', nameZh: '研究所', kind: 'think_tank', country: 'SG' } }),
    expect: secretariatOnly(201),
  },
  {
    route: 'PATCH /api/institutions/:id',
    make: async () => ({ path: `/api/institutions/${await hub.makeInstitution()}`, json: { status: 'suspended' } }),
    expect: secretariatOnly(200),
  },
  { route: 'GET /api/users', make: async () => ({ path: '/api/users' }), expect: secretariatOnly(200) },
  {
    route: 'POST /api/users',
    make: async () => ({ path: '/api/users', json: { email: `new${++n}@hub.test`, displayName: 'New Person' } }),
    expect: secretariatOnly(201),
  },
  {
    route: 'PATCH /api/users/:id',
    make: async () => ({ path: `/api/users/${(await hub.makeUser()).id}`, json: { displayName: 'Renamed' } }),
    expect: secretariatOnly(200),
  },
  { route: 'POST /api/users/:id/disable', make: async () => ({ path: `/api/users/${(await hub.makeUser()).id}/disable` }), expect: secretariatOnly(200) },
  { route: 'POST /api/users/:id/enable', make: async () => ({ path: `/api/users/${(await hub.makeUser()).id}/enable` }), expect: secretariatOnly(200) },
  {
    route: 'POST /api/users/:id/password-reset',
    make: async () => ({ path: `/api/users/${(await hub.makeUser()).id}/password-reset` }),
    expect: secretariatOnly(200),
  },
  { route: 'GET /api/bodies', make: async () => ({ path: '/api/bodies' }), expect: signedIn(200) },
  {
    route: 'POST /api/bodies',
    make: async () => ({ path: '/api/bodies', json: { slug: `body-${++n}`, kind: 'working_group', nameEn: 'Group', nameZh: '组' } }),
    expect: secretariatOnly(201),
  },
  { route: 'GET /api/bodies/:slug', make: async () => ({ path: '/api/bodies/data' }), expect: signedIn(200) },
  {
    route: 'PATCH /api/bodies/:slug',
    make: async () => ({ path: '/api/bodies/data', json: { mandateEn: `Mandate ${++n}` } }),
    expect: secretariatOnly(200),
  },
  {
    route: 'PATCH /api/bodies/:slug/members/:userId',
    make: async () => ({ path: `/api/bodies/data/members/${await freshMember()}`, json: { role: 'observer' } }),
    expect: chairs(200),
  },
  {
    route: 'DELETE /api/bodies/:slug/members/:userId',
    make: async () => ({ path: `/api/bodies/data/members/${await freshMember()}` }),
    expect: chairs(200),
  },
  {
    route: 'POST /api/bodies/:slug/invitations',
    make: async () => ({ path: '/api/bodies/data/invitations', json: { email: `guest${++n}@hub.test`, role: 'observer' } }),
    expect: chairs(201),
  },
  { route: 'GET /api/bodies/:slug/invitations', make: async () => ({ path: '/api/bodies/data/invitations' }), expect: chairs(200) },
  {
    route: 'DELETE /api/bodies/:slug/invitations/:id',
    make: async () => ({ path: `/api/bodies/data/invitations/${(await freshInvitation()).id}` }),
    expect: chairs(200),
  },
  {
    route: 'GET /api/invitations/:token',
    make: async () => ({ path: `/api/invitations/${(await freshInvitation()).token}` }),
    expect: E(200, 200, 200, 200, 200, 200, 200),
  },
  {
    // Signed-in people may accept only invitations sent to their own email; anonymous must choose a name and password.
    route: 'POST /api/invitations/:token/accept',
    make: async () => ({ path: `/api/invitations/${(await freshInvitation()).token}/accept`, json: {} }),
    expect: E(400, 403, 403, 403, 403, 403, 403),
  },
  {
    route: 'POST /api/bodies/:slug/join-requests',
    make: async () => ({ path: '/api/bodies/data/join-requests', json: { message: 'I would like to contribute.' } }),
    expect: E(401, 201, 409, 409, 201, 409, 201),
  },
  { route: 'GET /api/bodies/:slug/join-requests', make: async () => ({ path: '/api/bodies/data/join-requests' }), expect: chairs(200) },
  {
    route: 'POST /api/bodies/:slug/join-requests/:id/approve',
    make: async () => ({ path: `/api/bodies/data/join-requests/${await freshJoinRequest()}/approve`, json: { role: 'member' } }),
    expect: chairs(200),
  },
  {
    route: 'POST /api/bodies/:slug/join-requests/:id/decline',
    make: async () => ({ path: `/api/bodies/data/join-requests/${await freshJoinRequest()}/decline` }),
    expect: chairs(200),
  },
  { route: 'GET /api/audit', make: async () => ({ path: '/api/audit?limit=5' }), expect: secretariatOnly(200) },
  {
    route: 'POST /api/bodies/:slug/documents',
    make: async () => ({ path: '/api/bodies/data/documents', json: { kind: 'research_report', titleEn: 'Report', titleZh: '报告', language: 'en' } }),
    expect: E(401, 403, 403, 201, 403, 201, 201),
  },
  { route: 'GET /api/bodies/:slug/documents', make: async () => ({ path: '/api/bodies/data/documents' }), expect: signedIn(200) },
  { route: 'GET /api/documents/:id', make: async () => ({ path: `/api/documents/${draftId}` }), expect: readers(200) },
  {
    route: 'POST /api/documents/:id/transitions',
    make: async () => ({ path: `/api/documents/${(await doc('draft')).id}/transitions`, json: { to: 'consultation' } }),
    expect: E(401, 404, 403, 403, 404, 200, 403),
  },
  { route: 'GET /api/documents/:id/versions', make: async () => ({ path: `/api/documents/${(await doc('agreed')).id}/versions` }), expect: readers(200) },
  {
    route: 'POST /api/documents/:id/versions',
    make: async () => ({ path: `/api/documents/${(await doc('draft')).id}/versions`, json: { label: 'Draft 2 for consultation' } }),
    expect: E(401, 404, 403, 201, 404, 201, 403),
  },
  { route: 'GET /api/documents/:id/versions/:number', make: async () => ({ path: `/api/documents/${(await doc('agreed')).id}/versions/1` }), expect: readers(200) },
  { route: 'GET /api/documents/:id/compare', make: async () => ({ path: `/api/documents/${(await doc('agreed')).id}/compare?from=1&to=current` }), expect: readers(200) },
  {
    route: 'POST /api/documents/:id/versions/:number/restore',
    make: async () => {
      const d = await doc('draft')
      await hub.request('POST', `/api/documents/${d.id}/versions`, { cookie: chairCookie, json: { label: 'v1' } })
      return { path: `/api/documents/${d.id}/versions/1/restore` }
    },
    expect: E(401, 404, 403, 403, 404, 200, 403),
  },
  { route: 'GET /api/documents/:id/endorsements', make: async () => ({ path: `/api/documents/${(await doc('agreed')).id}/endorsements` }), expect: readers(200) },
  {
    // Endorsing takes an institution: the observer and the secretariat account here have none.
    route: 'POST /api/documents/:id/endorsements',
    make: async () => ({ path: `/api/documents/${(await doc('agreed')).id}/endorsements` }),
    expect: E(401, 404, 409, 201, 404, 201, 409),
  },
  {
    route: 'POST /api/documents/:id/consensus-calls',
    make: async () => ({ path: `/api/documents/${(await doc('consultation')).id}/consensus-calls`, json: { closesAt: inFuture() } }),
    expect: E(401, 403, 403, 403, 403, 201, 403),
  },
  { route: 'GET /api/documents/:id/consensus-calls', make: async () => ({ path: `/api/documents/${(await doc('consultation')).id}/consensus-calls` }), expect: signedIn(200) },
  { route: 'GET /api/consensus-calls/:id', make: async () => ({ path: `/api/consensus-calls/${(await doc('consensus_call')).callId}` }), expect: readers(200) },
  {
    route: 'POST /api/consensus-calls/:id/positions',
    make: async () => ({ path: `/api/consensus-calls/${(await doc('consensus_call')).callId}/positions`, json: { stance: 'support' } }),
    expect: E(401, 404, 403, 201, 404, 201, 403),
  },
  {
    route: 'POST /api/consensus-calls/:id/close',
    make: async () => ({ path: `/api/consensus-calls/${(await doc('consensus_call')).callId}/close`, json: { finding: 'no_consensus', note: 'More work needed' } }),
    expect: E(401, 404, 403, 403, 404, 200, 403),
  },
  { route: 'GET /api/review', make: async () => ({ path: '/api/review' }), expect: secretariatOnly(200) },
  { route: 'GET /api/me/notifications', make: async () => ({ path: '/api/me/notifications' }), expect: signedIn(200) },
  { route: 'POST /api/me/notifications/read', make: async () => ({ path: '/api/me/notifications/read', json: { all: true } }), expect: signedIn(200) },
  { route: 'GET /api/documents/:id/authorship', make: async () => ({ path: `/api/documents/${(await draftWithText()).id}/authorship` }), expect: readers(200) },
  { route: 'GET /api/documents/:id/comments', make: async () => ({ path: `/api/documents/${(await freshThread()).documentId}/comments` }), expect: readers(200) },
  {
    // Reading is enough to comment: observers and the secretariat comment without edit rights.
    route: 'POST /api/documents/:id/comments',
    make: async () => {
      const { id, anchor } = await draftWithText()
      return { path: `/api/documents/${id}/comments`, json: { anchor, body: 'Define “trustworthy”?' } }
    },
    expect: readers(201),
  },
  { route: 'POST /api/comments/:id/replies', make: async () => ({ path: `/api/comments/${(await freshThread()).threadId}/replies`, json: { body: 'Agreed.' } }), expect: readers(201) },
  // Resolving, reopening and deleting belong to the thread's author (nobody here) and the chairs.
  { route: 'POST /api/comments/:id/resolve', make: async () => ({ path: `/api/comments/${(await freshThread()).threadId}/resolve` }), expect: E(401, 404, 403, 403, 404, 200, 403) },
  { route: 'POST /api/comments/:id/reopen', make: async () => ({ path: `/api/comments/${(await freshThread('resolved')).threadId}/reopen` }), expect: E(401, 404, 403, 403, 404, 200, 403) },
  { route: 'DELETE /api/comments/:id', make: async () => ({ path: `/api/comments/${(await freshThread()).threadId}` }), expect: E(401, 404, 403, 403, 404, 200, 403) },
  // Deciding a suggestion belongs to the editors (members and chairs while the text is editable).
  { route: 'POST /api/comments/:id/accept', make: async () => ({ path: `/api/comments/${(await freshThread('suggestion')).threadId}/accept` }), expect: E(401, 404, 403, 200, 404, 200, 403) },
  { route: 'POST /api/comments/:id/reject', make: async () => ({ path: `/api/comments/${(await freshThread('suggestion')).threadId}/reject` }), expect: E(401, 404, 403, 200, 404, 200, 403) },
  {
    route: 'POST /api/documents/:id/suggestions/:decision',
    make: async () => ({ path: `/api/documents/${(await freshThread('suggestion')).documentId}/suggestions/accept-all` }),
    expect: E(401, 404, 403, 200, 404, 200, 403),
  },
  { route: 'GET /api/publications', make: async () => ({ path: '/api/publications?q=Document' }), expect: E(200, 200, 200, 200, 200, 200, 200) },
  { route: 'GET /api/publications/:slug', make: async () => ({ path: `/api/publications/${publishedSlug}` }), expect: E(200, 200, 200, 200, 200, 200, 200) },
]

beforeAll(async () => {
  hub = await startTestHub()
  passwordHash = await createPasswordHasher().hash(PASSWORD)
  for (const actor of ACTORS) {
    if (actor === 'anonymous') continue
    ids[actor] = (await hub.makeUser({ name: actor, secretariat: actor === 'secretariat' })).id
  }
  await hub.addMember('data', ids.observer!, 'observer')
  await hub.addMember('data', ids.member!, 'member')
  await hub.addMember('data', ids.chair!, 'chair')
  await hub.addMember('cross-border-ecommerce', ids.otherChair!, 'chair')
  for (const actor of ['outsider', 'member', 'chair', 'otherChair'] as const) {
    await hub.conn.db.updateTable('users').set({ institution_id: await hub.makeInstitution() }).where('id', '=', ids[actor]!).execute()
  }
  chairCookie = `hub_session=${(await createSession(hub.conn.db, ids.chair!, Date.now())).token}`
  await makeDocument(hub, { body: 'data', state: 'published', createdBy: ids.chair! })
  publishedSlug = (await hub.conn.db.selectFrom('publications').select('slug').executeTakeFirstOrThrow()).slug
  draftId = newId()
  await hub.conn.db
    .insertInto('documents')
    .values({ id: draftId, body_id: await hub.bodyId('data'), kind: 'research_report', title_en: 'Draft', title_zh: '草稿', language: 'en', state: 'draft', created_by: ids.member!, created_at: Date.now(), updated_at: Date.now(), state_reason: null, state_changed_at: null })
    .execute()
})
afterAll(() => hub.close())

const table = CASES.flatMap((c) => ACTORS.map((actor) => ({ ...c, actor, expected: c.expect[actor] })))

describe(`authorization matrix (${ACTORS.length} actors × ${CASES.length} routes = ${table.length} cases)`, () => {
  it('covers every route the API documents', async () => {
    const doc = await (await hub.request('GET', '/api/openapi.json')).json()
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} /api${p.replace(/\{(\w+)\}/g, ':$1')}`),
    )
    const inMatrix = new Set(CASES.map((c) => c.route))
    expect(documented.filter((r) => !inMatrix.has(r))).toEqual([])
  })

  it('every actor gets exactly the expected status on every route', async () => {
    const mismatches: string[] = []
    for (const c of table) {
      const userId = c.actor === 'anonymous' ? null : ids[c.actor]!
      let cookie: string | undefined
      let sessionToken: string | null = null
      if (userId) {
        const { token } = await createSession(hub.conn.db, userId, Date.now())
        sessionToken = token
        cookie = `hub_session=${token}`
      }
      const { path, json } = await c.make({ hub, actor: c.actor, userId, sessionToken })
      const [method] = c.route.split(' ')
      const res = await hub.request(method, path, { cookie, json })
      if (res.status !== c.expected) mismatches.push(`${c.route} as ${c.actor}: expected ${c.expected}, got ${res.status} ${await res.text()}`)
      else await res.body?.cancel()
    }
    expect(mismatches).toEqual([])
  })
})
