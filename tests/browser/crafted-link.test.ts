/**
 * A link a member crafts over the collab socket (a Yjs update the editor would never send) with the app's
 * own `.dialog-positioner` class, `rel="opener"` and a target: in the editor of every reader it is an
 * ordinary link, with the hub's rel and target, and it covers nothing beyond its words.
 */
import type { Browser } from 'playwright-core'
import * as Y from 'yjs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { collabClient, waitUntil } from '../helpers/collab-client.ts'
import { startAppHub, type AppHub } from './support/app.ts'
import { chromiumPath, launchBrowser } from './support/browser.ts'

let hub: AppHub, browser: Browser
beforeAll(async () => {
  ;[hub, browser] = await Promise.all([startAppHub(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await hub?.close()
})

test.skipIf(!chromiumPath)("a member's crafted link keeps none of its attributes and covers nothing else of an observer's page", async () => {
  const chair = await hub.person({ name: 'Ana Ruiz', body: 'ai-committee', role: 'chair' })
  const member = await hub.person({ name: 'Mallory Member', body: 'ai-committee', role: 'member' })
  const observer = await hub.person({ name: 'Oliver Smith', body: 'ai-committee', role: 'observer' })
  const res = await hub.request('POST', '/api/bodies/ai-committee/documents', { cookie: chair.cookie, json: { kind: 'consensus_document', titleEn: 'Overlay test', titleZh: '测试', language: 'en' } })
  const id = ((await res.json()) as { id: string }).id
  const c = collabClient(hub, id, member.cookie)
  await c.synced()
  c.doc.transact(() => {
    const p = new Y.XmlElement('paragraph')
    c.doc.getXmlFragment('default').insert(0, [p])
    const t = new Y.XmlText()
    p.insert(0, [t])
    t.insert(0, 'Ordinary looking sentence.', { link: { href: 'https://evil.example/phish', class: 'dialog-positioner', rel: 'opener', target: '_self', title: 'https://hub.example/annex' } })
  })
  await waitUntil(async () => (await hub.conn.db.selectFrom('document_updates').selectAll().where('document_id', '=', id).execute()).length > 0)
  c.destroy()

  const ctx = await hub.context(browser, observer)
  await ctx.route('https://evil.example/**', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<p>phish</p>' }))
  const page = await ctx.newPage()
  await page.goto(`${hub.url}/documents/${id}`)
  const link = page.locator('.ProseMirror a', { hasText: 'Ordinary looking sentence.' })
  await link.waitFor()
  expect(await link.evaluate((a) => ({ class: a.getAttribute('class'), rel: a.getAttribute('rel'), target: a.getAttribute('target'), title: a.getAttribute('title') }))).toEqual({
    class: null,
    rel: 'noopener noreferrer nofollow',
    target: '_blank',
    title: null,
  })
  expect(await page.locator('a.dialog-positioner').count()).toBe(0)

  // Points of the header, the side and the middle of the window: none of them is the link.
  const hits = await page.evaluate(() => [[640, 430], [1200, 100], [100, 30]].map(([x, y]) => !!document.elementFromPoint(x, y)?.closest('a[href^="https://evil.example"]')))
  expect(hits).toEqual([false, false, false])
  const popup = ctx.waitForEvent('page', { timeout: 2000 }).catch(() => null)
  await page.mouse.click(1200, 100)
  expect(await popup).toBeNull()
  expect(page.url()).toBe(`${hub.url}/documents/${id}`)
})
