/**
 * Two chairs on one document: the second chair's move, made on a screen that still shows the old state,
 * is refused (409 state_changed) and the banner shows where the document stands now, with the reason.
 */
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startAppHub, type AppHub, type Person } from './support/app.ts'
import { chromiumPath, launchBrowser } from './support/browser.ts'

describe.skipIf(!chromiumPath)('a move made on a stale screen', () => {
  let hub: AppHub
  let browser: Browser
  let context: BrowserContext | null = null
  let ana: Person, ben: Person

  beforeAll(async () => {
    ;[hub, browser] = await Promise.all([startAppHub(), launchBrowser()])
    ana = await hub.person({ name: 'Ana Chair', body: 'data', role: 'chair' })
    ben = await hub.person({ name: 'Ben Cochair', body: 'data', role: 'chair' })
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await hub?.close()
  })

  test('is refused, and the banner moves on to the state the other chair made', async () => {
    const created = await hub.request('POST', '/api/bodies/data/documents', { cookie: ana.cookie, json: { kind: 'research_report', titleEn: 'Data Flows Report', titleZh: '数据流动报告', language: 'en' } })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    context = await hub.context(browser, ana)
    const page = await context.newPage()
    await page.goto(`${hub.url}/documents/${id}`)
    await page.locator('.state-banner .badge', { hasText: 'Draft' }).waitFor()
    // Ben opens consultation while Ana's click is on its way: her request names the draft she saw.
    let sent: unknown = null
    await page.route('**/api/documents/*/transitions', async (route) => {
      sent = route.request().postDataJSON()
      await hub.request('POST', `/api/documents/${id}/transitions`, { cookie: ben.cookie, json: { to: 'consultation' } })
      await route.continue()
    })
    await page.getByRole('button', { name: 'Open consultation' }).click()
    await page.locator('.state-banner .badge', { hasText: 'Consultation' }).waitFor()
    await expect.poll(() => page.locator('.state-banner').getByText('nothing was changed').count()).toBe(1)
    expect(sent).toEqual({ to: 'consultation', from: 'draft' })
    const moves = await hub.conn.db.selectFrom('audit_events').select('actor_id').where('subject_id', '=', id).where('action', '=', 'document.transition').execute()
    expect(moves.map((m) => m.actor_id)).toEqual([ben.id])
  })
})
