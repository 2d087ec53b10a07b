/**
 * The app as users get it: the built client (see build-client.ts) served by a real hub with the collab
 * server, on a temporary database; plus helpers to make people, open signed-in browser contexts, take
 * screenshots and run axe-core.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { mountWebClient } from '../../../api/web.ts'
import { SESSION_COOKIE } from '../../../domain/session-policy.ts'
import type { Role } from '../../../domain/roles.ts'
import { startTestHub, type TestHub } from '../../helpers/hub.ts'
import { ROOT, WEB_DIR } from './build-client.ts'

export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots')

export interface Person {
  id: string
  email: string
  name: string
  cookie: string
}

export interface AppHub extends TestHub {
  person(o: { name: string; body?: string; role?: Role; institution?: string; country?: string; secretariat?: boolean }): Promise<Person>
  /** A browser context signed in as `person` (or signed out), in English unless told otherwise. */
  context(browser: Browser, person?: Person, o?: { locale?: 'en' | 'zh'; colorScheme?: 'light' | 'dark' }): Promise<BrowserContext>
}

export async function startAppHub(): Promise<AppHub> {
  const hub = await startTestHub({ web: (app) => mountWebClient(app, WEB_DIR) })
  const institutions = new Map<string, string>()
  return {
    ...hub,
    async person(o) {
      let institutionId: string | null = null
      if (o.institution) {
        institutionId = institutions.get(o.institution) ?? (await hub.makeInstitution({ nameEn: o.institution, country: o.country ?? 'CN' }))
        institutions.set(o.institution, institutionId)
      }
      const slug = o.name.toLowerCase().replace(/[^a-z]+/g, '.')
      const user = await hub.makeUser({ name: o.name, email: `${slug}@hub.test`, secretariat: o.secretariat, institutionId })
      if (o.body) await hub.addMember(o.body, user.id, o.role ?? 'member')
      return { id: user.id, email: user.email, name: o.name, cookie: user.cookie }
    },
    async context(browser, person, o = {}) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 860 },
        locale: o.locale === 'zh' ? 'zh-CN' : 'en-GB',
        colorScheme: o.colorScheme ?? 'light',
      })
      if (person) {
        const value = person.cookie.slice(person.cookie.indexOf('=') + 1)
        await context.addCookies([{ name: SESSION_COOKIE, value, url: hub.url, httpOnly: true, sameSite: 'Lax' }])
      }
      await context.addInitScript((locale) => localStorage.setItem('hub.locale', locale), o.locale ?? 'en')
      return context
    },
  }
}

/**
 * The page as a person sees it. A full-page capture draws fixed and sticky elements where they are in the
 * window at that moment, so it is taken from the top (a test's click may have scrolled the page, which
 * would show the top bar over the middle of the page and a blank band above it). While a modal dialog is
 * open the page behind it cannot scroll and the overlay covers the window: the window is what is seen,
 * so only the window is captured (a full-page capture would show the page below the overlay uncovered).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const dialogOpen = (await page.getByRole('dialog').count()) + (await page.getByRole('alertdialog').count()) > 0
  if (!dialogOpen) await page.evaluate(() => window.scrollTo(0, 0))
  // Transitions are finished first: right after a colour-scheme switch, buttons were caught half-way
  // (a light background still fading out under the dark theme's light text).
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: !dialogOpen, animations: 'disabled' })
}

const AXE_SOURCE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

/** Serious and critical axe-core violations on the page as it is now (WCAG 2.1 AA rules). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: the app's CSP (script-src 'self') forbids inline script tags.
  await page.evaluate(AXE_SOURCE)
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }))
  })
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** Fails with the rule, its help text and the offending elements when axe finds serious or critical issues. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await seriousViolations(page)
  const report = violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n')
  if (report) throw new Error(`axe-core on ${label}:\n${report}`)
}
