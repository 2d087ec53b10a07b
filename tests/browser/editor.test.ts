/**
 * The editor in real browsers: two members co-edit and see each other's text and named caret; the status
 * reaches "All changes saved" only when the server confirmed; an observer cannot type; edits made while
 * the connection is cut arrive when it returns.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest'
import { expectAccessible, startAppHub, screenshot, type AppHub, type Person } from './support/app.ts'
import { chromiumPath, launchBrowser } from './support/browser.ts'

describe.skipIf(!chromiumPath)('the collaborative editor', () => {
  let hub: AppHub
  let browser: Browser
  let ana: Person, lin: Person, oliver: Person
  let documentId: string
  const contexts: BrowserContext[] = []
  /** Ana's and Lin's pages stay open across the tests, as people keep a document open while they work. */
  let a: Page, b: Page

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

  beforeAll(async () => {
    ;[hub, browser] = await Promise.all([startAppHub(), launchBrowser()])
    ana = await hub.person({ name: 'Ana Ruiz', body: 'ai-committee', role: 'chair', institution: 'Instituto de Política Digital', country: 'BR' })
    lin = await hub.person({ name: 'Lin Wei', body: 'ai-committee', role: 'member', institution: 'Tsinghua AI Policy Centre', country: 'CN' })
    oliver = await hub.person({ name: 'Oliver Smith', body: 'ai-committee', role: 'observer', institution: 'Oxford Internet Lab', country: 'GB' })
    const res = await hub.request('POST', '/api/bodies/ai-committee/documents', {
      cookie: ana.cookie,
      json: { kind: 'consensus_document', titleEn: 'Principles for Responsible Generative AI', titleZh: '负责任生成式人工智能原则', language: 'en' },
    })
    documentId = ((await res.json()) as { id: string }).id
  })

  afterAll(async () => {
    await browser?.close()
    await hub?.close()
  })

  test('two members co-edit: each sees the other’s text and named caret; the status reaches "All changes saved"', async () => {
    ;[a, b] = await Promise.all([open(ana), open(lin)])
    await expect.poll(() => status(a).getAttribute('data-status')).toBe('live')
    await editor(a).click()
    await a.keyboard.type('Generative AI should serve people.')
    await expect.poll(() => editor(b).textContent()).toContain('Generative AI should serve people.')
    await expect.poll(() => status(a).textContent(), { timeout: 10_000 }).toContain('All changes saved')

    await editor(b).click()
    await b.keyboard.press('End')
    await b.keyboard.type(' Lin agrees.')
    await expect.poll(() => editor(a).textContent()).toContain('Lin agrees.')
    await expect.poll(() => a.locator('.collaboration-carets__label').allTextContents()).toContain('Lin Wei')
    await expect.poll(() => b.locator('.collaboration-carets__label').allTextContents()).toContain('Ana Ruiz')
    await expect.poll(() => status(b).textContent(), { timeout: 10_000 }).toContain('All changes saved')
    await expect(a.locator('.presence-names').textContent()).resolves.toContain('Lin Wei')
    await screenshot(a, 'editor-two-people')
    await expectAccessible(a, 'the editor with two people')
  })

  test('an observer reads but cannot type, and is told why', async () => {
    const page = await open(oliver)
    onTestFinished(() => page.context().close())
    await expect.poll(() => editor(page).textContent()).toContain('Lin agrees.')
    await expect(editor(page).getAttribute('contenteditable')).resolves.toBe('false')
    // The reason is shown, once: a locator alone is always truthy, so count what is on the page.
    await expect.poll(() => page.getByText('your role in Artificial Intelligence Committee is Observer').count()).toBe(1)
    const before = await editor(page).textContent()
    await editor(page).click()
    await page.keyboard.type('Observer was here')
    await page.waitForTimeout(500)
    expect(await editor(page).textContent()).toBe(before)
    await screenshot(page, 'editor-observer')
    await expectAccessible(page, 'the editor, read-only for an observer')
  })

  test('edits made while the connection is cut are kept, then arrive when it returns', async () => {
    await expect.poll(() => status(a).getAttribute('data-status')).toMatch(/live|saved/)
    await a.context().setOffline(true)
    await expect.poll(() => status(a).getAttribute('data-status'), { timeout: 40_000 }).toMatch(/offline/)
    await editor(a).click()
    await a.keyboard.press('Control+End')
    await a.keyboard.press('Enter')
    await a.keyboard.type('Written while offline.')
    await expect.poll(() => status(a).textContent()).toContain('Offline — changes kept')
    await screenshot(a, 'editor-offline')
    expect(await editor(b).textContent()).not.toContain('Written while offline.')
    await a.context().setOffline(false)
    await expect.poll(() => editor(b).textContent(), { timeout: 20_000 }).toContain('Written while offline.')
    await expect.poll(() => status(a).textContent(), { timeout: 20_000 }).toContain('All changes saved')
  })

  test('in dark mode the editor stays readable', async () => {
    await b.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(() => status(b).getAttribute('data-status')).toMatch(/live|saved/)
    await screenshot(b, 'editor-dark')
    await expectAccessible(b, 'the editor in dark mode')
    await b.emulateMedia({ colorScheme: 'light' })
  })

  test('a member demoted while the document is open can no longer type, and is told so', async () => {
    const page = b
    await expect.poll(() => status(page).getAttribute('data-status')).toMatch(/live|saved/)
    const res = await hub.request('PATCH', `/api/bodies/ai-committee/members/${lin.id}`, { cookie: ana.cookie, json: { role: 'observer' } })
    expect(res.status).toBe(200)
    await editor(page).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' Typed after the demotion.')
    await expect.poll(() => editor(page).getAttribute('contenteditable'), { timeout: 20_000 }).toBe('false')
    await page.getByText('You can no longer edit this document.').waitFor()
    await page.getByText('your role in Artificial Intelligence Committee is Observer').waitFor()
    const stored = await hub.request('GET', `/api/documents/${documentId}`, { cookie: ana.cookie })
    expect(stored.status).toBe(200)
    await screenshot(page, 'editor-demoted')
  })
})
