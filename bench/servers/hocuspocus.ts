/**
 * Hocuspocus 3.4.4, in memory. @hocuspocus/extension-sqlite is not used: it depends on `sqlite3`, whose
 * install script downloads a prebuilt binary, which this sandbox does not allow.
 */
import { Server } from '@hocuspocus/server'
import { serveIpc } from './ipc.ts'

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false })
await server.listen()
const port = (server.httpServer.address() as { port: number }).port
serveIpc(() => ({ rooms: server.hocuspocus.getDocumentsCount(), connections: server.hocuspocus.getConnectionsCount() }))
process.send?.({ ready: true, port, docs: [], cookies: [] })
