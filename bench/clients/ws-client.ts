/**
 * A load-generating process, driven by the bench runner over IPC. It holds many websocket connections to
 * one server under test: a few "real" clients with a Y.Doc that edit (each edit inserts a timestamped
 * marker at a random position, one Yjs transaction and one update message per edit) and protocol-level
 * listeners that only read frames. Every receiver scans updates for markers and records delivery latency
 * in a histogram (wire.ts). Commands: open, start, count, report, history-write, open-time, close, and
 * tcp-open (plain TCP sockets that read and discard, the receivers of the write-floor case).
 */
import { createHash } from 'node:crypto'
import net from 'node:net'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { authFrame, newHist, nowMs, readSync, record, scanMarkers, sparse, syncFrame, marker, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE, type ServerKind } from '../lib/wire.ts'

export interface ConnSpec {
  doc: string
  cookie?: string
  real: boolean
  client: number
}

interface Conn {
  spec: ConnSpec
  ws: WebSocket
  doc: Y.Doc | null
  joined: boolean
  onJoined?: () => void
  next: number
  interval: number
  buffer: Uint8Array[] | null
  startedAt: number
}

const REMOTE = Symbol('remote')
const EMPTY_SV = Y.encodeStateVector(new Y.Doc())
let kind: ServerKind = 'reference'
let base = ''
let origin = ''
const conns: Conn[] = []
const tcpSockets: net.Socket[] = []
let hist = newHist()
let delivered = 0
let frames = 0
let sent = 0
/** Edits sent before this moment belong to an earlier phase (the warm-up): their late deliveries are not counted. */
let phaseStart = 0
let ticker: NodeJS.Timeout | null = null

function url(doc: string): string {
  if (kind === 'ours') return `${base}/collab/${doc}`
  if (kind === 'reference') return `${base}/${doc}`
  return `${base}/`
}

function connect(spec: ConnSpec, measure = false): Promise<Conn> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { origin }
    if (spec.cookie) headers.cookie = spec.cookie
    const ws = new WebSocket(url(spec.doc), { headers, perMessageDeflate: false })
    ws.binaryType = 'nodebuffer'
    const doc = spec.real ? new Y.Doc() : null
    const conn: Conn = { spec, ws, doc, joined: false, next: Infinity, interval: 0, buffer: null, startedAt: performance.now() }
    const timer = setTimeout(() => reject(new Error(`join timeout ${spec.doc}`)), 30_000)
    conn.onJoined = () => {
      clearTimeout(timer)
      resolve(conn)
    }
    if (doc) {
      doc.on('update', (update: Uint8Array, o: unknown) => {
        if (o === REMOTE || ws.readyState !== WebSocket.OPEN) return
        if (conn.buffer) conn.buffer.push(update)
        else ws.send(syncFrame(kind, spec.doc, SYNC_UPDATE, update))
      })
    }
    ws.on('open', () => {
      if (kind === 'hocuspocus') ws.send(authFrame(spec.doc))
      ws.send(syncFrame(kind, spec.doc, SYNC_STEP1, doc ? Y.encodeStateVector(doc) : EMPTY_SV))
    })
    ws.on('message', (data: Buffer) => onFrame(conn, data, measure))
    ws.on('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    ws.on('close', (code, reason) => {
      if (code >= 4000 && process.env.BENCH_DEBUG) console.error(`[client] ${spec.doc} closed ${code} ${reason}`)
      if (!conn.joined) {
        clearTimeout(timer)
        reject(new Error(`closed ${code} before sync`))
      }
    })
  })
}

function onFrame(conn: Conn, data: Buffer, measure: boolean): void {
  const at = nowMs()
  const msg = readSync(kind, data)
  if (!msg) return
  const { doc, spec } = conn
  if (msg.sub === SYNC_STEP1) {
    if (doc) conn.ws.send(syncFrame(kind, spec.doc, SYNC_STEP2, Y.encodeStateAsUpdate(doc, msg.payload)))
    return
  }
  const applyStart = performance.now()
  if (doc) Y.applyUpdate(doc, msg.payload, REMOTE)
  if (msg.sub === SYNC_STEP2) {
    // Where an open's time goes: the server's answer arriving, or this process decoding it.
    if (measure && process.env.BENCH_DEBUG) console.error(`[open] ${spec.doc}: ${msg.payload.length} B received after ${(applyStart - conn.startedAt).toFixed(1)} ms, applied in ${(performance.now() - applyStart).toFixed(1)} ms`)
    if (!conn.joined) {
      conn.joined = true
      conn.onJoined?.()
    }
    return
  }
  if (measure) return
  frames++
  scanMarkers(msg.payload, (client, sentAt) => {
    if (client === spec.client && doc) return
    if (sentAt < phaseStart) return
    delivered++
    record(hist, at - sentAt)
  })
}

async function openAll(specs: ConnSpec[], concurrency: number): Promise<number> {
  let failed = 0
  for (let i = 0; i < specs.length; i += concurrency) {
    const batch = specs.slice(i, i + concurrency)
    const results = await Promise.allSettled(batch.map((s) => connect(s)))
    for (const r of results) {
      if (r.status === 'fulfilled') conns.push(r.value)
      else failed++
    }
  }
  return failed
}

function tick(endAt: number): void {
  const now = nowMs()
  for (const c of conns) {
    if (!c.doc) continue
    let budget = 100
    while (c.next <= now && c.next < endAt && budget-- > 0) {
      insertAtRandomPlace(c.doc, marker(c.spec.client))
      sent++
      c.next += c.interval
    }
  }
  if (now >= endAt && ticker) {
    clearInterval(ticker)
    ticker = null
  }
}

/**
 * Inserts `text` at a random place in the doc's text: right after a randomly chosen item (any client's,
 * deleted or not), or at the start. This is what `Y.Text.insert` at a random index does, without its
 * index lookup: Yjs drops a text's search markers on every remote change, so with hundreds of remote
 * updates a second each index lookup walks half the list (at N = 400 that walk was a third of a load
 * generator's CPU). Same Yjs integration, same update on the wire; only the client's cost differs.
 */
function insertAtRandomPlace(doc: Y.Doc, text: string): void {
  const type = doc.getText('bench')
  const clients = [...doc.store.clients.values()]
  const structs = clients.length ? clients[Math.floor(Math.random() * clients.length)] : []
  const pick = structs[Math.floor(Math.random() * (structs.length + 1))]
  const left = pick instanceof Y.Item && pick.parent === type ? pick : null
  doc.transact((tr) => {
    const right = left ? left.right : type._start
    const id = Y.createID(doc.clientID, Y.getState(doc.store, doc.clientID))
    new Y.Item(id, left, left?.lastId ?? null, right, right?.id ?? null, type, null, new Y.ContentString(text)).integrate(tr, 0)
  })
}

/** Writes `edits` small inserts, `perMessage` per update message, one message every `spacingMs`. */
async function historyWrite(conn: Conn, edits: number, perMessage: number, spacingMs: number): Promise<void> {
  const doc = conn.doc!
  const text = doc.getText('bench')
  for (let start = 0; start < edits; start += perMessage) {
    conn.buffer = []
    for (let i = start; i < Math.min(edits, start + perMessage); i++) {
      text.insert(Math.floor(Math.random() * (text.length + 1)), 'ab ')
    }
    const updates = conn.buffer
    conn.buffer = null
    conn.ws.send(syncFrame(kind, conn.spec.doc, SYNC_UPDATE, Y.mergeUpdates(updates)))
    await new Promise((r) => setTimeout(r, spacingMs))
  }
}

/** Reply to `open-time`: how long a new client took to be synced (NaN if it got fewer characters). */
export interface OpenTime {
  ms: number
  length: number
}

/** Reply to `report`: counters, the latency histogram, and each Y.Doc's text (hashed) by document. */
export interface Report {
  delivered: number
  sent: number
  frames: number
  hist: [number, number][]
  texts: { doc: string; hash: string; length: number }[]
}

async function openTime(spec: ConnSpec, expectLength: number): Promise<OpenTime> {
  const t0 = performance.now()
  const conn = await connect(spec, true)
  const ms = performance.now() - t0
  const length = conn.doc!.getText('bench').length
  conn.ws.close()
  conn.doc!.destroy()
  if (length < expectLength) return { ms: NaN, length }
  return { ms, length }
}

type Command = { id: number; cmd: string; [k: string]: unknown }

process.on('message', async (msg: Command) => {
  const reply = (body: object) => process.send?.({ id: msg.id, ...body })
  try {
    switch (msg.cmd) {
      case 'init':
        kind = msg.kind as ServerKind
        base = msg.base as string
        origin = msg.origin as string
        return reply({ ok: true })
      case 'open': {
        const failed = await openAll(msg.conns as ConnSpec[], (msg.concurrency as number) ?? 25)
        return reply({ ok: true, failed, open: conns.length })
      }
      case 'start': {
        const startAt = msg.startAt as number
        const endAt = msg.endAt as number
        const rate = msg.ratePerReal as number
        hist = newHist()
        delivered = frames = sent = 0
        phaseStart = startAt
        for (const c of conns) {
          if (!c.doc) continue
          c.interval = 1000 / rate
          c.next = startAt + Math.random() * c.interval
        }
        ticker = setInterval(() => tick(endAt), 2)
        return reply({ ok: true })
      }
      case 'count':
        return reply({ delivered, sent, frames })
      case 'report': {
        const texts = conns.filter((c) => c.doc).map((c) => {
          const s = c.doc!.getText('bench').toString()
          return { doc: c.spec.doc, hash: createHash('sha1').update(s).digest('hex'), length: s.length }
        })
        const report: Report = { delivered, sent, frames, hist: sparse(hist), texts }
        return reply(report)
      }
      case 'history-write': {
        const conn = conns.find((c) => c.doc)!
        await historyWrite(conn, msg.edits as number, msg.perMessage as number, msg.spacingMs as number)
        return reply({ ok: true, length: conn.doc!.getText('bench').length })
      }
      case 'open-time':
        return reply(await openTime(msg.spec as ConnSpec, msg.expectLength as number))
      case 'exit':
        reply({ ok: true })
        return setTimeout(() => process.exit(0), 20)
      case 'tcp-open': {
        await Promise.all(
          Array.from({ length: msg.count as number }, () => new Promise<void>((resolve, reject) => {
            const socket = net.connect(msg.port as number, '127.0.0.1', () => resolve())
            socket.once('error', reject)
            socket.on('data', () => {})
            tcpSockets.push(socket)
          })),
        )
        return reply({ ok: true })
      }
      case 'close': {
        for (const s of tcpSockets.splice(0)) s.destroy()
        for (const c of conns.splice(0)) {
          c.ws.close()
          c.doc?.destroy()
        }
        return reply({ ok: true })
      }
    }
  } catch (err) {
    reply({ error: String(err) })
  }
})
process.on('disconnect', () => process.exit(0))
process.send?.({ ready: true })
