/**
 * npm run dev: the hub (API + collab) on an internal port and Vite's dev server in front of it, with hot
 * reload for the client. Vite proxies /api, the public pages (/publications, /p/…) and the /collab
 * websocket; the browser talks to Vite only, so cookies and the same-origin checks see one origin (the
 * proxy keeps the Host header).
 *
 *   PORT (default 5173): the address to open; HUB_DEV_API_PORT (default PORT + 1): the hub itself.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'
import { createCollabServer } from '../collab/server.ts'
import { startHub } from '../hub.ts'

const env = process.env
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const port = Number(env.PORT ?? 5173)
const apiPort = Number(env.HUB_DEV_API_PORT ?? port + 1)

const hub = await startHub({
  dataDir: path.resolve(env.HUB_DATA_DIR ?? path.join(root, 'data')),
  port: apiPort,
  host: '127.0.0.1',
  // Links the hub hands out (setup, invitations, resets) point at the Vite address people open.
  publicUrl: env.HUB_PUBLIC_URL || `http://localhost:${port}`,
  adminEmail: env.HUB_ADMIN_EMAIL,
  adminPassword: env.HUB_ADMIN_PASSWORD,
  demo: process.argv.includes('--demo'),
  collab: ({ db, sqlite, now, publicUrl }) => createCollabServer({ db, sqlite, now, publicUrl }),
})

const target = `http://127.0.0.1:${apiPort}`
const vite = await createServer({
  configFile: path.join(root, 'vite.config.ts'),
  server: {
    port,
    strictPort: true,
    host: env.HOST ?? 'localhost',
    // Anchored patterns: '/p' alone would also catch the client's own /pages/… modules. The public pages
    // (/publications and /p/…) are rendered by the hub, so they go to it as well.
    proxy: {
      '^/api(/|$)': { target, changeOrigin: false },
      '^/publications([/?]|$)': { target, changeOrigin: false },
      '^/p([/?]|$)': { target, changeOrigin: false },
      '^/collab/': { target, changeOrigin: false, ws: true },
    },
  },
})
await vite.listen()
vite.printUrls()
console.log(`API and collab server on ${target} (proxied by Vite).`)

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    void Promise.allSettled([vite.close(), hub.close()]).then(() => process.exit(0))
  })
}
