/**
 * Over HTTPS only the `__Host-` session cookie counts, and the API and the websocket upgrade agree on
 * what "over HTTPS" and "same origin" mean (HUB_PUBLIC_URL; behind HUB_TRUST_PROXY=1, X-Forwarded-Proto
 * and X-Forwarded-Host).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { makeDocument } from '../helpers/documents.ts'
import { startTestHub, type TestHub } from '../helpers/hub.ts'

/** 101 when the websocket opened (it is closed again at once), else the HTTP status of the refusal. */
function upgradeStatus(hub: TestHub, documentId: string, headers: Record<string, string>): Promise<number> {
  const ws = new WebSocket(`${hub.url.replace(/^http/, 'ws')}/collab/${documentId}`, { headers })
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.close()
      resolve(101)
    })
    ws.once('unexpected-response', (_req, res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.once('error', reject)
  })
}

/** A member of the data group with a draft to open, and their raw session token. */
async function editor(hub: TestHub) {
  const u = await hub.makeUser()
  await hub.addMember('data', u.id, 'member')
  const { id } = await makeDocument(hub, { body: 'data', state: 'draft', createdBy: u.id })
  return { token: u.cookie.split('=')[1], documentId: id }
}

const me = (hub: TestHub, headers: Record<string, string>) => fetch(`${hub.url}/api/me`, { headers })

describe('HUB_PUBLIC_URL is https', () => {
  const PUBLIC = 'https://hub.example.org'
  let hub: TestHub
  beforeAll(async () => {
    hub = await startTestHub({ publicUrl: PUBLIC })
  })
  afterAll(() => hub.close())

  it('the API accepts only the __Host- cookie', async () => {
    const { token } = await editor(hub)
    expect((await me(hub, { cookie: `hub_session=${token}` })).status).toBe(401)
    expect((await me(hub, { cookie: `__Host-hub_session=${token}` })).status).toBe(200)
  })

  it('the websocket upgrade accepts only the __Host- cookie', async () => {
    const { token, documentId } = await editor(hub)
    expect(await upgradeStatus(hub, documentId, { origin: PUBLIC, cookie: `hub_session=${token}` })).toBe(401)
    expect(await upgradeStatus(hub, documentId, { origin: PUBLIC, cookie: `__Host-hub_session=${token}` })).toBe(101)
  })
})

describe('HUB_TRUST_PROXY=1 behind a TLS proxy', () => {
  const PUBLIC_HOST = 'hub.example.org'
  const viaProxy = { 'x-forwarded-proto': 'https', 'x-forwarded-host': PUBLIC_HOST, origin: `https://${PUBLIC_HOST}` }
  let trusting: TestHub
  let untrusting: TestHub
  beforeAll(async () => {
    trusting = await startTestHub({ trustProxy: true })
    untrusting = await startTestHub()
  })
  afterAll(async () => {
    await trusting.close()
    await untrusting.close()
  })

  it('X-Forwarded-Proto: https makes both the API and the upgrade accept only the __Host- cookie', async () => {
    const { token, documentId } = await editor(trusting)
    expect((await me(trusting, { ...viaProxy, cookie: `hub_session=${token}` })).status).toBe(401)
    expect((await me(trusting, { ...viaProxy, cookie: `__Host-hub_session=${token}` })).status).toBe(200)
    expect(await upgradeStatus(trusting, documentId, { ...viaProxy, cookie: `hub_session=${token}` })).toBe(401)
    expect(await upgradeStatus(trusting, documentId, { ...viaProxy, cookie: `__Host-hub_session=${token}` })).toBe(101)
  })

  it('without the header (plain HTTP) the plain cookie is the one that counts', async () => {
    const { token, documentId } = await editor(trusting)
    expect((await me(trusting, { cookie: `hub_session=${token}` })).status).toBe(200)
    expect(await upgradeStatus(trusting, documentId, { origin: trusting.url, cookie: `hub_session=${token}` })).toBe(101)
  })

  it('the Origin is matched against X-Forwarded-Host by the API and the upgrade alike', async () => {
    const { token, documentId } = await editor(trusting)
    const cookie = `__Host-hub_session=${token}`
    const patch = await fetch(`${trusting.url}/api/me`, { method: 'PATCH', headers: { ...viaProxy, cookie, 'content-type': 'application/json' }, body: '{"locale":"zh"}' })
    expect(patch.status).toBe(200)
    expect(await upgradeStatus(trusting, documentId, { ...viaProxy, cookie })).toBe(101)
    const elsewhere = { ...viaProxy, 'x-forwarded-host': 'other.example.org' }
    expect(await upgradeStatus(trusting, documentId, { ...elsewhere, cookie })).toBe(403)
  })

  it('without HUB_TRUST_PROXY the forwarded headers are ignored by both', async () => {
    const { token, documentId } = await editor(untrusting)
    const cookie = `hub_session=${token}`
    const patch = await fetch(`${untrusting.url}/api/me`, { method: 'PATCH', headers: { ...viaProxy, cookie, 'content-type': 'application/json' }, body: '{"locale":"zh"}' })
    expect(patch.status).toBe(403)
    expect(await upgradeStatus(untrusting, documentId, { ...viaProxy, cookie })).toBe(403)
    expect((await me(untrusting, { ...viaProxy, cookie })).status).toBe(200)
  })
})
