/**
 * Bad input never gets a 5xx and never changes the database: a property-based test throws random and
 * hostile bodies (malformed JSON, wrong types, unknown and __proto__ keys, huge strings) at every JSON
 * route, plus the cross-site, content-type and size guards.
 */
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadDocumentState } from '../../db/queries/document-state.ts'
import { newId } from '../../db/ids.ts'
import { generateToken, hashToken } from '../../db/tokens.ts'
import { docFromUpdate } from '../../domain/document-content.ts'
import { makeDocument } from '../helpers/documents.ts'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
let admin: string
/** `cookie`: who sends it when not the secretariat admin: someone for whom the valid body would succeed. */
let routes: Array<{ method: string; path: string; valid: Record<string, unknown>; cookie?: string }>

const TABLES = [
  ...['institutions', 'users', 'sessions', 'one_time_tokens', 'bodies', 'memberships', 'invitations', 'join_requests', 'audit_events', 'documents'],
  ...['document_updates', 'document_snapshots', 'versions', 'consensus_calls', 'positions', 'dispositions', 'comments', 'notifications'],
]

function fingerprint(): string {
  const h = createHash('sha256')
  for (const t of TABLES) h.update(JSON.stringify(hub.conn.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()))
  return h.digest('hex')
}

beforeAll(async () => {
  hub = await startTestHub()
  admin = await hub.signIn(ADMIN.email, ADMIN.password)
  const member = await hub.makeUser()
  await hub.addMember('data', member.id, 'member')
  const institution = await hub.makeInstitution()
  const requester = await hub.makeUser()
  const requestId = newId()
  await hub.conn.db
    .insertInto('join_requests')
    .values({ id: requestId, body_id: await hub.bodyId('data'), user_id: requester.id, message: 'hi', status: 'pending', created_at: Date.now(), decided_by: null, decided_at: null })
    .execute()
  const token = generateToken()
  await hub.conn.db
    .insertInto('invitations')
    .values({ id: newId(), body_id: await hub.bodyId('data'), email: 'x@example.org', role: 'member', token_hash: hashToken(token), invited_by: member.id, created_at: Date.now(), expires_at: Date.now() + 1e9, accepted_at: null, accepted_by: null, revoked_at: null })
    .execute()
  // Documents in the states their routes need, made by a chair of the data group; a thread to reply to.
  const chair = await hub.makeUser()
  await hub.addMember('data', chair.id, 'chair')
  const draft = (await makeDocument(hub, { body: 'data', state: 'draft', createdBy: chair.id, text: 'Principles for data flows' })).id
  const consultation = (await makeDocument(hub, { body: 'data', state: 'consultation', createdBy: chair.id })).id
  const callId = (await makeDocument(hub, { body: 'data', state: 'consensus_call', createdBy: chair.id })).callId!
  const text = (docFromUpdate(await loadDocumentState(hub.conn.db, draft)).getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText
  const enc = (i: number, assoc: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i, assoc))).toString('base64')
  const anchor = { start: enc(0, 0), end: enc(10, -1) }
  const thread = await hub.request('POST', `/api/documents/${draft}/comments`, { cookie: chair.cookie, json: { anchor, body: 'Which principles?' } })
  const threadId = ((await thread.json()) as { id: string }).id
  routes = [
    { method: 'POST', path: `/api/documents/${draft}/transitions`, valid: { to: 'consultation', reason: 'Ready for comments' }, cookie: chair.cookie },
    { method: 'POST', path: `/api/documents/${draft}/versions`, valid: { label: 'Draft 2' }, cookie: chair.cookie },
    { method: 'POST', path: `/api/documents/${consultation}/consensus-calls`, valid: { closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), label: 'Call' }, cookie: chair.cookie },
    { method: 'POST', path: `/api/consensus-calls/${callId}/positions`, valid: { stance: 'concern', reason: 'Needs work' }, cookie: chair.cookie },
    { method: 'POST', path: `/api/consensus-calls/${callId}/close`, valid: { finding: 'no_consensus', note: 'More work', dispositions: [] }, cookie: chair.cookie },
    { method: 'POST', path: `/api/documents/${draft}/comments`, valid: { anchor, body: 'Define it?', kind: 'comment' } },
    { method: 'POST', path: `/api/comments/${threadId}/replies`, valid: { body: 'Agreed.' } },
    { method: 'POST', path: '/api/me/notifications/read', valid: { ids: [1], all: false } },
    { method: 'POST', path: '/api/auth/login', valid: { email: ADMIN.email, password: ADMIN.password } },
    { method: 'POST', path: '/api/auth/setup', valid: { token, email: 'a@example.org', password: 'password-123', displayName: 'A' } },
    { method: 'POST', path: `/api/auth/password-resets/${token}`, valid: { password: 'password-123' } },
    { method: 'PATCH', path: '/api/me', valid: { displayName: 'Me', locale: 'zh' } },
    { method: 'POST', path: '/api/me/password', valid: { currentPassword: ADMIN.password, newPassword: 'password-456' } },
    { method: 'POST', path: '/api/institutions', valid: { nameEn: 'I', nameZh: '机', kind: 'think_tank', country: 'FR', joinedOn: '2024-01-01' } },
    { method: 'PATCH', path: `/api/institutions/${institution}`, valid: { nameEn: 'I2', status: 'suspended' } },
    { method: 'POST', path: '/api/users', valid: { email: 'new@example.org', displayName: 'N', isSecretariat: false } },
    { method: 'PATCH', path: `/api/users/${member.id}`, valid: { displayName: 'M', isSecretariat: true } },
    { method: 'POST', path: '/api/bodies', valid: { slug: 'new-body', kind: 'working_group', nameEn: 'B', nameZh: '组' } },
    { method: 'PATCH', path: '/api/bodies/data', valid: { nameEn: 'Data', archived: false } },
    { method: 'PATCH', path: `/api/bodies/data/members/${member.id}`, valid: { role: 'observer' } },
    { method: 'POST', path: '/api/bodies/data/invitations', valid: { email: 'y@example.org', role: 'member' } },
    { method: 'POST', path: `/api/invitations/${token}/accept`, valid: { displayName: 'Y', password: 'password-789' } },
    { method: 'POST', path: '/api/bodies/secretariat/join-requests', valid: { message: 'hello' } },
    { method: 'POST', path: `/api/bodies/data/join-requests/${requestId}/approve`, valid: { role: 'member' } },
    { method: 'POST', path: '/api/bodies/data/documents', valid: { kind: 'proposal', titleEn: 'T', titleZh: '题', language: 'en' } },
  ]
})
afterAll(() => hub.close())

/** A value of another type than the original: always invalid for that field. */
const wrongType = (original: unknown) => {
  const huge = fc.constantFrom('x'.repeat(100_001), '\u0000'.repeat(150_000))
  const others = fc.oneof(fc.integer(), fc.double(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }))
  if (typeof original === 'string') return fc.oneof(others, fc.boolean(), huge)
  return fc.oneof(others, fc.string(), huge)
}

const hostileBody = (valid: Record<string, unknown>) =>
  fc.oneof(
    // not JSON at all, or JSON that is not an object
    fc.constantFrom('{', '{"a":', 'nul', '[1,2', '\u0000', '{"email": "a"}}', '{"__proto__": {"isSecretariat": true}'),
    fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.anything(), { maxLength: 3 })).map((v) => JSON.stringify(v)),
    // the valid body with an unknown key (including prototype-pollution keys)
    fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'role_id', 'password_hash', 'id'), fc.jsonValue())
      .map(([key, value]) => `${JSON.stringify(valid).slice(0, -1)}${Object.keys(valid).length ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`),
    // the valid body with one field of the wrong type or absurd size
    fc
      .constantFrom(...Object.keys(valid))
      .chain((key) => wrongType(valid[key]).map((v) => JSON.stringify({ ...valid, [key]: v }))),
  )

describe('hostile bodies', () => {
  it('get a 4xx with an error body, never a 5xx, and change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: routes.length - 1 }).chain((i) => hostileBody(routes[i].valid).map((body) => ({ route: routes[i], body }))), async ({ route, body }) => {
        const before = fingerprint()
        const res = await hub.request(route.method, route.path, { cookie: route.cookie ?? admin, json: body })
        const text = await res.text()
        expect(res.status, `${route.method} ${route.path} ${body.slice(0, 200)} → ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
        const parsed = JSON.parse(text)
        expect(typeof parsed.error.code).toBe('string')
        expect(typeof parsed.error.message).toBe('string')
        expect(fingerprint()).toBe(before)
      }),
      { numRuns: 400, seed: 20261128 },
    )
  })

  it('__proto__ in a body is refused and pollutes nothing', async () => {
    const res = await hub.request('PATCH', '/api/me', { cookie: admin, json: '{"__proto__": {"polluted": true}, "locale": "zh"}' })
    expect(res.status).toBe(400)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('invalid emails and country codes name the field', async () => {
    const email = await (await hub.request('POST', '/api/users', { cookie: admin, json: { email: 'not-an-email', displayName: 'X' } })).json()
    expect(email.error).toMatchObject({ code: 'invalid_request' })
    expect(email.error.message).toMatch(/^email:/)
    const country = await (await hub.request('POST', '/api/institutions', { cookie: admin, json: { nameEn: 'I', nameZh: 'I', kind: 'think_tank', country: 'XX' } })).json()
    expect(country.error.message).toMatch(/^country:/)
  })

  it('ids that do not exist or belong to another body are 404s', async () => {
    expect((await hub.request('PATCH', `/api/bodies/data/members/${newId()}`, { cookie: admin, json: { role: 'member' } })).status).toBe(404)
    expect((await hub.request('PATCH', '/api/bodies/no-such-body', { cookie: admin, json: { nameEn: 'X' } })).status).toBe(404)
    expect((await hub.request('PATCH', `/api/institutions/${newId()}`, { cookie: admin, json: { nameEn: 'X' } })).status).toBe(404)
  })
})

describe('request guards', () => {
  it('refuses unsafe requests from another origin or without one', async () => {
    const foreign = await hub.request('PATCH', '/api/me', { cookie: admin, json: { locale: 'zh' }, headers: { origin: 'https://evil.example' } })
    expect(foreign.status).toBe(403)
    expect((await foreign.json()).error.code).toBe('cross_origin')
    const none = await fetch(hub.url + '/api/me', { method: 'PATCH', headers: { cookie: admin, 'content-type': 'application/json' }, body: '{"locale":"zh"}' })
    expect(none.status).toBe(403)
    const fetchMeta = await fetch(hub.url + '/api/me', { method: 'PATCH', headers: { cookie: admin, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body: '{"locale":"en"}' })
    expect(fetchMeta.status).toBe(200)
  })

  it('accepts the same host under another name (127.0.0.1 and localhost)', async () => {
    const alt = hub.url.replace('localhost', '127.0.0.1')
    const res = await fetch(alt + '/api/me', { method: 'PATCH', headers: { cookie: admin, origin: alt, 'content-type': 'application/json' }, body: '{"locale":"en"}' })
    expect(res.status).toBe(200)
  })

  it('refuses bodies that are not JSON (a cross-site form post)', async () => {
    const res = await hub.request('POST', '/api/auth/login', { json: 'email=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(res.status).toBe(415)
    const text = await hub.request('POST', '/api/auth/login', { json: '{"email":"a","password":"b"}', headers: { 'content-type': 'text/plain' } })
    expect(text.status).toBe(415)
  })

  it('refuses bodyless unsafe requests without a JSON content type, and changes nothing', async () => {
    const cookie = await hub.signIn(ADMIN.email, ADMIN.password)
    const other = await hub.signIn(ADMIN.email, ADMIN.password)
    const otherId = hashToken(other.split('=')[1])
    const bare = (method: string, p: string, headers: Record<string, string> = {}) => fetch(hub.url + p, { method, headers: { origin: hub.url, cookie, ...headers } })
    for (const [method, p] of [['POST', '/api/auth/logout'], ['DELETE', `/api/me/sessions/${otherId}`]]) {
      const variants: Record<string, string>[] = [{}, { 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }]
      for (const headers of variants) {
        const res = await bare(method, p, headers)
        expect(res.status, `${method} ${p} ${JSON.stringify(headers)}`).toBe(415)
        expect((await res.json()).error.code).toBe('unsupported_media_type')
      }
    }
    expect((await hub.request('GET', '/api/me', { cookie })).status).toBe(200)
    expect((await hub.request('GET', '/api/me', { cookie: other })).status).toBe(200)
    expect((await bare('DELETE', `/api/me/sessions/${otherId}`, { 'content-type': 'application/json' })).status).toBe(200)
    expect((await bare('POST', '/api/auth/logout', { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200)
  })

  it('answers 413 for bodies over 1 MiB', async () => {
    const res = await hub.request('POST', '/api/auth/login', { json: { email: 'a@example.org', password: 'x'.repeat(1024 * 1024 + 10) } })
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('payload_too_large')
  })

  it('sends security headers with a real Content-Security-Policy on every response: the page policy on pages, the API policy on JSON', async () => {
    for (const p of ['/api/docs', '/p/nothing', '/publications']) {
      const res = await hub.request('GET', p)
      const csp = res.headers.get('content-security-policy')!
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
    }
    for (const p of ['/api/health', '/api/does-not-exist', '/api/bodies']) {
      const res = await hub.request('GET', p)
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin')
    }
  })

  it('unknown API routes are JSON 404s', async () => {
    const res = await hub.request('GET', '/api/nothing/here')
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('not_found')
  })
})

describe('API reference', () => {
  it('describes every route with schemas, served with an interactive page from our own origin', async () => {
    const doc = await (await hub.request('GET', '/api/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    const login = doc.paths['/auth/login'].post
    expect(login.requestBody.content['application/json'].schema).toBeTruthy()
    const page = await (await hub.request('GET', '/api/docs')).text()
    expect(page).toContain('/api/docs/swagger-ui-bundle.js')
    expect((await hub.request('GET', '/api/docs/swagger-ui-bundle.js')).status).toBe(200)
  })
})
