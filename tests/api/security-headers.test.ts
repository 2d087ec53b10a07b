/** Pages' Content-Security-Policy connects only to the hub's own origin; HSTS is sent only over HTTPS. */
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../helpers/hub.ts'

const directive = (csp: string | null, name: string) =>
  csp
    ?.split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `))

/** A GET with a Host header of our choosing (fetch does not let us set one). */
function getWithHost(hub: TestHub, host: string, headers: Record<string, string> = {}): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: hub.port, path: '/p/nothing', headers: { ...headers, host } }, (res) => {
      res.resume()
      resolve(res)
    })
    req.on('error', reject)
  })
}

describe('over plain HTTP', () => {
  let hub: TestHub
  beforeAll(async () => {
    hub = await startTestHub()
  })
  afterAll(() => hub.close())

  it('connect-src is self plus the websocket origin of the host the page came from, and no HSTS', async () => {
    for (const p of ['/', '/api/docs', '/p/nothing']) {
      const res = await hub.request('GET', p)
      await res.body?.cancel()
      expect(directive(res.headers.get('content-security-policy'), 'connect-src')).toBe(`connect-src 'self' ws://localhost:${hub.port}`)
      expect(res.headers.get('strict-transport-security')).toBeNull()
    }
    const other = await getWithHost(hub, `127.0.0.1:${hub.port}`)
    expect(directive(other.headers['content-security-policy'] as string, 'connect-src')).toBe(`connect-src 'self' ws://127.0.0.1:${hub.port}`)
  })

  it('keeps inline styles allowed (Tiptap and Kobalte need them) and scripts to self', async () => {
    const res = await hub.request('GET', '/p/nothing')
    const csp = res.headers.get('content-security-policy')
    expect(directive(csp, 'style-src')).toBe("style-src 'self' 'unsafe-inline'")
    expect(directive(csp, 'script-src')).toBe("script-src 'self'")
  })

  it('ignores forwarded headers without HUB_TRUST_PROXY', async () => {
    const res = await hub.request('GET', '/p/nothing', { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'hub.example.org' } })
    expect(directive(res.headers.get('content-security-policy'), 'connect-src')).toBe(`connect-src 'self' ws://localhost:${hub.port}`)
    expect(res.headers.get('strict-transport-security')).toBeNull()
  })
})

describe('over HTTPS', () => {
  it('HUB_PUBLIC_URL https: wss:// of the public origin, and HSTS', async () => {
    const hub = await startTestHub({ publicUrl: 'https://hub.example.org' })
    try {
      const res = await hub.request('GET', '/p/nothing')
      const connect = directive(res.headers.get('content-security-policy'), 'connect-src')!
      expect(connect.split(' ').slice(1).sort()).toEqual(["'self'", 'wss://hub.example.org', `wss://localhost:${hub.port}`].sort())
      expect(connect).not.toMatch(/ (ws|wss):(\s|$)/)
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
      const api = await hub.request('GET', '/api/health')
      expect(api.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
    } finally {
      await hub.close()
    }
  })

  it('never writes a forwarded host that is not a plain host into the policy', async () => {
    const hub = await startTestHub({ trustProxy: true })
    try {
      const res = await hub.request('GET', '/p/nothing', { headers: { 'x-forwarded-host': "evil.example; script-src 'unsafe-inline'" } })
      const csp = res.headers.get('content-security-policy')!
      expect(directive(csp, 'connect-src')).toBe("connect-src 'self'")
      expect(csp).not.toContain('evil')
    } finally {
      await hub.close()
    }
  })

  it('behind a trusted proxy: wss:// of the forwarded host, and HSTS only when the proxy says https', async () => {
    const hub = await startTestHub({ trustProxy: true })
    try {
      const res = await hub.request('GET', '/p/nothing', { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'hub.example.org' } })
      expect(directive(res.headers.get('content-security-policy'), 'connect-src')).toBe("connect-src 'self' wss://hub.example.org")
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
      const plain = await hub.request('GET', '/p/nothing')
      expect(plain.headers.get('strict-transport-security')).toBeNull()
    } finally {
      await hub.close()
    }
  })
})
