/**
 * Signing in and out, and the language: English ⇄ Chinese at any time, remembered on the account.
 * Screenshots of the sign-in and home pages (both languages) with axe-core checks.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'
import { mountWebClient } from '../../api/web.ts'
import { WEB_DIR } from './support/build-client.ts'
import { expectAccessible, screenshot, startAppHub, type AppHub, type Person } from './support/app.ts'
import { chromiumPath, launchBrowser } from './support/browser.ts'

describe.skipIf(!chromiumPath)('sign-in and language', () => {
  let hub: AppHub
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let mei: Person

  beforeAll(async () => {
    ;[hub, browser] = await Promise.all([startAppHub(), launchBrowser()])
    mei = await hub.person({ name: 'Mei Chen', body: 'data', role: 'chair', institution: 'China Academy of ICT', country: 'CN' })
    await hub.request('POST', '/api/bodies/data/documents', {
      cookie: mei.cookie,
      json: { kind: 'research_report', titleEn: 'International Data Cooperation', titleZh: '数据国际合作', language: 'zh' },
    })
    context = await hub.context(browser)
    page = await context.newPage()
  })

  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await hub?.close()
  })

  test('a wrong password is explained in place; the right one opens home', async () => {
    await page.goto(hub.url + '/')
    await page.getByRole('heading', { name: 'Sign in to Consensus Hub' }).waitFor()
    await screenshot(page, 'sign-in')
    await expectAccessible(page, 'sign-in')

    await page.getByLabel('Email').fill(ADMIN.email)
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' }).waitFor()

    await page.getByLabel('Password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: /Welcome/ }).waitFor()
    expect(page.url()).toBe(hub.url + '/')
  })

  test('signing out shows the sign-in form again', async () => {
    await page.getByRole('button', { name: /Account menu/ }).click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in to Consensus Hub' }).waitFor()
    await page.getByText('You are signed out.').waitFor()
  })

  test('switching to Chinese and back changes every string at once, and the account remembers it', async () => {
    const own = await hub.context(browser, mei)
    const p = await own.newPage()
    await p.goto(hub.url + '/')
    await p.getByRole('heading', { name: 'Welcome, Mei Chen' }).waitFor()
    await p.getByRole('link', { name: 'International Data Cooperation' }).waitFor()
    await screenshot(p, 'home')
    await expectAccessible(p, 'home')

    await p.getByRole('button', { name: '中文' }).click()
    await p.getByRole('heading', { name: '欢迎，Mei Chen' }).waitFor()
    await p.getByRole('link', { name: '数据国际合作' }).waitFor()
    expect(await p.locator('html').getAttribute('lang')).toBe('zh-CN')
    await expect.poll(async () => (await (await hub.request('GET', '/api/me', { cookie: mei.cookie })).json()).user.locale).toBe('zh')
    await screenshot(p, 'home-zh')
    await expectAccessible(p, 'home in Chinese')

    // Remembered: a fresh browser (its own default is English) opens in Chinese once signed in.
    const fresh = await hub.context(browser, mei, { locale: 'en' })
    const q = await fresh.newPage()
    await q.goto(hub.url + '/bodies')
    await q.getByRole('heading', { name: '机构设置' }).waitFor()
    await fresh.close()

    await p.goto(hub.url + '/bodies/data')
    await p.getByRole('heading', { name: '数据工作组' }).waitFor()
    await screenshot(p, 'body-zh')
    await expectAccessible(p, 'the body page in Chinese')

    await p.getByRole('button', { name: 'English' }).click()
    await p.getByRole('heading', { name: 'Data Working Group' }).waitFor()
    await p.getByRole('link', { name: 'Home' }).click()
    await p.getByRole('heading', { name: 'Welcome, Mei Chen' }).waitFor()
    expect(await p.locator('html').getAttribute('lang')).toBe('en-GB')
    await expect.poll(async () => (await (await hub.request('GET', '/api/me', { cookie: mei.cookie })).json()).user.locale).toBe('en')
    await own.close()
  })
})

describe.skipIf(!chromiumPath)('first start without accounts', () => {
  let hub: TestHub
  let browser: Browser

  beforeAll(async () => {
    ;[hub, browser] = await Promise.all([
      startTestHub({ adminEmail: undefined, adminPassword: undefined, web: (app) => mountWebClient(app, WEB_DIR) }),
      launchBrowser(),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await hub?.close()
  })

  test('the setup link creates the secretariat account, in the language chosen on the page', async () => {
    expect(hub.bootstrap.kind).toBe('setup_link')
    const token = hub.bootstrap.kind === 'setup_link' ? hub.bootstrap.token : ''
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${hub.url}/setup/${token}`)
    await page.getByRole('button', { name: '中文' }).click()
    await page.getByRole('heading', { name: '创建秘书处账户' }).waitFor()
    await page.getByLabel('您的姓名').fill('Wang Fang')
    await page.getByLabel('邮箱').fill('wang.fang@hub.test')
    await page.getByLabel('密码', { exact: true }).fill('secretariat-password')
    await page.getByLabel('再次输入密码').fill('secretariat-password')
    await screenshot(page, 'setup-zh')
    await page.getByRole('button', { name: '创建账户' }).click()
    await page.getByRole('heading', { name: '欢迎，Wang Fang' }).waitFor()
    await page.getByRole('link', { name: '管理' }).waitFor()
    const me = await page.evaluate(async () => (await fetch('/api/me')).json())
    expect(me.user).toMatchObject({ isSecretariat: true, locale: 'zh' })
    await context.close()
  })
})
