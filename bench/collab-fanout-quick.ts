/**
 * Quick fan-out check of the collab server (not the full benchmark suite): N editors on one document, each
 * making `rate` edits per second (a character typed into a paragraph plus a timestamp) for `seconds`.
 * The server runs alone in a child process (the whole collab server: auth, validator threads, group commit
 * with synchronous=FULL); the clients are stock y-websocket providers in this process.
 * Reports delivery latency (edit → applied at each other editor) p50/p99, and the server's CPU time
 * (all its threads) per delivered update; then the same load against the reference server
 * (@y/websocket-server: in memory, no auth, no durability) for the ratio on this machine.
 *
 *   npx tsx bench/collab-fanout-quick.ts [editors=50] [rate=2] [seconds=10] [batchWindowMs=25]
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import WebSocket, { WebSocketServer } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createCollabServer } from '../collab/server.ts'
import { openDatabase } from '../db/connection.ts'
import { newId } from '../db/ids.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { createSession } from '../db/session-auth.ts'

interface Reading {
  cpuMicros: number
  stats: Record<string, number>
}

process.setMaxListeners(0) // every y-websocket provider adds an 'exit' listener
if (process.argv[2] === '--server') await serve(process.argv[3], Number(process.argv[4]))
else if (process.argv[2] === '--reference') await serveReference()
else await main(...process.argv.slice(2).map(Number))

async function main(editors = 50, rate = 2, seconds = 10, batchWindowMs = 25): Promise<void> {
  const ours = await bench('ours', editors, rate, seconds, batchWindowMs)
  const reference = await bench('reference', editors, rate, seconds, batchWindowMs)
  console.log(JSON.stringify({ ours, reference, cpuRatio: +(ours.serverCpuMicrosPerDeliveredUpdate / reference.serverCpuMicrosPerDeliveredUpdate).toFixed(2) }, null, 2))
  process.exit(0)
}

function answerCpu(stats: () => Record<string, number>): void {
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'exit') process.exit(0)
    if (line !== 'cpu') return
    const { user, system } = process.cpuUsage()
    process.stdout.write(`${JSON.stringify({ cpuMicros: user + system, stats: stats() })}\n`)
  })
}

/** The reference: @y/websocket-server's setupWSConnection on a plain ws server (what the issue compares to). */
async function serveReference(): Promise<void> {
  const { setupWSConnection } = await import('@y/websocket-server/utils')
  const server = http.createServer((_req, res) => res.writeHead(404).end())
  const wss = new WebSocketServer({ server })
  wss.on('connection', (ws, req) => setupWSConnection(ws, req))
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: (server.address() as { port: number }).port })}\n`))
  answerCpu(() => ({ batches: 0 }))
}

/** Child mode: the collab server on the given database; answers "cpu" on stdin with its CPU time. */
async function serve(file: string, batchWindowMs: number): Promise<void> {
  const { db, sqlite } = openDatabase(file)
  await migrateToLatest(db)
  const collab = createCollabServer({ db, sqlite, batchWindowMs, log: () => {} })
  const server = http.createServer((_req, res) => res.writeHead(404).end())
  server.on('upgrade', (req, socket, head) => collab.handleUpgrade(req, socket, head))
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: (server.address() as { port: number }).port })}\n`))
  answerCpu(() => ({ ...collab.stats() }))
}

async function bench(server: 'ours' | 'reference', editors: number, rate: number, seconds: number, batchWindowMs: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-fanout-'))
  const file = path.join(dir, 'hub.db')
  const { documentId, cookie } = await seed(file)
  const child = spawn(process.execPath, [...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), ...(process.env.PERF ? ['--perf-basic-prof'] : []), '--import', 'tsx', new URL(import.meta.url).pathname, ...(server === 'ours' ? ['--server', file, String(batchWindowMs)] : ['--reference'])], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines = readline.createInterface({ input: child.stdout! })
  const next = () => new Promise<string>((resolve) => lines.once('line', resolve))
  const { port } = JSON.parse(await next()) as { port: number }
  if (process.env.PERF) fs.writeFileSync('/tmp/bench-child.pid', String(child.pid))
  const reading = async (): Promise<Reading> => {
    child.stdin!.write('cpu\n')
    return JSON.parse(await next()) as Reading
  }

  class Authed extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie, origin: `http://127.0.0.1:${port}` } })
    }
  }
  let measuring = false
  const latencies: number[] = []
  let delivered = 0
  const clients = Array.from({ length: editors }, (_, i) => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/collab`, documentId, doc, {
      WebSocketPolyfill: Authed as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    const stamps = doc.getMap<number>('stamps')
    stamps.observe((event, tx) => {
      if (tx.local) return
      const now = performance.timeOrigin + performance.now()
      for (const key of event.keysChanged) {
        if (!measuring || key === String(i)) continue
        latencies.push(now - (stamps.get(key) ?? now))
        delivered++
      }
    })
    return { doc, provider, stamps, i }
  })
  await Promise.all(clients.map((c) => new Promise<void>((r) => (c.provider.synced ? r() : c.provider.once('sync', () => r())))))
  const fragment = clients[0].doc.getXmlFragment('default')
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText('start')])
  fragment.insert(0, [p])
  await new Promise((r) => setTimeout(r, 1000))

  const edit = (c: (typeof clients)[number]) =>
    c.doc.transact(() => {
      const paragraph = c.doc.getXmlFragment('default').get(0) as Y.XmlElement | undefined
      const text = paragraph?.get(0) as Y.XmlText | undefined
      text?.insert(Math.floor(Math.random() * (text.length + 1)), 'x')
      c.stamps.set(String(c.i), performance.timeOrigin + performance.now())
    })
  const timers = clients.map((c) => {
    const start = setTimeout(() => {
      timers[c.i] = setInterval(() => edit(c), 1000 / rate)
      edit(c)
    }, Math.random() * (1000 / rate))
    return start
  })
  await new Promise((r) => setTimeout(r, 5000)) // warm up: connections, JIT
  measuring = true
  const before = await reading()
  await new Promise((r) => setTimeout(r, seconds * 1000))
  const after = await reading()
  measuring = false
  for (const t of timers) clearInterval(t)
  await new Promise((r) => setTimeout(r, 300))

  latencies.sort((a, b) => a - b)
  const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]
  const cpu = after.cpuMicros - before.cpuMicros
  for (const c of clients) c.provider.destroy()
  child.stdin!.write('exit\n')
  await new Promise((r) => child.once('exit', r))
  fs.rmSync(dir, { recursive: true, force: true })
  return {
    server,
    editors,
    editsPerSecondEach: rate,
    seconds,
    ...(server === 'ours' ? { batchWindowMs, commitBatches: after.stats.batches - before.stats.batches } : {}),
    deliveredUpdates: delivered,
    latencyMs: { p50: +pct(0.5).toFixed(1), p99: +pct(0.99).toFixed(1), max: +pct(1).toFixed(1) },
    serverCpuMs: +(cpu / 1000).toFixed(0),
    serverCpuMicrosPerDeliveredUpdate: +(cpu / delivered).toFixed(2),
  }
}

async function seed(file: string): Promise<{ documentId: string; cookie: string }> {
  const { db } = openDatabase(file)
  await migrateToLatest(db)
  const at = Date.now()
  const bodyId = newId()
  const userId = newId()
  const documentId = newId()
  await db.insertInto('bodies').values({ id: bodyId, slug: 'bench', kind: 'working_group', parent_id: null, name_en: 'B', name_zh: 'B', mandate_en: '', mandate_zh: '', established: null, archived_at: null, created_at: at }).execute()
  await db.insertInto('users').values({ id: userId, email: 'bench@example.test', display_name: 'Bench', institution_id: null, locale: 'en', password_hash: null, is_secretariat: 0, disabled_at: null, created_at: at }).execute()
  await db.insertInto('memberships').values({ body_id: bodyId, user_id: userId, role: 'member', since: at }).execute()
  await db.insertInto('documents').values({ id: documentId, body_id: bodyId, kind: 'concept_paper', title_en: 'B', title_zh: 'B', language: 'en', state: 'draft', created_by: userId, created_at: at, updated_at: at }).execute()
  const { token } = await createSession(db, userId, at)
  await db.destroy()
  return { documentId, cookie: `hub_session=${token}` }
}
