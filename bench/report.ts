/** Turns bench results into a Markdown table (printed and written) and the fan-out SVG chart. */
import type { FanoutResult, HistoryResult, IdleResult, ApiRouteResult, WriteFloorResult } from './cases.ts'
import type { ServerKind } from './lib/wire.ts'

export interface Results {
  date: string
  machine: { cpus: number; cpuModel: string; node: string }
  quick: boolean
  wallSeconds: number
  fanout: FanoutResult[]
  /** Many small rooms edited at once (absent in results written before 2026-12-06T16). */
  rooms?: FanoutResult[]
  /** Fan-out steps not run because the server was already far past saturation at a smaller N. */
  skipped: string[]
  /** What one socket write costs on this machine (absent in results written before it was measured). */
  writeFloor?: WriteFloorResult | null
  saturation: Record<ServerKind, number>
  history: HistoryResult[]
  idle: IdleResult[]
  api: { routes: ApiRouteResult[]; datasetSeconds: number }
  targets: { name: string; value: number; limit: string; met: boolean }[]
}

const f = (x: number | null | undefined, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d))

export function markdown(r: Results): string {
  const lines: string[] = []
  lines.push(`Run ${r.date}${r.quick ? ' (--quick)' : ''} on ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}; wall time ${f(r.wallSeconds, 0)} s.`, '')
  lines.push('**Fan-out** (N editors on one document, 2 edits/s each; ~10 hold a Y.Doc, the rest are protocol-level listeners)', '')
  lines.push('| server | N | p50 ms | p95 ms | p99 ms | delivered/s | CPU µs/delivered | CPU % | peak RSS MB | delivered | converged |')
  lines.push('| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- |')
  // The measured cells of a fan-out row, shared by the fan-out and many-rooms tables.
  const measured = (x: FanoutResult) =>
    `${f(x.p50)} | ${f(x.p95)} | ${f(x.p99)} | ${f(x.deliveredPerSec, 0)} | ${f(x.cpuMicrosPerDelivered, 2)} | ${f(x.cpuPercent, 0)} | ${f(x.peakRssMb, 0)} | ${(x.completion * 100).toFixed(1)}% | ${x.converged ? 'yes' : 'NO'} |`
  for (const x of r.fanout) lines.push(`| ${x.server} | ${x.n} | ${measured(x)}`)
  if (r.skipped.length) lines.push('', `Not run (already past saturation at a smaller N): ${r.skipped.join(', ')}.`)
  if (r.rooms?.length) {
    const first = r.rooms[0]
    lines.push('', `**Many small rooms** (${first.rooms} documents edited at once, ${first.n} editors each, all holding a Y.Doc, 2 edits/s each)`, '')
    lines.push('| server | p50 ms | p95 ms | p99 ms | delivered/s | CPU µs/delivered | CPU % | peak RSS MB | delivered | converged |')
    lines.push('| --- | --: | --: | --: | --: | --: | --: | --: | --: | --- |')
    for (const x of r.rooms) lines.push(`| ${x.server} | ${measured(x)}`)
  }
  const w = r.writeFloor
  const ref100 = r.fanout.find((x) => x.server === 'reference' && x.n === 100)
  if (w) {
    lines.push('', `**Write floor**: one \`socket.write\` of a ${w.frameBytes}-byte frame to each of ${w.receivers} loopback sockets, ${w.writesPerSecond} times a second (one write per delivered update at N = 100), costs ${f(w.cpuMicrosPerWrite, 2)} µs of CPU per write (user ${f(w.userMicrosPerWrite, 2)}, system ${f(w.systemMicrosPerWrite, 2)})${ref100 ? `; half the reference's CPU per delivered update at N = 100 is ${f(ref100.cpuMicrosPerDelivered / 2, 2)} µs` : ''}.`)
  }
  lines.push('', `**Saturation** (largest N with p99 < 100 ms and ≥ 99% delivered): ${Object.entries(r.saturation).map(([k, v]) => `${k} ${v || '< 10'}`).join(', ')}`, '')
  lines.push('**History** (20,000 small edits; time for a new client to be synced)', '')
  lines.push('| server | warm open ms | cold open (unloaded, from SQLite) ms |', '| --- | --: | --: |')
  for (const h of r.history) lines.push(`| ${h.server} | ${f(h.warmOpenMs)} | ${h.coldOpenMs === null ? 'n/a (no persistence)' : f(h.coldOpenMs)} |`)
  lines.push('', '**Idle** (connections over documents, protocol-level clients)', '')
  lines.push('| server | connections | documents | RSS per connection KB, median (runs) | RSS less V8 young generation KB, median (runs) | main-thread heap per connection KB | idle CPU % |', '| --- | --: | --: | --: | --: | --: | --: |')
  const runs = (xs: number[] | undefined) => (xs ?? []).map((x) => f(x)).join(', ')
  for (const i of r.idle) lines.push(`| ${i.server} | ${i.connections} | ${i.documents} | ${f(i.rssPerConnectionKb)} (${runs(i.rssRunsKb)}) | ${f(i.rssLessYoungPerConnectionKb)} (${runs(i.rssLessYoungRunsKb)}) | ${f(i.heapPerConnectionKb)} | ${f(i.idleCpuPercent, 2)} |`)
  lines.push('', `**API** (10× dataset, built in ${f(r.api.datasetSeconds)} s; autocannon, 10 connections; static = bare Hono route returning a body of the same size)`, '')
  lines.push('| route | bytes | ours req/s | ours p99 ms | static req/s | static p99 ms | ratio |', '| --- | --: | --: | --: | --: | --: | --: |')
  for (const a of r.api.routes) lines.push(`| GET ${a.route}${a.status !== 200 ? ` (status ${a.status})` : ''} | ${a.bytes} | ${f(a.oursRps, 0)} | ${f(a.oursP99, 0)} | ${f(a.staticRps, 0)} | ${f(a.staticP99, 0)} | ${f(a.ratio, 2)} |`)
  lines.push('', '**Targets** (ratios within this run)', '', '| target | measured | limit | met |', '| --- | --: | --- | --- |')
  for (const t of r.targets) lines.push(`| ${t.name} | ${f(t.value, 2)} | ${t.limit} | ${t.met ? 'yes' : 'no'} |`)
  return lines.join('\n') + '\n'
}

const COLORS: Record<ServerKind, string> = { ours: '#1b6ac9', reference: '#d9480f', hocuspocus: '#2b8a3e' }

/** Two panels: p99 latency and CPU µs per delivered update against N (log scales), one line per server. */
export function svg(r: Results): string {
  const W = 920
  const H = 380
  const panel = (x0: number, title: string, value: (x: FanoutResult) => number, unit: string): string => {
    const pw = 400
    const ph = 260
    const top = 60
    const ns = [...new Set(r.fanout.map((x) => x.n))].sort((a, b) => a - b)
    const vals = r.fanout.map(value).filter((v) => Number.isFinite(v) && v > 0)
    const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...vals, 1))))
    const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...vals, 10))))
    const px = (n: number) => x0 + (ns.length <= 1 ? pw / 2 : (ns.indexOf(n) / (ns.length - 1)) * pw)
    const py = (v: number) => top + ph - ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * ph
    const out: string[] = [`<text x="${x0 + pw / 2}" y="${top - 20}" text-anchor="middle" font-weight="bold">${title}</text>`]
    out.push(`<rect x="${x0}" y="${top}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`)
    for (let d = lo; d <= hi; d *= 10) {
      out.push(`<line x1="${x0}" x2="${x0 + pw}" y1="${py(d)}" y2="${py(d)}" stroke="#ddd"/>`, `<text x="${x0 - 6}" y="${py(d) + 4}" text-anchor="end" font-size="11">${d} ${unit}</text>`)
    }
    for (const n of ns) out.push(`<text x="${px(n)}" y="${top + ph + 16}" text-anchor="middle" font-size="11">N=${n}</text>`)
    for (const kind of Object.keys(COLORS) as ServerKind[]) {
      const pts = r.fanout.filter((x) => x.server === kind && Number.isFinite(value(x))).sort((a, b) => a.n - b.n)
      if (!pts.length) continue
      out.push(`<polyline fill="none" stroke="${COLORS[kind]}" stroke-width="2" points="${pts.map((p) => `${px(p.n).toFixed(1)},${py(value(p)).toFixed(1)}`).join(' ')}"/>`)
      for (const p of pts) out.push(`<circle cx="${px(p.n).toFixed(1)}" cy="${py(value(p)).toFixed(1)}" r="3" fill="${COLORS[kind]}"><title>${kind} N=${p.n}: ${value(p).toFixed(2)} ${unit}</title></circle>`)
    }
    return out.join('\n')
  }
  const legend = (Object.keys(COLORS) as ServerKind[]).map((k, i) => `<rect x="${300 + i * 130}" y="${H - 22}" width="14" height="4" fill="${COLORS[k]}"/><text x="${318 + i * 130}" y="${H - 16}" font-size="12">${k}</text>`).join('\n')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="${W / 2}" y="18" text-anchor="middle" font-size="13">Fan-out, ${r.date.slice(0, 10)}, ${r.machine.cpus} × ${escape(r.machine.cpuModel)}, Node ${r.machine.node}</text>
${panel(70, 'p99 delivery latency (ms, log)', (x) => x.p99, 'ms')}
${panel(510, 'server CPU per delivered update (µs, log)', (x) => x.cpuMicrosPerDelivered, 'µs')}
${legend}
</svg>
`
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
