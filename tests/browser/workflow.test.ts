/**
 * Review and lifecycle in real browsers. Review: a member comments on a selection and mentions the chair,
 * the chair replies and resolves; a member suggests a change and the chair accepts it; "who wrote this"
 * names both authors. Lifecycle: the chair opens consultation and a consensus call, a member objects
 * formally, the chair closes it with consensus with dissent (the objection overruled with a rationale,
 * shown in the call's record), submits, the secretariat publishes, and an anonymous visitor finds the
 * publication in the archive by search, reads it in both languages and downloads the DOCX. Screenshots
 * and axe-core checks (no serious or critical issue) of the review sidebar, the consensus panel, the
 * inbox, the archive and the publication page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { expectAccessible, screenshot, startAppHub, type AppHub, type Person } from './support/app.ts'
import { chromiumPath, launchBrowser } from './support/browser.ts'

const TITLE = 'Principles for Open Model Governance'

describe.skipIf(!chromiumPath)('reviewing and agreeing a document', () => {
  let hub: AppHub
  let browser: Browser
  let ana: Person, lin: Person, sam: Person
  let documentId: string
  const contexts: BrowserContext[] = []

  const open = async (person?: Person): Promise<Page> => {
    const context = await hub.context(browser, person)
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (e) => console.error(`[${person?.name ?? 'anonymous'}] page error:`, e.message))
    page.on('dialog', (d) => void d.accept())
    if (person) {
      await page.goto(`${hub.url}/documents/${documentId}`)
      await page.locator('.status-line').waitFor()
    }
    return page
  }
  const editor = (page: Page) => page.getByRole('textbox', { name: 'Document text' })
  const status = (page: Page) => page.locator('.status-line')
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

  beforeAll(async () => {
    ;[hub, browser] = await Promise.all([startAppHub(), launchBrowser()])
    ana = await hub.person({ name: 'Ana Ruiz', body: 'ai-committee', role: 'chair', institution: 'Instituto de Política Digital', country: 'BR' })
    lin = await hub.person({ name: 'Lin Wei', body: 'ai-committee', role: 'member', institution: 'Tsinghua AI Policy Centre', country: 'CN' })
    sam = await hub.person({ name: 'Sam Secretariat', secretariat: true })
    const res = await hub.request('POST', '/api/bodies/ai-committee/documents', {
      cookie: ana.cookie,
      json: { kind: 'consensus_document', titleEn: TITLE, titleZh: '开放模型治理原则', language: 'en' },
    })
    documentId = ((await res.json()) as { id: string }).id
  })

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close()
  })

  afterAll(async () => {
    await browser?.close()
    await hub?.close()
  })

  test('comment, mention, reply and resolve; suggest and accept; who wrote this shows both authors', async () => {
    const a = await open(ana)
    await expect.poll(() => status(a).getAttribute('data-status')).toBe('live')
    await editor(a).click()
    await a.keyboard.type('The committee endorses open models.')
    await expect.poll(() => status(a).textContent(), { timeout: 10_000 }).toContain('All changes saved')

    const l = await open(lin)
    await expect.poll(() => editor(l).textContent()).toContain('open models')
    await editor(l).click()
    await l.keyboard.press('Control+End')
    await l.keyboard.type(' Lin adds safeguards.')
    await expect.poll(() => status(l).textContent(), { timeout: 10_000 }).toContain('All changes saved')

    await select(l, 'open models')
    await l.getByRole('button', { name: 'Comment', exact: true }).click()
    const box = l.getByRole('combobox', { name: 'Comment' })
    await box.click()
    await l.keyboard.type('Which ones, @An')
    await l.getByRole('option', { name: 'Ana Ruiz' }).click()
    await l.keyboard.type('?')
    await l.getByRole('button', { name: 'Post' }).click()
    await l.locator('.thread .mention-chip', { hasText: '@Ana Ruiz' }).waitFor()
    await expect.poll(() => l.locator('.editor-host .comment-highlight').allTextContents()).toEqual(['open models'])

    await a.reload()
    const thread = a.locator('.thread').first()
    await thread.getByText('open models').first().waitFor()
    await thread.getByRole('button', { name: 'Reply' }).click()
    await thread.getByRole('combobox', { name: 'Reply' }).fill('Those with open weights.')
    await thread.getByRole('button', { name: 'Post' }).click()
    await thread.getByText('Those with open weights.').waitFor()
    await thread.getByRole('button', { name: 'Resolve' }).click()
    await a.getByText('Resolved and decided (1)').waitFor()

    await select(l, 'endorses')
    await l.getByRole('button', { name: 'Suggest', exact: true }).click()
    await l.getByLabel('Replace with').fill('supports')
    await l.getByRole('button', { name: 'Post' }).click()
    await l.locator('.thread-suggestion').waitFor()

    await a.reload()
    await a.locator('.thread-suggestion').getByRole('button', { name: 'Accept' }).click()
    await expect.poll(() => editor(a).textContent(), { timeout: 10_000 }).toContain('The committee supports open models.')
    await expect.poll(() => editor(l).textContent(), { timeout: 10_000 }).toContain('The committee supports open models.')
    await screenshot(a, 'review-sidebar')
    await expectAccessible(a, 'the review sidebar')

    await a.getByRole('button', { name: 'Who wrote this' }).click()
    const legend = a.getByRole('list', { name: 'Authors' })
    await expect.poll(() => legend.textContent()).toContain('Ana Ruiz')
    await expect.poll(() => legend.textContent()).toContain('Lin Wei')
    await screenshot(a, 'who-wrote-this')
    await a.keyboard.press('Escape')

    await a.getByRole('tab', { name: 'Versions' }).click()
    await a.getByPlaceholder('Name of the version').fill('Draft 1')
    await a.getByRole('button', { name: 'Save a version' }).click()
    await a.locator('.version-item strong', { hasText: '1. Draft 1' }).waitFor()
    await editor(a).click()
    await a.keyboard.press('Control+End')
    await a.keyboard.type(' Reviewed.')
    await expect.poll(() => status(a).textContent(), { timeout: 10_000 }).toContain('All changes saved')
    await a.getByRole('button', { name: 'Compare' }).click()
    await expect.poll(async () => (await a.getByRole('dialog').locator('ins').allTextContents()).join('')).toContain('Reviewed')
    await screenshot(a, 'compare-versions')
    await a.keyboard.press('Escape')
    await a.getByRole('button', { name: 'Restore' }).click()
    await a.getByRole('dialog').getByRole('button', { name: 'Restore' }).click()
    await expect.poll(() => editor(a).textContent(), { timeout: 10_000 }).not.toContain('Reviewed.')
    await a.locator('.version-item strong', { hasText: '2. Restored from version 1' }).waitFor()

    await l.goto(`${hub.url}/inbox`)
    await l.getByRole('heading', { name: 'Inbox' }).waitFor()
    const anaInbox = await open(ana)
    await anaInbox.goto(`${hub.url}/inbox`)
    await anaInbox.getByText('Lin Wei mentioned you').waitFor()
    await screenshot(anaInbox, 'inbox')
    await expectAccessible(anaInbox, 'the inbox')
    await anaInbox.getByRole('button', { name: 'Mark all read' }).click()
    await expect.poll(() => anaInbox.getByRole('link', { name: /Notifications \(0 unread\)/ }).count()).toBe(1)
  })

  test('a chair runs a call, members state positions, the secretariat publishes, a visitor finds and downloads it', async () => {
    const a = await open(ana)
    await a.goto(`${hub.url}/bodies/ai-committee`)
    await a.getByRole('button', { name: 'New document' }).click()
    await a.getByRole('dialog', { name: 'Start a new document' }).waitFor()
    await screenshot(a, 'create-document')
    await a.keyboard.press('Escape')
    await a.goto(`${hub.url}/documents/${documentId}`)
    await a.locator('.status-line').waitFor()
    await a.getByRole('button', { name: 'Open consultation' }).click()
    await a.locator('.state-banner .badge', { hasText: 'Consultation' }).waitFor()
    await a.getByRole('button', { name: 'Open consensus call' }).click()
    await a.getByRole('dialog').getByRole('button', { name: 'Open consensus call' }).click()
    await a.locator('.state-banner .badge', { hasText: 'Consensus call' }).waitFor()

    const l = await open(lin)
    // The open call waits on Lin's institution: the inbox says so until a position is stated.
    await l.goto(`${hub.url}/inbox`)
    await l.locator('.inbox-awaiting[data-reason="state_position"]').getByRole('link', { name: TITLE }).click()
    await l.locator('.status-line').waitFor()
    await l.getByRole('tab', { name: 'Consensus call' }).click()
    await l.getByLabel('Concern').check()
    await l.getByRole('button', { name: 'State position' }).click()
    await l.getByText('A reason is required for a concern or a formal objection.').waitFor()
    await l.getByLabel('Formal objection').check()
    await l.getByLabel('Reason').fill('Section 2 needs a safeguard for small developers.')
    await l.getByRole('button', { name: 'State position' }).click()
    await l.getByText('1 of 2 institutions responded').waitFor()
    await screenshot(l, 'consensus-panel')
    await expectAccessible(l, 'the consensus panel')

    await a.reload()
    await a.getByRole('tab', { name: 'Consensus call' }).click()
    await a.getByLabel('Support').check()
    await a.getByRole('button', { name: 'State position' }).click()
    await a.getByText('2 of 2 institutions responded').waitFor()
    await a.getByLabel('Consensus with dissent').check()
    await a.getByLabel('Overruled').check()
    await a.getByLabel('Rationale').fill('Section 4 already protects small developers.')
    await a.getByRole('button', { name: 'Close the call' }).click()
    await a.locator('.state-banner .badge', { hasText: 'Agreed' }).waitFor()
    // The closed call keeps its record: who objected, why, and what the chair decided.
    const record = a.locator('.objection-list')
    await expect.poll(() => record.textContent()).toContain('Section 2 needs a safeguard for small developers.')
    await expect.poll(() => record.textContent()).toContain('Overruled')
    await expect.poll(() => record.textContent()).toContain('Section 4 already protects small developers.')
    expect(await record.textContent()).toContain('Tsinghua AI Policy Centre')
    await screenshot(a, 'consensus-record')
    await a.getByRole('tab', { name: 'Endorsements' }).click()
    await a.getByRole('button', { name: 'Endorse on behalf of my institution' }).click()
    await a.getByText('Endorsed by 1 institution from 1 country or region').waitFor()
    await a.getByRole('button', { name: 'Submit to the secretariat' }).click()
    await a.locator('.state-banner .badge', { hasText: 'Submitted' }).waitFor()

    const s = await open(sam)
    await s.getByRole('button', { name: 'Publish' }).click()
    const link = s.getByRole('link', { name: 'View the publication' })
    await link.waitFor()
    const href = await link.getAttribute('href')
    expect(href).toMatch(/^\/p\//)
    await screenshot(s, 'published-banner')
    // Named by the document itself (GET /api/documents/:id), so it is there after a reload too.
    await s.reload()
    expect(await s.getByRole('link', { name: 'View the publication' }).getAttribute('href')).toBe(href)

    const visitor = await open()
    await visitor.goto(`${hub.url}/publications?q=${encodeURIComponent('Open Model Governance')}`)
    await screenshot(visitor, 'publications')
    await expectAccessible(visitor, 'the archive')
    await visitor.getByRole('link', { name: TITLE }).click()
    await visitor.waitForURL(`**${href}`)
    await visitor.getByText('The committee supports open models.').first().waitFor()
    await visitor.getByText('Section 4 already protects small developers.').waitFor()
    // The formal objection is named by the institution that made it.
    expect(await visitor.locator('#consensus').locator('..').textContent()).toContain('Tsinghua AI Policy Centre')
    await screenshot(visitor, 'publication')
    await expectAccessible(visitor, 'the publication page')
    await visitor.getByRole('link', { name: '中文' }).click()
    await visitor.getByRole('heading', { level: 1, name: '开放模型治理原则' }).waitFor()
    await visitor.getByRole('heading', { name: '联署' }).waitFor()
    await screenshot(visitor, 'publication-zh')
    await visitor.getByRole('link', { name: 'English' }).click()
    await visitor.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    const docxHref = await visitor.getByRole('link', { name: 'Word (DOCX)' }).getAttribute('href')
    const download = await visitor.request.get(new URL(docxHref!, visitor.url()).toString())
    expect(download.status()).toBe(200)
    expect(download.headers()['content-type']).toContain('wordprocessingml')
    expect((await download.body()).subarray(0, 2).toString()).toBe('PK')
  })
})
