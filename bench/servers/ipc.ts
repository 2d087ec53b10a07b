/**
 * What every server under test reports to the bench runner over IPC: CPU time (process.cpuUsage, user +
 * system, µs), current and peak RSS, V8 heap use and young-generation size, and anything the server adds
 * (our collab stats). The runner sends `{ cmd: 'stats' | 'gc' | 'exit' }`; a server never decides when to
 * stop by itself.
 */
import v8 from 'node:v8'

export interface ServerStats {
  cpuMicros: number
  rss: number
  maxRss: number
  /** V8 heap in use plus memory held outside it by JS objects (Buffers): the part RSS noise hides. */
  heap?: number
  /** Physical size of V8's young generation (semi-spaces), which V8 grows and shrinks by allocation rate. */
  young?: number
  extra?: Record<string, unknown>
}

export function serveIpc(extra: () => Record<string, unknown> = () => ({}), onExit: () => Promise<void> = async () => {}): void {
  process.on('message', (msg: { cmd: string; id: number }) => {
    const reply = (body: Record<string, unknown>) => process.send?.({ id: msg.id, ...body })
    if (msg.cmd === 'stats') {
      const cpu = process.cpuUsage()
      const mem = process.memoryUsage()
      const spaces = v8.getHeapSpaceStatistics()
      const young = spaces.filter((s) => s.space_name === 'new_space' || s.space_name === 'new_large_object_space').reduce((n, s) => n + s.physical_space_size, 0)
      const stats: ServerStats = { cpuMicros: cpu.user + cpu.system, rss: mem.rss, maxRss: process.resourceUsage().maxRSS * 1024, heap: mem.heapUsed + mem.external, young, extra: extra() }
      reply({ stats })
    } else if (msg.cmd === 'gc') {
      const gc = (globalThis as { gc?: () => void }).gc
      for (let i = 0; i < 3; i++) gc?.()
      reply({ ok: true })
    } else if (msg.cmd === 'exit') {
      void onExit().finally(() => {
        reply({ ok: true })
        setTimeout(() => process.exit(0), 20)
      })
    }
  })
  process.on('disconnect', () => process.exit(0))
}

export interface ServerConfig {
  mode: 'collab' | 'api'
  docs: number
  users: number
  idleUnloadMs?: number
}

export const readConfig = (): ServerConfig => JSON.parse(process.env.BENCH_CONFIG ?? '{}') as ServerConfig
