/**
 * `npm run bench` (add `--quick` for a short smoke run). Runs every case against our hub, the reference
 * y-websocket server and Hocuspocus, alternating the order per step, each server in its own process and the
 * load from separate client processes; prints a Markdown table and writes bench/results/<date>.json,
 * latest.json, latest.md and fanout.svg. Loopback only; every wait is bounded.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ClientPool, api, fanout, histories, idleOnce, rotate, summarizeIdle, writeFloor, type FanoutResult, type HistoryResult, type IdleResult, type IdleRun, type WriteFloorResult } from './cases.ts'
import { benchDir } from './lib/proc.ts'
import type { ServerKind } from './lib/wire.ts'
import { markdown, svg, type Results } from './report.ts'

const quick = process.argv.includes('--quick')
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',')
const want = (c: string) => !only || only.includes(c)
const t0 = performance.now()
const log = (s: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`)

const SERVERS = (process.argv.find((a) => a.startsWith('--servers='))?.slice(10).split(',') ?? ['ours', 'reference', 'hocuspocus']) as ServerKind[]
const NS = process.argv.find((a) => a.startsWith('--ns='))?.slice(5).split(',').map(Number) ?? (quick ? [10, 100] : [10, 50, 100, 200, 400])
const DURATION = quick ? 4000 : 10_000
// Unmeasured warm-up before each fan-out run (cases.ts `fanout` says why it is long): 16 s (20 s until
// 2026-12-06; at N = 100 ours measured 4.44 µs per delivered update after 16 s, 3.74–4.70 after 20 s). From
// N = 200 on, 10 s, so the whole bench stays well under 15 minutes; there the per-socket code, which runs tens
// of thousands of times a second and is optimized early, is most of every server's work. BENCH_WARMUP_MS
// overrides every warm-up (fan-out and rooms).
const warmup = (ms: number) => Number(process.env.BENCH_WARMUP_MS ?? (quick ? 1000 : ms))
const warmupMs = (n: number) => warmup(n >= 200 ? 10_000 : 16_000)
/** Many small rooms at once, the hub's everyday load: working groups of ten, each on its own draft. */
const ROOMS = { rooms: 20, editors: 10, warmupMs: warmup(5000) }
const HISTORY_EDITS = 20_000
// Idle CPU over 3 s (5 s until 2026-12-06: the bench stays well under 15 minutes).
const IDLE = quick ? { conns: 300, docs: 30, ms: 2000, repeats: 1 } : { conns: 1000, docs: 100, ms: 3000, repeats: 5 }
// 4 s per route and server (5 until the many-rooms case was added): the bench stays under 15 minutes.
const API_SECONDS = quick ? 2 : 4
// Unmeasured warm-up per route and server before the API rounds (cases.ts `api` says why 3 s).
const API_WARMUP_SECONDS = quick ? 1 : 3

const pool = new ClientPool(2)
const fan: FanoutResult[] = []
const rooms: FanoutResult[] = []
const hist: HistoryResult[] = []
const idl: IdleResult[] = []
const skipped: string[] = []
let floor: WriteFloorResult | null = null
let apiResult: Results['api'] = { routes: [], datasetSeconds: NaN }
try {
  if (want('fanout')) {
    for (const [k, n] of NS.entries()) {
      for (const kind of rotate(SERVERS, k)) {
        // A server already far past saturation (p99 > 5 s) at a smaller N only gets slower: skip it.
        const prev = fan.filter((x) => x.server === kind).at(-1)
        if (prev && (prev.p99 > 5000 || prev.completion < 0.9)) {
          skipped.push(`${kind} N=${n} (p99 ${prev.p99.toFixed(0)} ms at N=${prev.n})`)
          log(`fan-out ${kind} N=${n}: skipped, saturated at N=${prev.n}`)
          continue
        }
        log(`fan-out ${kind} N=${n}`)
        const r = await fanout(kind, n, pool, DURATION, warmupMs(n))
        log(`  p99 ${r.p99.toFixed(1)} ms, ${r.cpuMicrosPerDelivered.toFixed(2)} µs/delivered, ${(r.completion * 100).toFixed(1)}% delivered, converged ${r.converged}`)
        fan.push(r)
      }
    }
  }
  if (want('rooms')) {
    for (const kind of rotate(SERVERS, 1)) {
      log(`rooms ${kind}: ${ROOMS.rooms} documents × ${ROOMS.editors} editors`)
      const r = await fanout(kind, ROOMS.editors, pool, DURATION, ROOMS.warmupMs, ROOMS.rooms)
      log(`  p99 ${r.p99.toFixed(1)} ms, ${r.cpuMicrosPerDelivered.toFixed(2)} µs/delivered, ${(r.completion * 100).toFixed(1)}% delivered, converged ${r.converged}`)
      rooms.push(r)
    }
  }
  if (want('floor')) {
    // One write per delivered update at N = 100: 100 receivers, 200 writes a second each.
    log('write floor')
    floor = await writeFloor(pool, 100, 200, DURATION)
    log(`  ${floor.cpuMicrosPerWrite.toFixed(2)} µs of CPU per socket write`)
  }
  if (want('history')) {
    log(`history: ${SERVERS.join(', ')}, opens interleaved`)
    for (const r of await histories(SERVERS, HISTORY_EDITS)) {
      log(`  ${r.server}: warm ${r.warmOpenMs.toFixed(1)} ms, cold ${r.coldOpenMs?.toFixed(1) ?? 'n/a'}`)
      hist.push(r)
    }
  }
  if (want('idle')) {
    const runs = new Map<ServerKind, IdleRun[]>(SERVERS.map((k) => [k, []]))
    for (let k = 0; k < IDLE.repeats; k++) {
      for (const kind of rotate(SERVERS, k + 1)) {
        log(`idle ${kind} (${k + 1} of ${IDLE.repeats})`)
        const r = await idleOnce(kind, pool, IDLE.conns, IDLE.docs, IDLE.ms)
        log(`  ${r.rssKb.toFixed(1)} KB/connection (heap ${r.heapKb.toFixed(1)} KB), idle CPU ${r.cpu.toFixed(2)}%, ${r.failedConnections} failed`)
        runs.get(kind)!.push(r)
      }
    }
    for (const kind of SERVERS) idl.push(summarizeIdle(kind, IDLE.conns, IDLE.docs, runs.get(kind)!))
  }
  if (want('api')) {
    log('api')
    apiResult = await api(API_SECONDS, API_WARMUP_SECONDS, log)
  }
} finally {
  await pool.stop()
}

const saturation = Object.fromEntries(
  SERVERS.map((k) => [k, Math.max(0, ...fan.filter((x) => x.server === k && x.p99 < 100 && x.completion >= 0.99).map((x) => x.n))]),
) as Record<ServerKind, number>
const at = (k: ServerKind, n: number) => fan.find((x) => x.server === k && x.n === n)
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : NaN)
const ours100 = at('ours', 100)
const ref100 = at('reference', 100)
const idleOurs = idl.find((i) => i.server === 'ours')
const idleRef = idl.find((i) => i.server === 'reference')
const histOurs = hist.find((h) => h.server === 'ours')
const histRef = hist.find((h) => h.server === 'reference')
const listRoutes = apiResult.routes.filter((r) => ['/api/bodies', '/api/institutions', '/api/bodies/:slug/documents', '/api/audit?limit=100'].includes(r.route))
const targets: Results['targets'] = [
  { name: 'CPU per delivered update, N=100, ours / reference', value: ratio(ours100?.cpuMicrosPerDelivered, ref100?.cpuMicrosPerDelivered), limit: '≤ 0.5' },
  { name: 'p99 latency, N=100, ours / reference', value: ratio(ours100?.p99, ref100?.p99), limit: '≤ 1.0' },
  { name: 'saturation N, ours / reference', value: ratio(saturation.ours, saturation.reference), limit: '≥ 2.0' },
  // On RSS less V8's young generation: the whole delta's ratio follows how V8 sized that (cases.ts).
  { name: 'idle memory per connection (RSS less V8 young generation), ours / reference', value: ratio(idleOurs?.rssLessYoungPerConnectionKb, idleRef?.rssLessYoungPerConnectionKb), limit: '≤ 0.7' },
  { name: 'cold history open (ours) / warm open (reference)', value: ratio(histOurs?.coldOpenMs ?? undefined, histRef?.warmOpenMs), limit: '≤ 1.0' },
  { name: 'API list routes, worst ours / static throughput', value: listRoutes.length ? Math.min(...listRoutes.map((r) => r.ratio)) : NaN, limit: '≥ 0.5' },
].map((t) => ({ ...t, met: Number.isFinite(t.value) && (t.limit.startsWith('≤') ? t.value <= Number(t.limit.slice(2)) : t.value >= Number(t.limit.slice(2))) }))

const results: Results = {
  date: new Date().toISOString(),
  machine: { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
  quick,
  wallSeconds: (performance.now() - t0) / 1000,
  fanout: fan,
  rooms,
  skipped,
  writeFloor: floor,
  saturation,
  history: hist,
  idle: idl,
  api: apiResult,
  targets,
}
const dir = path.join(benchDir, 'results')
fs.mkdirSync(dir, { recursive: true })
const json = JSON.stringify(results, null, 2)
const stamp = results.date.replace(/[:.]/g, '-')
// Only a complete run replaces the published results (latest.*, the chart the README shows); a narrowed or
// quick one is kept beside them as partial-<date>.json, which git ignores.
const partial = quick || process.argv.some((a) => /^--(only|servers|ns)=/.test(a))
if (partial) fs.writeFileSync(path.join(dir, `partial-${stamp}.json`), json)
else {
  fs.writeFileSync(path.join(dir, `${stamp}.json`), json)
  fs.writeFileSync(path.join(dir, 'latest.json'), json)
  fs.writeFileSync(path.join(dir, 'latest.md'), markdown(results))
  if (fan.length) fs.writeFileSync(path.join(dir, 'fanout.svg'), svg(results))
}
console.log('\n' + markdown(results))
process.exit(0)
