/**
 * The floor under every server's fan-out: the CPU that one `socket.write` of a small frame costs on this
 * machine, to the same client processes over loopback, at the rate of one write per delivered update at
 * N = 100 (200 edits a second, each to 100 receivers). No protocol, no Yjs, no storage: no server that
 * writes each update to each socket on its own can spend less per delivered update than this. The runner
 * reports it beside the fan-out, so the CPU target (a fraction of the reference's cost per delivered
 * update) can be read against what a write alone costs.
 */
import net from 'node:net'
import { serveIpc } from './ipc.ts'

interface WriteCommand {
  id: number
  cmd: 'write'
  receivers: number
  writesPerSecond: number
  ms: number
  bytes: number
}

const sockets: net.Socket[] = []
const server = net.createServer((socket) => {
  socket.setNoDelay(true)
  socket.on('error', () => socket.destroy())
  socket.on('close', () => sockets.splice(sockets.indexOf(socket), 1))
  sockets.push(socket)
})
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Writes one frame to every socket `writesPerSecond` times a second for `ms`; returns CPU per write. */
async function writeLoad({ receivers, writesPerSecond, ms, bytes }: WriteCommand) {
  for (let waited = 0; sockets.length < receivers; waited += 20) {
    if (waited > 30_000) throw new Error(`only ${sockets.length} of ${receivers} receivers connected`)
    await sleep(20)
  }
  const frame = Buffer.alloc(bytes, 0x61)
  frame[0] = 0x82 // a binary websocket frame, as a server would send it
  frame[1] = bytes - 2
  let writes = 0
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await new Promise<void>((resolve) => {
    let due = t0
    const timer = setInterval(() => {
      const now = performance.now()
      if (now - t0 >= ms) {
        clearInterval(timer)
        return resolve()
      }
      // Catch up on ticks the timer ran late for, so the rate is the one asked for.
      for (; due <= now; due += 1000 / writesPerSecond) {
        for (const socket of sockets) socket.write(frame)
        writes += sockets.length
      }
    }, 1000 / writesPerSecond)
  })
  const cpu = process.cpuUsage(cpu0)
  return { writes, userMicros: cpu.user, systemMicros: cpu.system }
}

server.listen(0, '127.0.0.1', () => {
  serveIpc()
  process.on('message', (msg: WriteCommand) => {
    if (msg.cmd !== 'write') return
    writeLoad(msg).then(
      (result) => process.send?.({ id: msg.id, ...result }),
      (err: unknown) => process.send?.({ id: msg.id, error: String(err) }),
    )
  })
  process.send?.({ ready: true, port: (server.address() as net.AddressInfo).port, docs: [], cookies: [] })
})
