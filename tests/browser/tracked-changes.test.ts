/**
 * Suggesting mode in real browsers, three people on one document: two editors switch to "Suggesting"
 * and, while neither can see the other (both offline), each types over a word; back online, the chair
 * sees both tracked changes inline and in the review sidebar with their authors, accepts one and rejects
 * the other, and every page and the stored document end with the same text and no suggestion left. An
 * observer sees the list without the buttons and has no switch. A Chinese input method composing over a
 * suggested deletion leaves exactly the composed characters.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadDocumentState } from '../../db/queries/document-state.ts'
import { docFromUpdate, toPlainText, toProsemirrorJSON } from '../../domain/document-content.ts'
import { trackedSuggestions } from '../../domain/suggestion-marks.ts'
import { expectAccessible, screenshot, startAppHub, type AppHub, type Person } from './support/app.ts'
import { chromiumPath, launchBrowser } from './support/browser.ts'

const START = 'The parties shall share data promptly.'
const END = 'The parties should share data promptly.'

describe.skipIf(!chromiumPath)('tracked changes', () => {
  let hub: AppHub
  let browser: Browser
  let ana: Person, lin: Person, mei: Person, oliver: Person
  let documentId: string
  const contexts: BrowserContext[] = []

  const open = async (person: Person): Promise<Page> => {
    const context = await hub.context(browser, person)
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (e) => console.error(`[${person.name}] page error:`, e.message))
    await page.goto(`${hub.url}/documents/${documentId}`)
    await page.locator('.status-line').waitFor()
    return page
  }
  const editor = (page: Page) => page.getByRole('textbox', { name: 'Document text' })
  const status = (page: Page) => page.locator('.status-line')
  const tracked = (page: Page) => page.locator('.thread-tracked')
  /** Selects the first occurrence of `text` in the editor, as a person dragging over it would. */
  const select = (page: Page, text: string) =>
    page.evaluate((needle) => {
      const el = document.querySelector('.editor-host .ProseMirror') as HTMLElement & { editor: { state: { doc: { descendants: (f: (n: { isText: boolean; text?: string }, pos: number) => void) => void } }; commands: { setTextSelection: (r: { from: number; to: number }) => void } } }
      let found: { from: number; to: number } | null = null
      el.editor.state.doc.descendants((node, pos) => {
        const i = node.isText && !found ? (node.text ?? '').indexOf(needle) : -1
        if (i >= 0) found = { from: pos + i, to: pos + i + needle.length }
      })
      if (!found) throw new Error(`not in the document: ${needle}`)
      el.editor.commands.setTextSelection(found)
    }, text)
  /** The document's text on a page (the editor's own state: other people's caret labels are not text). */
  const docText = (page: Page) =>
    page.evaluate(() => (document.querySelector('.editor-host .ProseMirror') as HTMLElement & { editor: { state: { doc: { textContent: string } } } }).editor.state.doc.textContent)
  const storedText = async () => toProsemirrorJSON(docFromUpdate(await loadDocumentState(hub.conn.db, documentId)))

  beforeAll(async () => {
    ;[hub, browser] = await Promise.all([startAppHub(), launchBrowser()])
    ana = await hub.person({ name: 'Ana Ruiz', body: 'ai-committee', role: 'chair', institution: 'Instituto de Política Digital', country: 'BR' })
    lin = await hub.person({ name: 'Lin Wei', body: 'ai-committee', role: 'member', institution: 'Tsinghua AI Policy Centre', country: 'CN' })
    mei = await hub.person({ name: 'Mei Tanaka', body: 'ai-committee', role: 'member', institution: 'Keio Data Lab', country: 'JP' })
    oliver = await hub.person({ name: 'Oliver Smith', body: 'ai-committee', role: 'observer', institution: 'Oxford Internet Lab', country: 'GB' })
    const res = await hub.request('POST', '/api/bodies/ai-committee/documents', {
      cookie: ana.cookie,
      json: { kind: 'consensus_document', titleEn: 'Data Sharing Principles', titleZh: '数据共享原则', language: 'en' },
    })
    documentId = ((await res.json()) as { id: string }).id
  })

  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    await hub?.close()
  })

  test('two editors suggest concurrently, a third accepts one and rejects the other; every page and the server agree', async () => {
    const a = await open(ana)
    await expect.poll(() => status(a).getAttribute('data-status')).toBe('live')
    await editor(a).click()
    await a.keyboard.type(START)
    await expect.poll(() => status(a).textContent(), { timeout: 10_000 }).toContain('All changes saved')

    const [l, m] = await Promise.all([open(lin), open(mei)])
    for (const page of [l, m]) {
      await expect.poll(() => docText(page)).toBe(START)
      await page.getByRole('radio', { name: 'Suggesting' }).check()
      await expect(page.getByRole('radio', { name: 'Suggesting' }).isChecked()).resolves.toBe(true)
    }

    // Neither sees the other's change before making their own.
    await Promise.all([l.context().setOffline(true), m.context().setOffline(true)])
    await select(l, 'shall')
    await l.keyboard.type('should')
    await select(m, 'promptly')
    await m.keyboard.type('without delay')
    expect(await docText(l)).toBe('The parties shallshould share data promptly.')
    expect(await docText(m)).toBe('The parties shall share data promptlywithout delay.')
    await Promise.all([l.context().setOffline(false), m.context().setOffline(false)])

    for (const page of [a, l, m]) {
      await expect.poll(() => tracked(page).count(), { timeout: 20_000 }).toBe(2)
      await expect.poll(() => docText(page)).toBe('The parties shallshould share data promptlywithout delay.')
    }
    await expect.poll(() => status(l).textContent(), { timeout: 20_000 }).toContain('All changes saved')
    await expect.poll(() => status(m).textContent(), { timeout: 20_000 }).toContain('All changes saved')
    expect(trackedSuggestions(await storedText()).map((s) => [s.deleted, s.inserted, s.authorName])).toEqual([
      ['shall', 'should', 'Lin Wei'],
      ['promptly', 'without delay', 'Mei Tanaka'],
    ])

    // Inline on the chair's page: struck-through deletions, underlined insertions, named on hover.
    const ins = a.locator('.editor-host ins.suggestion', { hasText: 'should' })
    await expect(ins.getAttribute('title')).resolves.toMatch(/^Suggested insertion by Lin Wei, /)
    await expect(a.locator('.editor-host del.suggestion', { hasText: 'promptly' }).getAttribute('title')).resolves.toMatch(/^Suggested deletion by Mei Tanaka, /)
    const items = tracked(a)
    await expect(items.nth(0).textContent()).resolves.toContain('Lin Wei')
    await expect(items.nth(1).textContent()).resolves.toContain('Mei Tanaka')
    await screenshot(a, 'tracked-changes')
    await expectAccessible(a, 'the editor and sidebar with tracked changes')
    await a.emulateMedia({ colorScheme: 'dark' })
    await screenshot(a, 'tracked-changes-dark')
    await expectAccessible(a, 'tracked changes in dark mode')
    await a.emulateMedia({ colorScheme: 'light' })

    // An observer reads the suggestions but has neither the switch nor the buttons.
    const o = await open(oliver)
    await expect.poll(() => tracked(o).count()).toBe(2)
    expect(await o.getByRole('radio', { name: 'Suggesting' }).count()).toBe(0)
    expect(await tracked(o).getByRole('button', { name: 'Accept' }).count()).toBe(0)

    await items.filter({ hasText: 'Lin Wei' }).getByRole('button', { name: 'Accept' }).click()
    await expect.poll(() => tracked(a).count()).toBe(1)
    await items.filter({ hasText: 'Mei Tanaka' }).getByRole('button', { name: 'Reject' }).click()
    await expect.poll(() => tracked(a).count()).toBe(0)

    for (const page of [a, l, m, o]) {
      await expect.poll(() => docText(page), { timeout: 15_000 }).toBe(END)
      await expect.poll(() => page.locator('.editor-host ins, .editor-host del').count()).toBe(0)
      await expect.poll(() => tracked(page).count()).toBe(0)
    }
    await expect.poll(() => status(a).textContent(), { timeout: 10_000 }).toContain('All changes saved')
    const stored = await storedText()
    expect(toPlainText(stored)).toBe(END)
    expect(trackedSuggestions(stored)).toEqual([])
  })

  test('a Chinese input method typing over a deleted word suggests exactly what was composed', async () => {
    const l = await open(lin)
    await expect.poll(() => docText(l)).toBe(END)
    await l.getByRole('radio', { name: 'Suggesting' }).check()
    await select(l, 'data')
    await l.keyboard.press('Backspace')
    // The caret put back at the start of the struck-through word, as a click there would.
    await l.evaluate(() => {
      const el = document.querySelector('.editor-host .ProseMirror') as HTMLElement & { editor: { chain: () => { focus: () => { setTextSelection: (p: number) => { run: () => void } } }; state: { selection: { from: number } } } }
      el.editor.chain().focus().setTextSelection(el.editor.state.selection.from).run()
    })
    // What an input method does: a "Process" key, then the pinyin composing into characters.
    const cdp = await l.context().newCDPSession(l)
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code: 'KeyS', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 })
    for (const text of ['s', 'shu', 'shuju', '数据']) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
    await cdp.send('Input.insertText', { text: '数据' })
    await expect.poll(() => docText(l)).toBe('The parties should share data数据 promptly.')
    await expect.poll(async () => trackedSuggestions(await storedText()).map((s) => [s.kind, s.deleted, s.inserted, s.authorName]), { timeout: 10_000 }).toEqual([['replacement', 'data', '数据', 'Lin Wei']])
    await l.getByRole('button', { name: 'Reject', exact: true }).click()
    await expect.poll(() => docText(l)).toBe(END)
  })
})
