/**
 * The bench cases. Each starts the server under test as its own process (servers/*.ts), drives it from
 * client processes (clients/ws-client.ts, autocannon) and returns plain numbers; run.ts alternates the
 * servers and reports ratios.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Child, benchDir, sleep } from './lib/proc.ts'
import { nowMs, percentiles, type ServerKind } from './lib/wire.ts'
import type { ConnSpec, OpenTime, Report } from './clients/ws-client.ts'
import type { ServerStats } from './servers/ipc.ts'

export interface Server {
  kind: ServerKind
  child: Child
  port: number
  docs: string[]
  cookies: string[]
  api?: { bodySlugs: string[]; documentIds: string[] }
}

const SERVER_FILES: Record<ServerKind, string> = { ours: 'servers/ours.ts', reference: 'servers/reference.ts', hocuspocus: 'servers/hocuspocus.ts' }

export async function startServer(kind: ServerKind, config: Record<string, unknown> = {}): Promise<Server> {
  // BENCH_PROFILE=<dir>: CPU-profile the servers (node --cpu-prof), written when each exits.
  // BENCH_NODE_ARGS: more node flags for the servers, e.g. "--perf-basic-prof" for `perf record`.
  const profile = [
    ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
  ]
  const child = new Child(SERVER_FILES[kind], { BENCH_CONFIG: JSON.stringify({ mode: 'collab', docs: 1, users: 1, ...config }) }, profile)
  const ready = await child.ready
  return { kind, child, port: ready.port as number, docs: ready.docs as string[], cookies: ready.cookies as string[], api: ready.api as Server['api'] }
}

const stats = async (s: Server) => (await s.child.call<{ stats: ServerStats }>('stats')).stats

/**
 * CPU time and memory of a server read from /proc, so a saturated server whose event loop cannot answer
 * IPC is still measured (Linux; clock ticks of 10 ms, which over a 10 s run is well below the noise).
 */
function procStats(pid: number): ServerStats {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024
  return { cpuMicros: (ticks * 1e6) / CLOCK_TICKS, rss: kb('VmRSS'), maxRss: kb('VmHWM') }
}
const CLOCK_TICKS = 100

/** The list started at its k-th element: the order servers are visited in, turn by turn. */
export const rotate = <T>(xs: T[], k: number) => xs.map((_, i) => xs[(i + k) % xs.length])

async function initClient(c: Child, s: Server): Promise<void> {
  await c.ready
  await c.call('init', { kind: s.kind, base: `ws://127.0.0.1:${s.port}`, origin: `http://127.0.0.1:${s.port}` })
}

export class ClientPool {
  readonly clients: Child[]
  constructor(count: number) {
    // BENCH_CLIENT_NODE_ARGS: node flags for the load generators, e.g. "--cpu-prof" to see where they spend.
    const args = process.env.BENCH_CLIENT_NODE_ARGS?.split(' ').filter(Boolean) ?? []
    this.clients = Array.from({ length: count }, () => new Child('clients/ws-client.ts', {}, args))
  }
  /** Points every load generator at one server. */
  init(s: Server): Promise<unknown> {
    return Promise.all(this.clients.map((c) => initClient(c, s)))
  }
  /** Points load generator i at server i (a generator speaks one server's protocol at a time). */
  initEach(servers: Server[]): Promise<unknown> {
    return Promise.all(servers.map((s, i) => initClient(this.clients[i], s)))
  }
  async open(specs: ConnSpec[]): Promise<number> {
    const parts = this.clients.map((_, i) => specs.filter((_, j) => j % this.clients.length === i))
    const res = await Promise.all(this.clients.map((c, i) => c.call<{ failed: number }>('open', { conns: parts[i] }, 300_000)))
    return res.reduce((n, r) => n + r.failed, 0)
  }
  close(): Promise<unknown> {
    return Promise.all(this.clients.map((c) => c.call('close')))
  }
  stop(): Promise<unknown> {
    return Promise.all(this.clients.map((c) => c.stop()))
  }
}

const docName = (s: Server, i: number, tag: string) => (s.kind === 'ours' ? s.docs[i] : `${tag}-${i}`)

export interface FanoutResult {
  server: ServerKind
  /** Editors per document. */
  n: number
  /** Documents edited at once (1 in the fan-out case). */
  rooms: number
  sent: number
  delivered: number
  expected: number
  completion: number
  p50: number
  p95: number
  p99: number
  deliveredPerSec: number
  cpuMicrosPerDelivered: number
  cpuPercent: number
  peakRssMb: number
  frames: number
  converged: boolean
  failedConnections: number
}

/** How a run ends: deliveries stopped for `quietMs`, or `maxMs` passed since the last edit was sent. */
const MEASURED_DRAIN = { quietMs: 1000, maxMs: 8000 }
/**
 * After a warm-up a short quiet is enough: what a server still delivers of it later is not counted, and one
 * that keeps delivering for seconds after the load stopped is saturated anyway.
 */
const WARMUP_DRAIN = { quietMs: 250, maxMs: 3000 }

/** Runs the edit load for `durationMs` (the clients reset their counters first), then waits for deliveries to stop. */
async function drive(pool: ClientPool, n: number, real: number, durationMs: number, drain = MEASURED_DRAIN): Promise<void> {
  const startAt = nowMs() + 200
  const endAt = startAt + durationMs
  await Promise.all(pool.clients.map((c) => c.call('start', { startAt, endAt, ratePerReal: (2 * n) / real })))
  await sleep(endAt - nowMs())
  // Drain: wait until deliveries stop growing (bounded).
  let last = -1
  let stableSince = performance.now()
  const drainDeadline = performance.now() + drain.maxMs
  while (performance.now() < drainDeadline) {
    await sleep(250)
    const counts = await Promise.all(pool.clients.map((c) => c.call<{ delivered: number }>('count')))
    const total = counts.reduce((x, r) => x + r.delivered, 0)
    if (total !== last) {
      last = total
      stableSince = performance.now()
    } else if (performance.now() - stableSince > drain.quietMs) break
  }
}

/**
 * N editors on each of `rooms` documents (one in the fan-out case; many small ones in the rooms case),
 * each room with up to 10 real editors, all typing at 2 edits/s per editor of the room.
 */
export async function fanout(kind: ServerKind, n: number, pool: ClientPool, durationMs: number, warmupMs = 0, rooms = 1): Promise<FanoutResult> {
  const server = await startServer(kind, { docs: rooms, users: Math.min(n * rooms, 50) })
  try {
    await pool.init(server)
    const real = Math.min(10, n)
    const tag = `fanout-${n}-${Date.now()}`
    const specs: ConnSpec[] = Array.from({ length: n * rooms }, (_, i) => ({
      doc: docName(server, Math.floor(i / n), tag),
      real: i % n < real,
      client: i,
      cookie: server.cookies[i % Math.max(1, server.cookies.length)],
    }))
    const failedConnections = await pool.open(specs)
    await sleep(300)
    // Warm-up at the same load, not measured: every server is a fresh process, and the measured run is to be
    // its steady state, as in a hub that has been up for hours. How long V8 takes to get there depends on
    // how often each function runs: the reference server's functions run per delivered message and are
    // optimized within seconds; much of ours runs once per batch (25 or fewer a second), and after 8 s of warm-up
    // V8's compiler threads still used ~27 % of our process's CPU in the measured 10 s at N = 50 (perf),
    // so we measured 29–33 µs per delivered update there against 17 µs after 20 s.
    if (warmupMs > 0) await drive(pool, n, real, warmupMs, WARMUP_DRAIN)
    const before = procStats(server.child.pid)
    await drive(pool, n, real, durationMs)
    const after = procStats(server.child.pid)
    const reports = await Promise.all(
      pool.clients.map((c) => c.call<Report>('report')),
    )
    await pool.close()
    const hist = new Map<number, number>()
    for (const r of reports) for (const [i, c] of r.hist) hist.set(i, (hist.get(i) ?? 0) + c)
    const [p50, p95, p99] = percentiles([...hist], [50, 95, 99])
    const sent = reports.reduce((x, r) => x + r.sent, 0)
    const delivered = reports.reduce((x, r) => x + r.delivered, 0)
    const frames = reports.reduce((x, r) => x + r.frames, 0)
    // Converged: in every room, every editor holding a Y.Doc ends with the same text.
    const hashes = new Map<string, Set<string>>()
    for (const t of reports.flatMap((r) => r.texts)) hashes.set(t.doc, (hashes.get(t.doc) ?? new Set()).add(t.hash))
    const expected = sent * (n - 1)
    const cpu = after.cpuMicros - before.cpuMicros
    return {
      server: kind,
      n,
      rooms,
      sent,
      delivered,
      expected,
      completion: expected ? delivered / expected : 1,
      p50,
      p95,
      p99,
      deliveredPerSec: delivered / (durationMs / 1000),
      cpuMicrosPerDelivered: delivered ? cpu / delivered : NaN,
      cpuPercent: (cpu / 1000 / durationMs) * 100,
      peakRssMb: after.maxRss / 2 ** 20,
      frames,
      converged: hashes.size === rooms && [...hashes.values()].every((h) => h.size === 1) && failedConnections === 0,
      failedConnections,
    }
  } finally {
    await server.child.stop()
  }
}

export interface WriteFloorResult {
  receivers: number
  /** Writes per second to each receiver: one per edit, as a server that writes every update on its own. */
  writesPerSecond: number
  frameBytes: number
  writes: number
  cpuMicrosPerWrite: number
  userMicrosPerWrite: number
  systemMicrosPerWrite: number
}

/**
 * What one socket write costs here (servers/write-floor.ts): `receivers` plain TCP sockets spread over the
 * client processes, each written a small frame `writesPerSecond` times a second for `durationMs`.
 */
export async function writeFloor(pool: ClientPool, receivers: number, writesPerSecond: number, durationMs: number): Promise<WriteFloorResult> {
  const frameBytes = 60
  const child = new Child('servers/write-floor.ts')
  try {
    const { port } = (await child.ready) as { port: number }
    await Promise.all(pool.clients.map((c) => c.ready))
    const share = (i: number) => Math.floor(receivers / pool.clients.length) + (i < receivers % pool.clients.length ? 1 : 0)
    await Promise.all(pool.clients.map((c, i) => c.call('tcp-open', { port, count: share(i) })))
    const r = await child.call<{ writes: number; userMicros: number; systemMicros: number }>('write', { receivers, writesPerSecond, ms: durationMs, bytes: frameBytes }, durationMs + 60_000)
    await pool.close()
    const per = (micros: number) => (r.writes ? micros / r.writes : NaN)
    return {
      receivers,
      writesPerSecond,
      frameBytes,
      writes: r.writes,
      cpuMicrosPerWrite: per(r.userMicros + r.systemMicros),
      userMicrosPerWrite: per(r.userMicros),
      systemMicrosPerWrite: per(r.systemMicros),
    }
  } finally {
    await child.stop()
  }
}

export interface HistoryResult {
  server: ServerKind
  edits: number
  warmOpenMs: number
  coldOpenMs: number | null
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  return s.length ? s[Math.floor(s.length / 2)] : NaN
}

const HISTORY_WARMUP_OPENS = 8
// 11 timed rounds (7 until 2026-12-06): an open is mostly the load generator decoding the state, 50–185 ms
// for the same bytes in one process, so the median of 7 still moved the cold/warm ratio between 0.60 and
// 1.14 from one full run to the next; four more rounds cost ~8 s.
const HISTORY_ROUNDS = 11

/**
 * The history case, every server at once. Each server gets its own load generator process (one speaks one
 * server's protocol), its document written (one after the other, as the writes load the machine), and
 * untimed opens; then the timed opens go in rounds that visit every server in turn, so a slow spell of the
 * machine lands on all of them alike. Phase 1: warm opens of every server (ours with its writer connected,
 * so its room is loaded). Phase 2: our writer leaves; each round waits for our room to unload, then opens
 * it cold between warm opens of the peers, which are what a cold open is compared with. (Until 2026-12-06
 * the servers were measured one after the other, and the reference's warm open moved between 77 and 140 ms
 * from run to run: most of an open is the load generator decoding the 0.56 MB state, and that depends on
 * what else the two cores are doing at the time.)
 */
export async function histories(kinds: ServerKind[], edits: number): Promise<HistoryResult[]> {
  const pool = new ClientPool(kinds.length)
  const servers: Server[] = []
  try {
    for (const kind of kinds) servers.push(await startServer(kind, { docs: 1, users: 2, idleUnloadMs: 500 }))
    await pool.initEach(servers)
    const sides = []
    for (const [i, server] of servers.entries()) {
      const client = pool.clients[i]
      const doc = docName(server, 0, `history-${Date.now()}`)
      const spec: ConnSpec = { doc, real: true, client: 1, cookie: server.cookies[0] }
      await client.call('open', { conns: [spec] })
      const { length } = await client.call<{ length: number }>('history-write', { edits, perMessage: 20, spacingMs: 8 })
      // A second client (of the same load generator) opening the document, timed until it is synced.
      const openTime = async () => (await client.call<OpenTime>('open-time', { spec: { ...spec, client: 2 }, expectLength: length })).ms
      // Wait until a new client sees every edit (ours commits them first).
      let ok = false
      for (let t = 0; t < 150 && !ok; t++) {
        ok = Number.isFinite(await openTime())
        if (!ok) await sleep(200)
      }
      if (!ok) throw new Error(`${server.kind}: history never reached ${length} characters`)
      // Untimed opens first, in every load generator: most of an open is its own decode of the state, and
      // until V8 has optimized that path, the first opens take 1.2–1.5× the later ones (measured 2026-12-06).
      for (let t = 0; t < HISTORY_WARMUP_OPENS; t++) await openTime()
      sides.push({ server, client, openTime, warm: [] as number[], cold: [] as number[] })
    }
    for (let r = 0; r < HISTORY_ROUNDS; r++) for (const side of rotate(sides, r)) side.warm.push(await side.openTime())
    const ours = sides.find((side) => side.server.kind === 'ours')
    if (ours) {
      await ours.client.call('close')
      for (let r = 0; r < HISTORY_ROUNDS; r++) {
        for (const side of rotate(sides, r)) {
          if (side !== ours) {
            side.warm.push(await side.openTime())
            continue
          }
          for (let t = 0; (await stats(ours.server)).extra?.rooms !== 0; t++) {
            if (t === 200) throw new Error('ours: the history document did not unload within 10 s')
            await sleep(50)
          }
          ours.cold.push(await ours.openTime())
        }
      }
    }
    if (process.env.BENCH_DEBUG) for (const side of sides) console.error(`history ${side.server.kind}: warm ${side.warm.map((x) => x.toFixed(0)).join(' ')}; cold ${side.cold.map((x) => x.toFixed(0)).join(' ')}`)
    return sides.map((side) => ({ server: side.server.kind, edits, warmOpenMs: median(side.warm), coldOpenMs: side.cold.length ? median(side.cold) : null }))
  } finally {
    await Promise.all(servers.map((server) => server.child.stop()))
    await pool.stop()
  }
}

export interface IdleResult {
  server: ServerKind
  connections: number
  documents: number
  rssPerConnectionKb: number
  /** Each run's RSS per connection, to show the spread. */
  rssRunsKb: number[]
  /**
   * RSS growth less the growth of V8's young generation, per connection. V8 sizes the young generation (up
   * to 32 MB here) by recent allocation and survival, not by what is alive, so it is bounded whatever the
   * number of connections; during the connection burst it grew by 5–10 KB per connection for the reference
   * and by 0.5–6 KB for us (2026-12-06), which is what set the two servers' whole RSS deltas apart. What is
   * left still moves by a fifth or so between runs (page cache, malloc), for every server.
   */
  rssLessYoungPerConnectionKb: number
  rssLessYoungRunsKb: number[]
  /** Main-thread JS heap and external memory per connection (worker threads not included). */
  heapPerConnectionKb: number
  idleCpuPercent: number
  failedConnections: number
}

/**
 * One idle measurement on a fresh server process: RSS and main-thread heap right after a full GC, before
 * and after opening the connections, and CPU while they sit idle.
 */
export async function idleOnce(kind: ServerKind, pool: ClientPool, connections: number, documents: number, idleMs: number) {
  const server = await startServer(kind, { docs: documents, users: 50 })
  try {
    await pool.init(server)
    const before = await settledStats(server)
    const tag = `idle-${Date.now()}`
    const specs: ConnSpec[] = Array.from({ length: connections }, (_, i) => ({ doc: docName(server, i % documents, tag), real: false, client: i, cookie: server.cookies[i % Math.max(1, server.cookies.length)] }))
    const failedConnections = await pool.open(specs)
    await sleep(1000)
    const loaded = await settledStats(server)
    await sleep(idleMs)
    const after = await stats(server)
    await pool.close()
    return {
      rssKb: (loaded.rss - before.rss) / 1024 / connections,
      rssLessYoungKb: (loaded.rss - before.rss - ((loaded.young ?? NaN) - (before.young ?? NaN))) / 1024 / connections,
      heapKb: ((loaded.heap ?? NaN) - (before.heap ?? NaN)) / 1024 / connections,
      cpu: ((after.cpuMicros - loaded.cpuMicros) / 1000 / idleMs) * 100,
      failedConnections,
    }
  } finally {
    await server.child.stop()
  }
}

/** Stats after the same settling before every memory reading: a full GC, a pause, another full GC. */
async function settledStats(server: Server): Promise<ServerStats> {
  await server.child.call('gc')
  await sleep(300)
  await server.child.call('gc')
  return stats(server)
}

export type IdleRun = Awaited<ReturnType<typeof idleOnce>>

/**
 * Idle cost per connection, the median over fresh processes: an RSS delta of ~10 MB on a process of
 * 100–270 MB moved by half from one run to the next, much of it V8's young-generation sizing (see
 * `rssLessYoungPerConnectionKb`), while the heap figure is steady; five runs, not three, since the
 * reference alone spread from 5.8 to 17.3 KB in three. Memory is read after the same settling (GC, pause,
 * GC) before and after opening: until 2026-12-06 the reading after opening skipped the pause and second GC.
 */
export function summarizeIdle(kind: ServerKind, connections: number, documents: number, runs: IdleRun[]): IdleResult {
  return {
    server: kind,
    connections,
    documents,
    rssPerConnectionKb: median(runs.map((r) => r.rssKb)),
    rssRunsKb: runs.map((r) => +r.rssKb.toFixed(1)),
    rssLessYoungPerConnectionKb: median(runs.map((r) => r.rssLessYoungKb)),
    rssLessYoungRunsKb: runs.map((r) => +r.rssLessYoungKb.toFixed(1)),
    heapPerConnectionKb: median(runs.map((r) => r.heapKb)),
    idleCpuPercent: median(runs.map((r) => r.cpu)),
    failedConnections: runs.reduce((n, r) => n + r.failedConnections, 0),
  }
}

export interface ApiRouteResult {
  route: string
  bytes: number
  status: number
  oursRps: number
  oursP99: number
  staticRps: number
  staticP99: number
  ratio: number
}

interface AutocannonResult {
  rps: number
  p99: number
  non2xx: number
}

/** Equal-length runs as one: mean throughput, the worse p99, every non-2xx. */
const combine = (runs: AutocannonResult[]): AutocannonResult => ({
  rps: runs.reduce((n, r) => n + r.rps, 0) / runs.length,
  p99: Math.max(...runs.map((r) => r.p99)),
  non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
})

function autocannon(url: string, headers: Record<string, string>, seconds: number): Promise<AutocannonResult> {
  const bin = path.join(benchDir, '..', 'node_modules', '.bin', 'autocannon')
  const args = ['-j', '-c', '10', '-d', String(seconds)]
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`)
  args.push(url)
  return new Promise((resolve, reject) => {
    const p = spawn(bin, args, { stdio: ['ignore', 'pipe', 'ignore'] })
    let out = ''
    p.stdout.on('data', (d) => (out += d))
    const timer = setTimeout(() => p.kill('SIGKILL'), (seconds + 30) * 1000)
    p.on('exit', () => {
      clearTimeout(timer)
      try {
        const j = JSON.parse(out) as { requests: { average: number }; latency: { p99: number }; non2xx: number }
        resolve({ rps: j.requests.average, p99: j.latency.p99, non2xx: j.non2xx })
      } catch (err) {
        reject(new Error(`autocannon output: ${String(err)}`))
      }
    })
  })
}

export async function api(seconds: number, warmupSeconds: number, log: (s: string) => void): Promise<{ routes: ApiRouteResult[]; datasetSeconds: number }> {
  const t0 = performance.now()
  const server = await startServer('ours', { mode: 'api', docs: 0, users: 1 })
  const datasetSeconds = (performance.now() - t0) / 1000
  log(`  dataset ready in ${datasetSeconds.toFixed(1)} s`)
  const base = `http://127.0.0.1:${server.port}`
  const headers = { cookie: server.cookies[0], origin: base }
  const slug = server.api!.bodySlugs[0]
  const routes = ['/api/bodies', `/api/bodies/${slug}`, '/api/institutions', `/api/bodies/${slug}/documents`, `/api/documents/${server.api!.documentIds[0]}`, '/api/audit?limit=100']
  const bodies: string[] = []
  const statuses: number[] = []
  for (const r of routes) {
    const res = await fetch(base + r, { headers })
    statuses.push(res.status)
    bodies.push(await res.text())
  }
  const bodiesFile = path.join(os.tmpdir(), `hub-bench-bodies-${process.pid}.json`)
  fs.writeFileSync(bodiesFile, JSON.stringify(bodies))
  const staticServer = new Child('servers/static-api.ts', { BENCH_BODIES_FILE: bodiesFile })
  const staticPort = (await staticServer.ready).port as number
  const results: ApiRouteResult[] = []
  try {
    for (let i = 0; i < routes.length; i++) {
      const oursRun = (s: number) => autocannon(base + routes[i], headers, s)
      const staticRun = (s: number) => autocannon(`http://127.0.0.1:${staticPort}/static/${i}`, {}, s)
      // Unmeasured warm-up runs first: both servers are fresh processes whose JIT has not seen the route.
      // 3 s (1 s until 2026-12-06: our first 2 s round of /api/bodies then still ran at 10.1k req/s and the
      // second at 17.6k, while the static route was flat at ~30k; V8 was still optimizing our request path,
      // which has more code to compile: session, cache, security headers. After 3 s: 19.2k, then 19.0k).
      const wo = await oursRun(warmupSeconds)
      const ws = await staticRun(warmupSeconds)
      if (process.env.BENCH_DEBUG) console.error(`api warm-up req/s, ours/static: ${wo.rps.toFixed(0)}/${ws.rps.toFixed(0)}`)
      // Then alternating halves (ours, static, ours, static), so a burst of other work on the machine (a GC,
      // the load generator) does not land on one side only.
      const rounds: { ours: AutocannonResult; stat: AutocannonResult }[] = []
      for (let k = 0; k < 2; k++) rounds.push({ ours: await oursRun(seconds / 2), stat: await staticRun(seconds / 2) })
      if (process.env.BENCH_DEBUG) console.error(`api rounds req/s, ours/static: ${rounds.map((r) => `${r.ours.rps.toFixed(0)}/${r.stat.rps.toFixed(0)}`).join(' ')}`)
      const ours = combine(rounds.map((r) => r.ours))
      const stat = combine(rounds.map((r) => r.stat))
      const r = { route: routes[i].replace(slug, ':slug').replace(server.api!.documentIds[0], ':id'), bytes: Buffer.byteLength(bodies[i]), status: statuses[i], oursRps: ours.rps, oursP99: ours.p99, staticRps: stat.rps, staticP99: stat.p99, ratio: ours.rps / stat.rps }
      results.push(r)
      log(`  ${r.route}: ${r.oursRps.toFixed(0)} req/s vs static ${r.staticRps.toFixed(0)} (${r.ratio.toFixed(2)}×), status ${r.status}${ours.non2xx ? `, ${ours.non2xx} non-2xx` : ''}`)
    }
  } finally {
    await staticServer.stop()
    fs.rmSync(bodiesFile, { force: true })
    await server.child.stop()
  }
  return { routes: results, datasetSeconds }
}
