/** Components with logic, rendered in jsdom: sign-in form checks, status line, language switch, fallback titles. */
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { StatusLine } from '../../client/editor/StatusLine.tsx'
import { I18nProvider } from '../../client/i18n/i18n.tsx'
import { LanguageSwitch } from '../../client/layout/LanguageSwitch.tsx'
import { SignInForm } from '../../client/pages/auth/SignIn.tsx'
import { SessionProvider } from '../../client/session/session.tsx'
import { Localized } from '../../client/ui/Localized.tsx'
import type { JSX } from 'solid-js'

type Route = (init: RequestInit | undefined) => { status: number; body: unknown }
let routes: Record<string, Route>
let calls: { method: string; url: string; body: unknown }[]

beforeEach(() => {
  calls = []
  routes = { 'GET /api/me': () => ({ status: 401, body: { error: { code: 'unauthenticated', message: 'Sign in first.' } } }) }
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url
    const method = init?.method ?? 'GET'
    calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined })
    const route = routes[`${method} ${new URL(url, 'http://hub.test').pathname}`]
    const { status, body } = route ? route(init) : { status: 404, body: { error: { code: 'not_found', message: 'No such API route.' } } }
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  })
  localStorage.clear()
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const withApp = (ui: () => JSX.Element, locale: 'en' | 'zh' = 'en') =>
  render(() => (
    <I18nProvider initial={locale}>
      <SessionProvider>{ui()}</SessionProvider>
    </I18nProvider>
  ))

const me = (locale: 'en' | 'zh') => ({
  user: { id: 'u1', email: 'lin@hub.test', displayName: 'Lin Wei', locale, isSecretariat: false, disabled: false, disabledAt: null, createdAt: '', hasPassword: true, institution: null },
  memberships: [],
})

describe('the sign-in form', () => {
  test('checks the fields before sending anything', async () => {
    withApp(() => <SignInForm />)
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findAllByText('Required.')).toHaveLength(2)
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true')
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'lin@' } })
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    await screen.findByText('Enter a valid email address.')
    expect(calls.filter((c) => c.url.endsWith('/auth/login'))).toEqual([])
  })

  test('explains a refusal from the server in place, in the chosen language', async () => {
    routes['POST /api/auth/login'] = () => ({ status: 401, body: { error: { code: 'invalid_credentials', message: 'The email or password is incorrect.' } } })
    withApp(() => <SignInForm />, 'zh')
    fireEvent.input(screen.getByLabelText('邮箱'), { target: { value: 'lin@hub.test' } })
    fireEvent.input(screen.getByLabelText('密码'), { target: { value: 'wrong password' } })
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    expect((await screen.findByRole('alert')).textContent).toContain('邮箱或密码不正确。')
    expect(calls.find((c) => c.url.endsWith('/auth/login'))?.body).toEqual({ email: 'lin@hub.test', password: 'wrong password' })
  })
})

describe('the status line', () => {
  test('is a polite live region naming the state, in either language', () => {
    const en = render(() => (
      <I18nProvider initial="en">
        <StatusLine status="saved" />
      </I18nProvider>
    ))
    expect(screen.getByRole('status').textContent).toContain('All changes saved')
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite')
    en.unmount()
    render(() => (
      <I18nProvider initial="zh">
        <StatusLine status="offline-kept" />
      </I18nProvider>
    ))
    expect(screen.getByRole('status').textContent).toContain('离线 — 更改已保留')
    expect(screen.getByRole('status').textContent).toContain('连接恢复后将立即发送')
  })
})

describe('the language switch', () => {
  test('before sign-in: switches at once and is remembered in this browser', async () => {
    withApp(() => (
      <>
        <LanguageSwitch />
        <Localized en="Data Working Group" zh="数据工作组" />
      </>
    ))
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/me'))).toBe(true))
    expect(document.body.textContent).toContain('Data Working Group')
    fireEvent.click(screen.getByRole('button', { name: '中文' }))
    expect(screen.getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true')
    expect(document.body.textContent).toContain('数据工作组')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(localStorage.getItem('hub.locale')).toBe('zh')
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false)
  })

  test('signed in: the account remembers the choice', async () => {
    routes['GET /api/me'] = () => ({ status: 200, body: me('en') })
    routes['PATCH /api/me'] = () => ({ status: 200, body: me('zh') })
    withApp(() => <LanguageSwitch />)
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/me'))).toBe(true))
    await new Promise((r) => setTimeout(r, 0))
    fireEvent.click(screen.getByRole('button', { name: '中文' }))
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ locale: 'zh' }))
  })
})

describe('a title kept in both languages', () => {
  test('falls back to the other language and says which one it is', () => {
    render(() => (
      <I18nProvider initial="zh">
        <p data-testid="t">
          <Localized en="Only in English" zh="" />
        </p>
      </I18nProvider>
    ))
    const span = screen.getByTestId('t').querySelector('span')
    expect(span?.textContent).toBe('Only in English')
    expect(span?.getAttribute('lang')).toBe('en-GB')
  })
})
