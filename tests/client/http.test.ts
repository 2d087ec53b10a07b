/** The typed API client sends what the server's CSRF guard requires: JSON content type on every unsafe request. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../client/http/client.ts'

let seen: { method: string; contentType: string | null }[]
beforeEach(() => {
  seen = []
  vi.stubGlobal('fetch', async (_input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ method: init?.method ?? 'GET', contentType: new Headers(init?.headers).get('content-type') })
    return new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } })
  })
})
afterEach(() => vi.unstubAllGlobals())

describe('api client', () => {
  it('sends Content-Type: application/json on bodyless unsafe requests', async () => {
    await api.auth.logout.$post()
    await api.me.sessions[':id'].$delete({ param: { id: 'a'.repeat(64) } })
    expect(seen).toEqual([
      { method: 'POST', contentType: 'application/json' },
      { method: 'DELETE', contentType: 'application/json' },
    ])
  })

  it('keeps it on JSON bodies and adds none to reads', async () => {
    await api.me.$patch({ json: { locale: 'zh' } })
    await api.me.$get()
    expect(seen).toEqual([
      { method: 'PATCH', contentType: 'application/json' },
      { method: 'GET', contentType: null },
    ])
  })
})
