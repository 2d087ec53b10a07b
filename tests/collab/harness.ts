/**
 * A real collab server for tests: a fresh SQLite file in a temp dir, migrated; a plain http server on an
 * ephemeral port whose 'upgrade' event goes to `handleUpgrade`; factories for institutions, users with
 * sessions, bodies, memberships and documents; and real y-websocket clients that carry the session cookie
 * and an Origin header.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createCollabServer, type CollabOptions, type CollabServer } from '../../collab/server.ts'
import { openDatabase } from '../../db/connection.ts'
import { newId } from '../../db/ids.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { createSession } from '../../db/session-auth.ts'
import type { DocumentState } from '../../domain/lifecycle.ts'
import { step1Frame } from './frames.ts'
import type { Role } from '../../domain/roles.ts'

export interface TestUser {
  id: string
  token: string
  sessionId: string
  cookie: string
  name: string
}

export interface LogLine {
  level: string
  msg: string
  extra?: Record<string, unknown>
}

export interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Resolves when the provider has synced with the server (the first time, or again after a reconnect). */
  synced(): Promise<void>
  destroy(): void
}

export type Harness = Awaited<ReturnType<typeof startHarness>>

export async function startHarness(options: Partial<CollabOptions> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-collab-'))
  const file = path.join(dir, 'hub.db')
  const { db, sqlite } = openDatabase(file)
  await migrateToLatest(db)
  const clock = { offset: 0 }
  const now = () => Date.now() + clock.offset
  const logs: LogLine[] = []
  const server: CollabServer = createCollabServer({
    db,
    sqlite,
    now,
    log: (level, msg, extra) => logs.push({ level, msg, extra }),
    ...options,
  })
  const httpServer = http.createServer((_req, res) => res.writeHead(404).end())
  httpServer.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/collab')) server.handleUpgrade(req, socket, head)
    else socket.destroy()
  })
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  const port = (httpServer.address() as { port: number }).port
  const origin = `http://127.0.0.1:${port}`
  const wsBase = `ws://127.0.0.1:${port}/collab`
  const clients = new Set<Client>()
  const sockets = new Set<WebSocket>()

  const institutionId = newId()
  await db
    .insertInto('institutions')
    .values({ id: institutionId, name_en: 'Test Institute', name_zh: '测试研究所', kind: 'think_tank', country: 'CN', joined_on: null, status: 'active', created_at: now() })
    .execute()

  async function user(name = 'User ' + newId().slice(0, 4)): Promise<TestUser> {
    const id = newId()
    await db
      .insertInto('users')
      .values({ id, email: `${id}@example.test`, display_name: name, institution_id: institutionId, locale: 'en', password_hash: null, is_secretariat: 0, disabled_at: null, created_at: now() })
      .execute()
    const { token, session } = await createSession(db, id, now())
    return { id, token, sessionId: session.id, cookie: `hub_session=${token}`, name }
  }

  async function body(): Promise<string> {
    const id = newId()
    await db
      .insertInto('bodies')
      .values({ id, slug: `wg-${id}`, kind: 'working_group', parent_id: null, name_en: 'WG', name_zh: 'WG', mandate_en: '', mandate_zh: '', established: null, archived_at: null, created_at: now() })
      .execute()
    return id
  }

  async function member(bodyId: string, userId: string, role: Role): Promise<void> {
    await db
      .insertInto('memberships')
      .values({ body_id: bodyId, user_id: userId, role, since: now() })
      .onConflict((oc) => oc.columns(['body_id', 'user_id']).doUpdateSet({ role }))
      .execute()
  }

  async function document(bodyId: string, createdBy: string, state: DocumentState = 'draft'): Promise<string> {
    const id = newId()
    await db
      .insertInto('documents')
      .values({ id, body_id: bodyId, kind: 'concept_paper', title_en: 'Doc', title_zh: '文件', language: 'en', state, created_by: createdBy, created_at: now(), updated_at: now() })
      .execute()
    return id
  }

  /** A body with a writer (member), a reader (observer) and one draft document. */
  async function scenario() {
    const bodyId = await body()
    const writer = await user('Writer')
    const reader = await user('Reader')
    await member(bodyId, writer.id, 'member')
    await member(bodyId, reader.id, 'observer')
    const documentId = await document(bodyId, writer.id)
    return { bodyId, writer, reader, documentId }
  }

  function client(documentId: string, who: TestUser, opts: { params?: Record<string, string>; doc?: Y.Doc } = {}): Client {
    const headers = { cookie: who.cookie, origin }
    class AuthedWebSocket extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols, { headers })
      }
    }
    const doc = opts.doc ?? new Y.Doc()
    const provider = new WebsocketProvider(wsBase, documentId, doc, {
      WebSocketPolyfill: AuthedWebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 200,
      params: opts.params ?? {},
    })
    const c: Client = {
      doc,
      provider,
      synced: () =>
        provider.synced ? Promise.resolve() : new Promise<void>((resolve) => provider.once('sync', (s: boolean) => s && resolve())),
      destroy: () => {
        provider.destroy()
        doc.destroy()
        clients.delete(c)
      },
    }
    clients.add(c)
    return c
  }

  /** A raw websocket (no Yjs client), opened; rejects with the HTTP status if the upgrade is refused. */
  function raw(documentId: string, who: TestUser | null, opts: { query?: string; origin?: string } = {}): Promise<WebSocket> {
    const headers: Record<string, string> = { origin: opts.origin ?? origin }
    if (who) headers.cookie = who.cookie
    const ws = new WebSocket(`${wsBase}/${documentId}${opts.query ?? ''}`, { headers })
    sockets.add(ws)
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(ws))
      ws.once('unexpected-response', (_req, res) => reject(new UpgradeRefused(res.statusCode ?? 0)))
      ws.once('error', reject)
    })
  }

  async function close(): Promise<void> {
    for (const c of [...clients]) c.destroy()
    for (const s of sockets) s.terminate()
    await server.close()
    await new Promise<void>((resolve) => httpServer.close(() => resolve()))
    httpServer.closeAllConnections()
    await db.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  }

  return { dir, file, db, sqlite, server, port, origin, wsBase, clock, now, logs, user, body, member, document, scenario, client, raw, close }
}

export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with HTTP ${status}`)
  }
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Resolves with the close code and reason of a socket. */
/**
 * Resolves once the server has handled everything sent on `ws` so far: frames are handled in order, so
 * the answer to a sync step 1 sent now comes after them.
 */
export function roundTrip(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      if (data[0] !== 0 || data[1] !== 1) return // sync step 2
      ws.off('message', onMessage)
      resolve()
    }
    ws.on('message', onMessage)
    ws.send(step1Frame())
  })
}

export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve({ code: -1, reason: 'already closed' })
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
}

/** Collects the binary messages a raw socket receives. */
export function inbox(ws: WebSocket): Buffer[] {
  const messages: Buffer[] = []
  ws.on('message', (data) => messages.push(data as Buffer))
  return messages
}

/** The stored state of a document (snapshot + log) as a Y.Doc, read directly from the database. */
export function storedDoc(sqlite: import('better-sqlite3').Database, documentId: string): Y.Doc {
  const doc = new Y.Doc()
  const snap = sqlite.prepare('SELECT state, up_to FROM document_snapshots WHERE document_id = ?').get(documentId) as
    | { state: Uint8Array; up_to: number }
    | undefined
  if (snap) Y.applyUpdate(doc, snap.state)
  const rows = sqlite
    .prepare('SELECT "update" FROM document_updates WHERE document_id = ? AND id > ? ORDER BY id')
    .all(documentId, snap?.up_to ?? 0) as { update: Uint8Array }[]
  for (const row of rows) Y.applyUpdate(doc, row.update)
  return doc
}

/**
 * True when everything `received` holds is also in `stored`: every client's clock is covered by what
 * `stored` has integrated, and applying `received` to it changes nothing (no new deletions either).
 * `stored` may additionally hold pending structs (raw client data waiting for dependencies).
 */
export function containedIn(received: Y.Doc, stored: Y.Doc): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(stored))
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(received))) {
    if ((have.get(client) ?? 0) < clock) return false
  }
  let changed = false
  stored.on('update', () => (changed = true))
  Y.applyUpdate(stored, Y.encodeStateAsUpdate(received))
  return !changed
}

export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) && text(a) === text(b)
}

/** The document content as text (the Tiptap `default` XmlFragment). */
export function text(doc: Y.Doc): string {
  return doc.getXmlFragment('default').toString()
}

/** Appends a paragraph with text, the way the editor does. */
export function typeParagraph(doc: Y.Doc, content: string): void {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(content)])
  const fragment = doc.getXmlFragment('default')
  fragment.insert(fragment.length, [p])
}
