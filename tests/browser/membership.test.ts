/**
 * Membership in the browser: a chair invites someone, who accepts through the link by choosing a name and
 * a password; someone asks to join and the chair approves; the last-chair rule is explained in place.
 * Screenshots of the body page (chair's view), the invitation page and the bodies tree, with axe checks.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { expectAccessible, screenshot, startAppHub, type AppHub, type Person } from './support/app.ts'
import { chromiumPath, launchBrowser } from './support/browser.ts'

describe.skipIf(!chromiumPath)('membership', () => {
  let hub: AppHub
  let browser: Browser
  let chair: Person, pedro: Person
  let chairContext: BrowserContext
  let chairPage: Page
  const contexts: BrowserContext[] = []

  const membersTable = (page: Page) => page.getByRole('region', { name: /^Members/ }).getByRole('table')

  beforeAll(async () => {
    ;[hub, browser] = await Promise.all([startAppHub(), launchBrowser()])
    chair = await hub.person({ name: 'Amara Okafor', body: 'cross-border-ecommerce', role: 'chair', institution: 'African Digital Trade Forum', country: 'NG' })
    await hub.person({ name: 'Jonas Weber', body: 'cross-border-ecommerce', role: 'member', institution: 'Fraunhofer Digital Trade', country: 'DE' })
    pedro = await hub.person({ name: 'Pedro Alves', institution: 'Mercado Digital Lab', country: 'BR' })
    chairContext = await hub.context(browser, chair)
    chairPage = await chairContext.newPage()
  })

  afterAll(async () => {
    for (const c of contexts) await c.close()
    await chairContext?.close()
    await browser?.close()
    await hub?.close()
  })

  test('a chair invites a newcomer, who accepts through the link with a name and a password', async () => {
    await chairPage.goto(`${hub.url}/bodies/cross-border-ecommerce`)
    await chairPage.getByRole('heading', { name: 'Cross-Border E-Commerce Working Group' }).waitFor()
    await chairPage.getByRole('button', { name: 'Invite someone' }).click()
    const dialog = chairPage.getByRole('dialog')
    await dialog.getByLabel('Their email').fill('sofia.rossi@hub.test')
    await dialog.getByRole('button', { name: 'Create invitation link' }).click()
    const linkField = dialog.getByLabel('Invitation link for sofia.rossi@hub.test')
    await linkField.waitFor()
    const link = await linkField.inputValue()
    expect(link).toMatch(new RegExp(`^${hub.url}/invite/[a-z2-7]+$`))
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click()
    await chairPage.getByText('sofia.rossi@hub.test').waitFor()

    const newcomer = await hub.context(browser)
    contexts.push(newcomer)
    const page = await newcomer.newPage()
    await page.goto(link)
    await page.getByRole('heading', { name: 'You are invited' }).waitFor()
    await page.getByText('Join Cross-Border E-Commerce Working Group as Member.').waitFor()
    await screenshot(page, 'invitation')
    await expectAccessible(page, 'the invitation page')
    await page.getByLabel('Your name').fill('Sofia Rossi')
    await page.getByLabel('Password', { exact: true }).fill('short')
    await page.getByRole('button', { name: 'Accept invitation' }).click()
    await page.getByText('At least 10 characters.').first().waitFor()
    await page.getByLabel('Password', { exact: true }).fill('a-good-long-password')
    await page.getByLabel('Repeat the password').fill('a-good-long-password')
    await page.getByRole('button', { name: 'Accept invitation' }).click()

    await page.getByRole('heading', { name: 'Cross-Border E-Commerce Working Group' }).waitFor()
    await expect.poll(() => membersTable(page).textContent()).toContain('Sofia Rossi')
    await chairPage.reload()
    await expect.poll(() => membersTable(chairPage).textContent()).toContain('Sofia Rossi')
    await expect.poll(() => chairPage.getByRole('region', { name: /Chair tools/ }).textContent()).toContain('No pending invitations.')
  })

  test('someone asks to join; the chair approves the request with a role', async () => {
    const asker = await hub.context(browser, pedro)
    contexts.push(asker)
    const page = await asker.newPage()
    await page.goto(`${hub.url}/bodies`)
    await page.getByRole('link', { name: /Cross-Border E-Commerce Working Group/ }).click()
    await page.getByRole('button', { name: 'Ask to join' }).click()
    await page.getByRole('dialog').getByLabel(/Message to the chairs/).fill('I lead the cross-border logistics study at Mercado Digital Lab.')
    await page.getByRole('dialog').getByRole('button', { name: 'Send request' }).click()
    await page.getByText('You have asked to join. The chairs will decide.').waitFor()

    await chairPage.reload()
    const requests = chairPage.getByRole('listitem').filter({ hasText: 'Pedro Alves' })
    await requests.getByText('I lead the cross-border logistics study').waitFor()
    await screenshot(chairPage, 'body-chair-view')
    await expectAccessible(chairPage, 'the body page (chair)')
    await requests.getByRole('button', { name: 'Approve: Pedro Alves' }).click()
    await expect.poll(() => membersTable(chairPage).textContent()).toContain('Pedro Alves')

    await page.reload()
    await page.getByRole('button', { name: 'Leave this body' }).waitFor()
    await expect.poll(() => membersTable(page).textContent()).toContain('Pedro Alves')
  })

  test('demoting the only chair is refused and explained in place', async () => {
    await chairPage.reload()
    await chairPage.getByRole('button', { name: /Change role of Amara Okafor/ }).click()
    await chairPage.getByRole('option', { name: 'Member' }).click()
    await chairPage.getByRole('alert').filter({ hasText: 'A body must keep at least one chair' }).waitFor()
    await expect.poll(() => membersTable(chairPage).getByRole('row', { name: /Amara Okafor/ }).textContent()).toContain('Chair')
  })

  test('the bodies page shows the organisation as a tree', async () => {
    await chairPage.goto(`${hub.url}/bodies`)
    const committee = chairPage.getByRole('listitem').filter({ hasText: 'Artificial Intelligence Committee' }).first()
    await committee.getByRole('link', { name: /Standards Promotion Programme/ }).waitFor()
    await screenshot(chairPage, 'bodies')
    await expectAccessible(chairPage, 'the bodies tree')
  })
})
