/**
 * `main.ts` on SIGTERM: pending edits are flushed, every open socket is closed with 1001 (going away), the
 * process exits 0, and what the clients typed is in the database. The real entry point runs as a child
 * process on a temporary data directory (with a stand-in web client, so no build is needed).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { containedIn, storedDoc, text, typeParagraph, waitFor } from './harness.ts'

const ADMIN = { email: 'secretariat@shutdown.test', password: 'a-long-admin-password' }

function startMain(dataDir: string, webDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', HUB_DATA_DIR: dataDir, HUB_WEB_DIR: webDir, HUB_ADMIN_EMAIL: ADMIN.email, HUB_ADMIN_PASSWORD: ADMIN.password },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /running at (http:\/\/\S+)/.exec(out)
      if (m) resolve({ child, url: m[1].replace('localhost', '127.0.0.1') })
    })
    child.once('exit', (code) => reject(new Error(`main.ts exited early with ${code}: ${out}`)))
  })
}

describe('graceful shutdown of main.ts', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-shutdown-'))
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-web-'))
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>hub</title>')
  let child: ChildProcess | null = null
  const providers: WebsocketProvider[] = []
  afterAll(() => {
    for (const p of providers) p.destroy()
    child?.kill('SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.rmSync(webDir, { recursive: true, force: true })
  })

  it('SIGTERM flushes pending edits, closes every socket with 1001 and exits 0', { timeout: 30_000 }, async () => {
    const started = await startMain(dataDir, webDir)
    child = started.child
    const { url } = started
    const headers = (cookie?: string) => ({ origin: url, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) })
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: headers(), body: JSON.stringify(ADMIN) })
    expect(login.status).toBe(200)
    const cookie = login.headers.get('set-cookie')!.split(';')[0]
    const created = await fetch(`${url}/api/bodies/data/documents`, { method: 'POST', headers: headers(cookie), body: JSON.stringify({ kind: 'research_report', titleEn: 'Shutdown', titleZh: '关闭', language: 'en' }) })
    expect(created.status).toBe(201)
    const documentId = ((await created.json()) as { id: string }).id

    const closes: number[] = []
    const connect = (as: string) => {
      class Authed extends WebSocket {
        constructor(address: string | URL, protocols?: string | string[]) {
          super(address, protocols, { headers: { cookie: as, origin: url } })
          this.on('close', (code) => closes.push(code))
        }
      }
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/collab`, documentId, doc, {
        WebSocketPolyfill: Authed as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      })
      providers.push(provider)
      return { doc, provider }
    }
    // The secretariat reads drafts but does not write them, so the writer is a member invited and
    // signed in through the API.
    const invite = await fetch(`${url}/api/bodies/data/invitations`, { method: 'POST', headers: headers(cookie), body: JSON.stringify({ email: 'writer@shutdown.test', role: 'member' }) })
    const token = new URL(((await invite.json()) as { link: string }).link).pathname.split('/').pop()
    const accepted = await fetch(`${url}/api/invitations/${token}/accept`, { method: 'POST', headers: headers(), body: JSON.stringify({ displayName: 'Writer', password: 'a-long-writer-password' }) })
    expect(accepted.status).toBe(200)
    const writerCookie = accepted.headers.get('set-cookie')!.split(';')[0]
    const reader = connect(cookie)
    const writer = connect(writerCookie)
    await waitFor(() => reader.provider.synced && writer.provider.synced, 10_000, 'both synced')
    typeParagraph(writer.doc, 'typed just before the shutdown')
    await waitFor(() => text(reader.doc).includes('typed just before the shutdown'), 10_000, 'broadcast')
    // More edits go out and SIGTERM follows at once: they are in flight or waiting for their batch.
    for (let i = 0; i < 20; i++) typeParagraph(writer.doc, `last words ${i}`)
    await new Promise((r) => setTimeout(r, 5))
    for (const p of providers) p.shouldConnect = false // no reconnect to a server that is going away
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    child = null
    await waitFor(() => closes.length >= 2, 5000, 'both sockets closed')
    expect(closes.slice(0, 2)).toEqual([1001, 1001])

    const db = new SQLite(path.join(dataDir, 'hub.sqlite'), { readonly: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const stored = storedDoc(db, documentId)
      expect(text(stored)).toContain('typed just before the shutdown')
      // Everything the reader was sent before the sockets closed is stored (durable before broadcast).
      expect(containedIn(reader.doc, stored)).toBe(true)
    } finally {
      db.close()
    }
  })
})
