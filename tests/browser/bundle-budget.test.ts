/**
 * Budgets, read from the build manifest of the client the browser suite serves: the JavaScript loaded for
 * the sign-in and home pages stays within 100 KB gzipped, and the editor (Tiptap, Yjs, the websocket
 * client) is a separate chunk loaded only on document pages. Runs without Chromium.
 */
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { ROOT, WEB_DIR } from './support/build-client.ts'

interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}
type Manifest = Record<string, ManifestChunk>

const BUDGET = 100 * 1024
const manifest = JSON.parse(fs.readFileSync(path.join(WEB_DIR, '.vite/manifest.json'), 'utf8')) as Manifest

/** Every JS file loaded when these chunks load: their files and their static imports, transitively. */
function staticClosure(keys: string[]): Set<string> {
  const files = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (!chunk) throw new Error(`not in the manifest: ${key}`)
    if (files.has(chunk.file)) return
    files.add(chunk.file)
    for (const k of chunk.imports ?? []) visit(k)
  }
  keys.forEach(visit)
  return files
}

const gzipped = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(WEB_DIR, f)), { level: 9 }).length, 0)
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

describe('bundle budget', () => {
  const signIn = staticClosure(['index.html'])
  const home = staticClosure(['index.html', 'pages/Home.tsx'])
  const documentPage = staticClosure(['pages/document/DocumentPage.tsx'])
  const editorOnly = new Set([...documentPage].filter((f) => !home.has(f)))
  const sizes = { signIn: gzipped(signIn), home: gzipped(home), editorChunks: gzipped(editorOnly) }
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true })
  fs.writeFileSync(path.join(ROOT, 'test-results/bundle-sizes.json'), JSON.stringify({ gzipBytes: sizes, signIn: [...signIn], home: [...home], editor: [...editorOnly] }, null, 2))
  console.log(`[budget] sign-in ${kb(sizes.signIn)}, home ${kb(sizes.home)}, editor chunk(s) ${kb(sizes.editorChunks)} (gzip)`)

  test('the sign-in page loads at most 100 KB of JavaScript, gzipped', () => {
    expect(sizes.signIn).toBeLessThanOrEqual(BUDGET)
  })

  test('the home page loads at most 100 KB of JavaScript, gzipped', () => {
    expect(sizes.home).toBeLessThanOrEqual(BUDGET)
  })

  test('the editor is loaded only on document pages', () => {
    const entry = manifest['index.html']
    expect(entry.isEntry).toBe(true)
    // Reached only through a dynamic import (the lazy route), never statically from the entry or home.
    expect(staticClosure(['index.html']).has(manifest['pages/document/DocumentPage.tsx'].file)).toBe(false)
    expect(Object.values(manifest).some((c) => c.dynamicImports?.includes('pages/document/DocumentPage.tsx'))).toBe(true)
    for (const file of home) {
      const code = fs.readFileSync(path.join(WEB_DIR, file), 'utf8')
      expect(code, `${file} carries editor code`).not.toMatch(/ProseMirror|y-websocket|ySyncPlugin/)
    }
    const editorCode = [...editorOnly].map((f) => fs.readFileSync(path.join(WEB_DIR, f), 'utf8')).join('\n')
    expect(editorCode).toMatch(/ProseMirror/)
    expect(sizes.editorChunks).toBeGreaterThan(50 * 1024)
  })
})
