/**
 * Composition of one hub process: database (migrated and seeded), API, collab server, built web client,
 * all on one HTTP server and port. main.ts starts it from the environment; tests start it on a temp dir.
 */
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import path from 'node:path'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import { createPasswordHasher } from './api/auth/passwords.ts'
import { createSessionCache } from './api/auth/session-cache.ts'
import { createSignInThrottle } from './api/auth/throttle.ts'
import { createReadCache } from './api/read-cache.ts'
import { dataVersion } from './db/data-version.ts'
import { bootstrapFirstAccount, type BootstrapResult } from './api/bootstrap.ts'
import { DEMO_PASSWORD, seedDemo } from './api/demo.ts'
import { createApi } from './api/app.ts'
import type { AppEnv } from './api/env.ts'
import { openDatabase, type Connection } from './db/connection.ts'
import { migrateToLatest } from './db/migrate.ts'
import { seedOrganisation } from './db/seed/organisation.ts'
import { noopNotifier, type CollabNotifier } from './domain/collab-notifier.ts'

export interface CollabServerLike extends CollabNotifier {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  close(): Promise<void>
}

export interface HubOptions {
  dataDir: string
  port: number
  host?: string
  publicUrl?: string | null
  trustProxy?: boolean
  adminEmail?: string
  adminPassword?: string
  now?: () => number
  /** Builds the collab server on the hub's database (main.ts passes createCollabServer). */
  collab?: (conn: Connection & { now: () => number; publicUrl: string | null; trustProxy: boolean }) => CollabServerLike
  /** Mounts the web client (static files with history fallback) after the API. */
  web?: (app: Hono<AppEnv>) => void
  log?: (line: string) => void
  /** Fill a fresh database with demo people, institutions and documents (npm run demo). */
  demo?: boolean
}

export interface Hub {
  url: string
  port: number
  conn: Connection
  bootstrap: BootstrapResult
  close(): Promise<void>
}

export async function startHub(opts: HubOptions): Promise<Hub> {
  const now = opts.now ?? Date.now
  const log = opts.log ?? ((line: string) => console.log(line))
  const publicUrl = opts.publicUrl ?? null
  const trustProxy = opts.trustProxy ?? false
  const conn = openDatabase(path.join(opts.dataDir, 'hub.sqlite'))
  const passwords = createPasswordHasher()
  // Everything that can refuse the configuration runs before any socket or thread exists, so a refused
  // start leaves nothing behind.
  let demoLoaded = false
  let bootstrap: BootstrapResult
  try {
    await migrateToLatest(conn.db)
    await seedOrganisation(conn.db, now())
    demoLoaded = !!opts.demo && (await seedDemo(conn.db, passwords, now()))
    bootstrap = await bootstrapFirstAccount(conn.db, { adminEmail: opts.adminEmail, adminPassword: opts.adminPassword, now: now(), passwords })
  } catch (err) {
    await conn.db.destroy()
    throw err
  }

  const collab = opts.collab?.({ ...conn, now, publicUrl, trustProxy })
  const app = createApi({
    db: conn.db,
    now,
    notifier: collab ?? noopNotifier,
    passwords,
    throttle: createSignInThrottle(),
    config: { publicUrl, trustProxy },
    dataVersion: dataVersion(conn.sqlite),
    readCache: createReadCache(),
    sessions: createSessionCache(),
  })
  opts.web?.(app)

  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host ?? '0.0.0.0' }, () => resolve(s as Server))
  })
  server.on('upgrade', (req, socket, head) => {
    if (collab && req.url?.startsWith('/collab/')) return collab.handleUpgrade(req, socket, head)
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : opts.port
  const url = `http://localhost:${port}`

  if (demoLoaded) {
    log(`Demo data loaded. Sign in as secretariat@demo.hub, chair@demo.hub, member@demo.hub or observer@demo.hub with the password "${DEMO_PASSWORD}".`)
  }
  if (bootstrap.kind === 'admin_created') log(`Created the secretariat account ${bootstrap.email}.`)
  if (bootstrap.kind === 'setup_link') {
    log(`No account yet. Create the secretariat account within one hour at:\n  ${new URL(`/setup/${bootstrap.token}`, publicUrl ?? url)}`)
  }

  let closed = false
  return {
    url,
    port,
    conn,
    bootstrap,
    async close() {
      if (closed) return
      closed = true
      await collab?.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await conn.db.destroy()
    },
  }
}
