// @vitest-environment jsdom
/**
 * The inbox in the reader's language: a call notification shows its closing date in words, from the call's
 * `closesAt` (not the server's English "closes …" excerpt), a mention's quoted text shows names, not the
 * mention markup; documents awaiting my action come first, with their own count and why they wait.
 */
import { MemoryRouter, Route } from '@solidjs/router'
import { cleanup, render, screen } from '@solidjs/testing-library'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { I18nProvider } from '../../client/i18n/i18n.tsx'
import Inbox from '../../client/pages/inbox/Inbox.tsx'

const notifications = [
  { id: 2, kind: 'call_opened', actorName: 'Ana Ruiz', document: { id: 'd1', titleEn: 'Open Models', titleZh: '开放模型' }, commentId: null, callId: 'c1', closesAt: '2026-03-01T12:00:00.000Z', excerpt: 'Open Models · closes 2026-02-27', at: '2026-02-01T10:00:00.000Z', read: false },
  { id: 1, kind: 'mention', actorName: 'Lin Wei', document: { id: 'd1', titleEn: 'Open Models', titleZh: '开放模型' }, commentId: 't1', callId: null, closesAt: null, excerpt: 'Which ones, @[Ana Ruiz](u1) ?', at: '2026-01-31T10:00:00.000Z', read: true },
]

const doc = (id: string, titleEn: string, titleZh: string, state: string) => ({ id, bodyId: 'b1', kind: 'consensus_document', titleEn, titleZh, language: 'en', state, createdBy: 'u1', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', body: { slug: 'data', nameEn: 'Data Working Group', nameZh: '数据工作组' } })
const awaiting = [
  { ...doc('d1', 'Open Models', '开放模型', 'consensus_call'), reason: 'state_position', closesAt: '2026-03-01T12:00:00.000Z' },
  { ...doc('d2', 'Cross-Border Data', '跨境数据', 'agreed'), reason: 'submit', closesAt: null },
]

beforeEach(() => {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ notifications, unread: 1, awaiting }), { status: 200, headers: { 'content-type': 'application/json' } }))
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

test('notifications read in Chinese, with the closing date and mentions as names', async () => {
  const { container } = render(() => (
    <I18nProvider initial="zh">
      <MemoryRouter>
        <Route path="/" component={Inbox} />
      </MemoryRouter>
    </I18nProvider>
  ))
  await screen.findByText('Ana Ruiz 发起了共识征询')
  expect(screen.getByText('截止于 2026年3月1日')).toBeTruthy()
  expect(container.textContent).not.toContain('closes')
  expect(container.querySelector('.inbox-excerpt .mention-chip')?.textContent).toBe('@Ana Ruiz')
  expect(container.textContent).not.toContain('@[Ana Ruiz](u1)')
  expect(screen.getAllByRole('link', { name: '开放模型' })).toHaveLength(3)
})

test('documents awaiting my action are listed first, with their own count and what to do, in Chinese', async () => {
  const { container } = render(() => (
    <I18nProvider initial="zh">
      <MemoryRouter>
        <Route path="/" component={Inbox} />
      </MemoryRouter>
    </I18nProvider>
  ))
  const section = (await screen.findByRole('heading', { name: /待我处理/ })).closest('section')!
  expect(section.textContent).toContain('2 项待处理')
  const items = [...section.querySelectorAll('li')].map((li) => li.textContent)
  expect(items[0]).toContain('请表明本机构的立场')
  expect(items[0]).toContain('征询截止于 2026年3月1日')
  expect(items[0]).toContain('数据工作组')
  expect(items[1]).toContain('已达成一致：请提交秘书处')
  expect(section.querySelector('a[href="/documents/d2"]')?.textContent).toBe('跨境数据')
  // The count of notifications unread stays the count of notifications.
  expect(container.querySelectorAll('.inbox-unread')).toHaveLength(1)
})
