/**
 * Crash durability: the server runs as a child process and is killed with SIGKILL at random moments while
 * three clients type and an observer records everything the server sends it. After every kill, everything
 * the observer ever received must be in the stored state (durable before broadcast), and the database must
 * pass `PRAGMA integrity_check`. At the end every client reconverges with the store.
 * Seed with COLLAB_CRASH_SEED, more kills with COLLAB_CRASH_KILLS.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openDatabase } from '../../db/connection.ts'
import { newId } from '../../db/ids.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { createSession } from '../../db/session-auth.ts'
import { containedIn, storedDoc, text, typeParagraph, waitFor } from './harness.ts'

const SEED = Number(process.env.COLLAB_CRASH_SEED ?? Date.now() % 100_000)
const KILLS = Number(process.env.COLLAB_CRASH_KILLS ?? 5)

function random(seed: number) {
  let s = seed >>> 0 || 1
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

async function seed(file: string) {
  const { db } = openDatabase(file)
  await migrateToLatest(db)
  const now = Date.now()
  const bodyId = newId()
  await db.insertInto('bodies').values({ id: bodyId, slug: 'wg', kind: 'working_group', parent_id: null, name_en: 'WG', name_zh: 'WG', mandate_en: '', mandate_zh: '', established: null, archived_at: null, created_at: now }).execute()
  const users: Record<'writer' | 'observer', string> = { writer: '', observer: '' }
  let writerId = ''
  for (const role of ['writer', 'observer'] as const) {
    const id = newId()
    if (role === 'writer') writerId = id
    await db.insertInto('users').values({ id, email: `${role}@example.test`, display_name: role, institution_id: null, locale: 'en', password_hash: null, is_secretariat: 0, disabled_at: null, created_at: now }).execute()
    await db.insertInto('memberships').values({ body_id: bodyId, user_id: id, role: role === 'writer' ? 'member' : 'observer', since: now }).execute()
    users[role] = (await createSession(db, id, now)).token
  }
  const documentId = newId()
  await db.insertInto('documents').values({ id: documentId, body_id: bodyId, kind: 'concept_paper', title_en: 'D', title_zh: 'D', language: 'en', state: 'draft', created_by: writerId, created_at: now, updated_at: now }).execute()
  await db.destroy()
  return { documentId, tokens: users }
}

/** Sum of a document's clocks: grows with every insertion any client made. */
const clockSum = (doc: Y.Doc) => [...Y.decodeStateVector(Y.encodeStateVector(doc)).values()].reduce((a, b) => a + b, 0)

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

function startServer(file: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/collab/crash-server.ts', file, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve(child))
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)))
  })
}

describe('crash durability', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-crash-'))
  const file = path.join(dir, 'hub.db')
  let server: ChildProcess | null = null
  const providers: WebsocketProvider[] = []
  afterAll(() => {
    for (const p of providers) p.destroy()
    server?.kill('SIGKILL')
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it(`everything any client received survives ${KILLS} kill -9s (seed ${SEED})`, { timeout: 30_000 + KILLS * 12_000 }, async () => {
    const rand = random(SEED)
    const { documentId, tokens } = await seed(file)
    const port = await freePort()
    server = await startServer(file, port)
    const connect = (token: string) => {
      const doc = new Y.Doc()
      const headers = { cookie: `hub_session=${token}`, origin: `http://127.0.0.1:${port}` }
      class Authed extends WebSocket {
        constructor(address: string | URL, protocols?: string | string[]) {
          super(address, protocols, { headers })
        }
      }
      const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/collab`, documentId, doc, {
        WebSocketPolyfill: Authed as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        maxBackoffTime: 100,
      })
      providers.push(provider)

      return { doc, provider }
    }
    const writers = [connect(tokens.writer), connect(tokens.writer), connect(tokens.writer)]
    const observer = connect(tokens.observer)
    let typed = 0
    const typing = setInterval(() => {
      const w = writers[Math.floor(rand() * writers.length)]
      const fragment = w.doc.getXmlFragment('default')
      if (fragment.length > 0 && rand() < 0.5) {
        const t = (fragment.get(Math.floor(rand() * fragment.length)) as Y.XmlElement).get(0) as Y.XmlText
        if (rand() < 0.7 || t.length === 0) t.insert(Math.floor(rand() * (t.length + 1)), 'abc'.slice(0, 1 + Math.floor(rand() * 3)))
        else t.delete(Math.floor(rand() * t.length), 1)
      } else typeParagraph(w.doc, `p${typed}`)
      typed++
    }, 8)

    try {
      let observed = 0
      for (let kill = 0; kill < KILLS; kill++) {
        // Once everyone is back and edits flow through the server again, wait a random while, pull the plug.
        await waitFor(() => [...writers, observer].every((c) => c.provider.synced) && clockSum(observer.doc) > observed, 20_000, 'edits flowing')
        await new Promise((r) => setTimeout(r, 50 + rand() * 500))
        const exited = new Promise((r) => server?.once('exit', r))
        server?.kill('SIGKILL')
        await exited
        const received = new Y.Doc()
        Y.applyUpdate(received, Y.encodeStateAsUpdate(observer.doc))
        const check = new SQLite(file)
        expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
        const stored = storedDoc(check, documentId)
        check.close()
        expect(containedIn(received, stored), `kill ${kill}: the observer holds updates the store lost`).toBe(true)
        observed = clockSum(received)
        server = await startServer(file, port)
      }
    } finally {
      clearInterval(typing)
    }

    // Everyone reconverges with the store.
    const sv = (d: Y.Doc) => Buffer.from(Y.encodeStateVector(d))
    await waitFor(() => writers.every((w) => w.provider.synced && sv(w.doc).equals(sv(writers[0].doc))) && sv(observer.doc).equals(sv(writers[0].doc)), 20_000, 'clients reconverge')
    const exited = new Promise((r) => server?.once('exit', r))
    server?.kill('SIGTERM')
    await exited
    server = null
    const check = new SQLite(file)
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    const stored = storedDoc(check, documentId)
    check.close()
    expect(sv(stored).equals(sv(writers[0].doc))).toBe(true)
    expect(text(stored)).toBe(text(writers[0].doc))
    expect(typed).toBeGreaterThan(100)
  })
})
