import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
beforeAll(async () => {
  hub = await startTestHub()
})
afterAll(() => hub.close())

describe('the hub answers', () => {
  it('health', async () => {
    const res = await hub.request('GET', '/api/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
  })
  it('signs the admin in and lists the seeded bodies', async () => {
    const cookie = await hub.signIn(ADMIN.email, ADMIN.password)
    const me = await (await hub.request('GET', '/api/me', { cookie })).json()
    expect(me.user.isSecretariat).toBe(true)
    const res = await hub.request('GET', '/api/bodies', { cookie })
    const { bodies } = await res.json()
    expect(bodies.map((b: { slug: string }) => b.slug)).toContain('ai-safety-governance')
  })
  it('serves the openapi document', async () => {
    const res = await hub.request('GET', '/api/openapi.json')
    const doc = await res.json()
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20)
  })
})
