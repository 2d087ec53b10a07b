/** The reference server: @y/websocket-server's setupWSConnection on a plain `ws` server, in memory. */
import http from 'node:http'
import { WebSocketServer } from 'ws'
import { docs, setupWSConnection } from '@y/websocket-server/utils'
import { serveIpc } from './ipc.ts'

const server = http.createServer((_req, res) => res.writeHead(404).end())
const wss = new WebSocketServer({ server })
wss.on('connection', (ws, req) => setupWSConnection(ws, req))
server.listen(0, '127.0.0.1', () => {
  const port = (server.address() as { port: number }).port
  serveIpc(() => ({ rooms: (docs as Map<string, unknown>).size, connections: wss.clients.size }))
  process.send?.({ ready: true, port, docs: [], cookies: [] })
})
