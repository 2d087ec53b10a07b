/**
 * The web client build: Solid + Vite, rooted at client/, emitted to dist/client (served by api/web.ts with
 * history fallback). Everything lands under /assets/ with content hashes; the manifest lets a test check
 * the JavaScript budget of each page. No inline scripts: the server's CSP is `script-src 'self'`.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

const root = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  root: path.join(root, 'client'),
  publicDir: false,
  plugins: [solid()],
  build: {
    outDir: path.join(root, 'dist/client'),
    emptyOutDir: true,
    assetsDir: 'assets',
    manifest: true,
    target: 'es2022',
    // Vite's module preload polyfill is an inline-free module, but the modern targets need none.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 900,
    // Rolldown's report of slow plugins (the Solid JSX transform) is noise in every build log.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: { port: 5173 },
})
