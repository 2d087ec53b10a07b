/**
 * Builds the web client once for the browser suite, into .test-data/web (not dist/, so a running
 * `npm start` is never disturbed). The suite then serves exactly what production serves.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const WEB_DIR = path.join(ROOT, '.test-data/web')

export default async function setup(): Promise<void> {
  const started = Date.now()
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: WEB_DIR, emptyOutDir: true } })
  console.log(`[browser] web client built in ${Date.now() - started} ms`)
}
