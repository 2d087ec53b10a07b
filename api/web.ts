/**
 * Serves the built web client (dist/client) from the same server: files as they are, and index.html for
 * every other page path so bookmarks and reloads work (history-API fallback). /api, /collab, /p and the
 * server-rendered /publications are never answered with the app.
 */
import fs from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { AppEnv } from './env.ts'

const RESERVED = /^\/(api|collab|p|publications)(\/|$)/

export function mountWebClient(app: Hono<AppEnv>, distDir: string): void {
  const indexFile = path.join(distDir, 'index.html')
  if (!fs.existsSync(indexFile)) throw new Error(`The web client is not built (${indexFile} is missing): run npm run build.`)
  const index = fs.readFileSync(indexFile, 'utf8')
  const root = path.relative(process.cwd(), distDir) || '.'
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable')
      },
    }),
  )
  app.get('*', async (c, next) => {
    if (RESERVED.test(c.req.path)) return next()
    const file = path.join(distDir, path.normalize(c.req.path))
    if (file.startsWith(distDir) && c.req.path !== '/' && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return serveStatic({ root })(c, next)
    }
    c.header('Cache-Control', 'no-cache')
    return c.html(index)
  })
}
