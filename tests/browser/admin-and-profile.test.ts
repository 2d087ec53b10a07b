/**
 * The secretariat's pages and the profile, as a user sees them: the review queue lists a submitted
 * document (in English and Chinese), opens it and returns another with a reason; an account created in
 * the admin page gets a set-password link that works; the audit log filters by action; screenshots and
 * axe checks of each.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeDocument } from '../helpers/documents.ts'
import { expectAccessible, screenshot, startAppHub, type AppHub, type Person } from './support/app.ts'
import { chromiumPath, launchBrowser } from './support/browser.ts'

describe.skipIf(!chromiumPath)('administration and profile', () => {
  let hub: AppHub
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let secretary: Person
  let karin: Person

  beforeAll(async () => {
    ;[hub, browser] = await Promise.all([startAppHub(), launchBrowser()])
    secretary = await hub.person({ name: 'Zhang Min', secretariat: true, body: 'secretariat', role: 'chair', institution: 'WIC Secretariat', country: 'CN' })
    karin = await hub.person({ name: 'Karin Larsen', body: 'data', role: 'chair', institution: 'Nordic Data Council', country: 'NO' })
    context = await hub.context(browser, secretary)
    page = await context.newPage()
  })

  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await hub?.close()
  })

  test('review queue: a submitted document is listed with who submitted it, opens, and another is returned with a reason', async () => {
    const submit = async (title: string) => {
      const { id } = await makeDocument(hub, { body: 'data', state: 'agreed', createdBy: karin.id, title, text: `${title}: the agreed text.` })
      const res = await hub.request('POST', `/api/documents/${id}/transitions`, { cookie: karin.cookie, json: { to: 'submitted' } })
      expect(res.status).toBe(200)
      return id
    }
    const toOpen = await submit('Principles for Trusted Data Spaces')
    await submit('Notes Needing Sources')

    // The secretariat's administration opens on the review queue.
    await page.goto(`${hub.url}/admin`)
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/review')
    const row = page.locator(`tr[data-document="${toOpen}"]`)
    await expect.poll(() => row.textContent()).toContain('Principles for Trusted Data Spaces')
    expect(await row.textContent()).toContain('by Karin Larsen')
    expect(await row.textContent()).toContain('None yet')
    await screenshot(page, 'admin-review')
    await expectAccessible(page, 'admin: review queue')
    await page.getByRole('button', { name: '中文' }).click()
    await page.getByRole('heading', { name: '待审文件' }).waitFor()
    // The document's Chinese title (test data: 文件 <id>), its body's Chinese name, the submitter.
    await expect.poll(() => row.textContent()).toContain(`文件 ${toOpen}`)
    expect(await row.textContent()).toContain('提交人：Karin Larsen')
    expect(await row.textContent()).toContain('暂无')
    await screenshot(page, 'admin-review-zh')
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Submitted for review' }).waitFor()

    const returned = page.getByRole('row', { name: /Notes Needing Sources/ })
    await returned.getByRole('button', { name: 'Return…' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Return to draft' }).click()
    await dialog.getByText('Give a reason for returning it.').waitFor()
    await dialog.getByLabel('Reason').fill('Section 2 needs sources.')
    await dialog.getByRole('button', { name: 'Return to draft' }).click()
    await returned.waitFor({ state: 'detached' })

    await row.getByRole('link', { name: 'Open' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/documents/${toOpen}`)
    await page.locator('.state-banner .badge', { hasText: 'Submitted' }).waitFor()
    await page.getByRole('button', { name: 'Publish' }).waitFor()
  })

  test('institutions: add one, then see it listed with its country', async () => {
    await page.goto(`${hub.url}/admin/institutions`)
    await page.getByRole('button', { name: 'Add an institution' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Name in English').fill('Singapore Digital Economy Institute')
    await dialog.getByLabel('Name in Chinese').fill('新加坡数字经济研究院')
    await dialog.getByLabel('Country or region code').fill('sg')
    await dialog.getByRole('button', { name: 'Save' }).click()
    const row = page.getByRole('row', { name: /Singapore Digital Economy Institute/ })
    await expect.poll(() => row.textContent()).toContain('Singapore')
    await screenshot(page, 'admin-institutions')
    await expectAccessible(page, 'admin: institutions')
  })

  test('people: a new account gets a link to set its password, and the link signs the person in', async () => {
    await page.goto(`${hub.url}/admin/people`)
    await page.getByRole('button', { name: 'Add a person' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Email').fill('ravi.kumar@hub.test')
    await dialog.getByLabel('Name', { exact: true }).fill('Ravi Kumar')
    await dialog.getByRole('button', { name: 'Save' }).click()
    const link = await dialog.getByLabel('ravi.kumar@hub.test').inputValue()
    expect(link).toMatch(/\/reset\/[a-z2-7]+$/)
    await dialog.getByRole('button', { name: 'Close' }).first().click()
    await page.getByRole('row', { name: /Ravi Kumar/ }).getByText('No password yet').waitFor()
    await screenshot(page, 'admin-people')
    await expectAccessible(page, 'admin: people')

    const fresh = await hub.context(browser)
    const p = await fresh.newPage()
    await p.goto(link)
    await p.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await p.getByLabel('New password').fill('ravi-kumar-password')
    await p.getByLabel('Repeat the password').fill('ravi-kumar-password')
    await p.getByRole('button', { name: 'Set password and sign in' }).click()
    await p.getByRole('heading', { name: 'Welcome, Ravi Kumar' }).waitFor()
    await fresh.close()
  })

  test('bodies and the audit log, filtered by an action family', async () => {
    await page.goto(`${hub.url}/admin/bodies`)
    await page.getByRole('row', { name: /Standards Promotion Programme/ }).waitFor()
    await screenshot(page, 'admin-bodies')
    await expectAccessible(page, 'admin: bodies')

    await page.goto(`${hub.url}/admin/audit`)
    await page.getByLabel('Action').fill('institution.')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect.poll(() => page.url()).toContain('action=institution.')
    await expect.poll(() => page.getByRole('table').textContent()).toContain('institution.created')
    expect(await page.getByRole('table').textContent()).not.toContain('user.created')
    await screenshot(page, 'admin-audit')
    await expectAccessible(page, 'admin: audit log')
  })

  test('profile: name, language, password and sessions', async () => {
    await page.goto(`${hub.url}/profile`)
    await page.getByRole('heading', { name: 'Sessions' }).waitFor()
    await page.getByText('This session').waitFor()
    await page.getByLabel('Your name').fill('Zhang Min (Secretariat)')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('button', { name: /Account menu/ }).getByText('Zhang Min (Secretariat)').waitFor()
    await screenshot(page, 'profile')
    await expectAccessible(page, 'profile')
  })
})
