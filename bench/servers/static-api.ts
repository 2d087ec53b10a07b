/** The API case's baseline: a bare Hono app whose routes return fixed JSON bodies (the sizes of ours). */
import fs from 'node:fs'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { serveIpc } from './ipc.ts'

const bodies = JSON.parse(fs.readFileSync(process.env.BENCH_BODIES_FILE ?? '', 'utf8')) as string[]
const app = new Hono()
bodies.forEach((body, i) => app.get(`/static/${i}`, (c) => c.body(body, 200, { 'content-type': 'application/json' })))
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  serveIpc()
  process.send?.({ ready: true, port: info.port, docs: [], cookies: [] })
})
void server
