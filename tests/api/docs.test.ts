/**
 * The interactive reference at /api/docs: its "Try it out" requests pass the API's JSON guard. The page's
 * own script is run with a stand-in for Swagger UI to take the request interceptor it configures, and the
 * requests it shapes are sent to the real hub: a bodyless POST that the API refuses with 415 on its own
 * goes through once the interceptor has run.
 */
import vm from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'

interface SwaggerRequest {
  url: string
  method: string
  headers: Record<string, string>
}

let hub: TestHub
let intercept: (r: SwaggerRequest) => SwaggerRequest

beforeAll(async () => {
  hub = await startTestHub()
  const script = await (await fetch(`${hub.url}/api/docs/init.js`)).text()
  let config: { requestInterceptor?: typeof intercept } = {}
  vm.runInNewContext(script, { window: {}, SwaggerUIBundle: (c: typeof config) => (config = c) })
  intercept = config.requestInterceptor!
})
afterAll(() => hub.close())

describe('/api/docs', () => {
  it('loads the script that configures Swagger UI with a request interceptor', async () => {
    const page = await (await fetch(`${hub.url}/api/docs`)).text()
    expect(page).toContain('<script src="/api/docs/init.js"></script>')
    expect(typeof intercept).toBe('function')
  })

  it('says JSON on bodyless unsafe requests, so the API does not answer 415', async () => {
    const cookie = await hub.signIn(ADMIN.email, ADMIN.password)
    const send = (r: SwaggerRequest) => fetch(r.url, { method: r.method, headers: { ...r.headers, origin: hub.url, cookie } })
    const bare = () => ({ url: `${hub.url}/api/auth/logout`, method: 'POST', headers: {} })
    expect((await send(bare())).status).toBe(415)
    const shaped = intercept(bare())
    expect(shaped.headers).toEqual({ 'Content-Type': 'application/json' })
    expect((await send(shaped)).status).toBe(200)
    for (const method of ['put', 'PATCH', 'DELETE']) expect(intercept({ url: '/api/x', method, headers: {} }).headers['Content-Type']).toBe('application/json')
  })

  it('leaves reads and requests that already name a type alone', () => {
    expect(intercept({ url: '/api/me', method: 'GET', headers: {} }).headers).toEqual({})
    expect(intercept({ url: '/api/auth/login', method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' } }).headers).toEqual({ 'content-type': 'application/json; charset=utf-8' })
  })
})
