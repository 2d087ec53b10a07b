/**
 * The entry: reads the environment, starts the hub (database, API, collab, web client) on one port and
 * shuts down gracefully on SIGTERM/SIGINT (sockets closed with 1001 after pending edits are flushed).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { mountWebClient } from './api/web.ts'
import { ConfigurationError } from './api/bootstrap.ts'
import { createCollabServer } from './collab/server.ts'
import { startHub } from './hub.ts'

const env = process.env
const root = path.dirname(fileURLToPath(import.meta.url))
const demo = process.argv.includes('--demo')

const hub = await startHub({
  dataDir: path.resolve(env.HUB_DATA_DIR ?? (demo ? './data/demo' : './data')),
  port: Number(env.PORT ?? 3000),
  host: env.HOST ?? '0.0.0.0',
  publicUrl: env.HUB_PUBLIC_URL || null,
  trustProxy: env.HUB_TRUST_PROXY === '1',
  adminEmail: env.HUB_ADMIN_EMAIL,
  adminPassword: env.HUB_ADMIN_PASSWORD,
  demo,
  collab: ({ db, sqlite, now, publicUrl, trustProxy }) =>
    createCollabServer({
      db,
      sqlite,
      now,
      publicUrl,
      trustProxy,
      maxPayload: env.HUB_COLLAB_MAX_PAYLOAD ? Number(env.HUB_COLLAB_MAX_PAYLOAD) : undefined,
    }),
  web: (app) => mountWebClient(app, path.resolve(env.HUB_WEB_DIR ?? path.join(root, 'dist/client'))),
}).catch((err: unknown) => {
  // A refused configuration is the operator's to fix: say what, without a stack trace.
  if (!(err instanceof ConfigurationError)) throw err
  console.error(`Consensus Hub did not start: ${err.message}`)
  process.exit(1)
})
console.log(`Consensus Hub is running at ${env.HUB_PUBLIC_URL || hub.url}`)

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: closing connections and flushing edits…`)
    hub.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err)
        process.exit(1)
      },
    )
  })
}
