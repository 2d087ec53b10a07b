/**
 * The interactive API reference at /api/docs: Swagger UI served from the swagger-ui-dist package on our
 * own origin (the hub runs on closed networks, and the CSP allows only our own scripts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { Hono } from 'hono'

const require = createRequire(import.meta.url)
const distDir = path.dirname(require.resolve('swagger-ui-dist/package.json'))
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
}

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Consensus Hub API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`

/**
 * "Try it out" sends no Content-Type on a request without a body (sign out, resolve, disable…), and the
 * API refuses every unsafe request that is not JSON (415, middleware/same-origin.ts). The interceptor says
 * JSON on POST, PUT, PATCH and DELETE unless the request already names a type, as the app's own client does
 * (client/http/client.ts).
 */
const requestInterceptor = `(r) => {
    const unsafe = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(String(r.method || 'GET').toUpperCase())
    r.headers = r.headers || {}
    const named = Object.keys(r.headers).some((h) => h.toLowerCase() === 'content-type')
    if (unsafe && !named) r.headers['Content-Type'] = 'application/json'
    return r
  }`

const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', withCredentials: true,
  requestInterceptor: ${requestInterceptor} })`

export const docsRoutes = new Hono()
  .get('/', (c) => c.html(page))
  .get('/init.js', (c) => c.body(init, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
  .get('/:asset', (c) => {
    const asset = c.req.param('asset')
    const type = ASSETS[asset]
    if (!type) return c.json({ error: { code: 'not_found', message: 'No such file.' } }, 404)
    return c.body(fs.readFileSync(path.join(distDir, asset)), 200, {
      'content-type': type,
      'cache-control': 'public, max-age=86400',
    })
  })
