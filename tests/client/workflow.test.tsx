// @vitest-environment jsdom
/**
 * The workflow and review panels' logic, rendered in jsdom: the moves offered per standing, the position
 * form's reason rule, the close form's dispositions, and mentions (parsed, offered, inserted, rendered as
 * text, never HTML), and a comment thread's rendering and actions.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library'
import type { JSX } from 'solid-js'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { I18nProvider } from '../../client/i18n/i18n.tsx'
import { CloseCallForm } from '../../client/pages/document/CloseCallForm.tsx'
import { dispositionProblems, reasonMissing } from '../../client/pages/document/consensus-rules.ts'
import { MentionInput } from '../../client/pages/document/MentionInput.tsx'
import { activeMentionQuery, insertMention, parseMentions } from '../../client/pages/document/mentions.ts'
import { MentionText } from '../../client/pages/document/MentionText.tsx'
import { availableMoves, mayRestore } from '../../client/pages/document/moves.ts'
import { PositionForm } from '../../client/pages/document/PositionForm.tsx'
import { ThreadItem } from '../../client/pages/document/ThreadItem.tsx'
import type { Thread } from '../../client/pages/document/workflow-types.ts'

let calls: { method: string; url: string; body: unknown }[]

beforeEach(() => {
  calls = []
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url
    calls.push({ method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(String(init.body)) : undefined })
    return new Response(JSON.stringify({ id: 1 }), { status: 201, headers: { 'content-type': 'application/json' } })
  })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const withI18n = (ui: () => JSX.Element, locale: 'en' | 'zh' = 'en') => render(() => <I18nProvider initial={locale}>{ui()}</I18nProvider>)
const posts = (suffix: string) => calls.filter((c) => c.method === 'POST' && c.url.endsWith(suffix))

describe('moves offered on the state banner', () => {
  const body = { id: 'b1', parentId: 'c1', parentKind: 'committee' as const, archived: false }
  const actor = (o: { isSecretariat?: boolean; chairOf?: string[]; memberOf?: string[] } = {}) => ({
    userId: 'u1',
    isSecretariat: o.isSecretariat ?? false,
    roles: new Map([...(o.chairOf ?? []).map((id) => [id, 'chair'] as const), ...(o.memberOf ?? []).map((id) => [id, 'member'] as const)]),
  })
  const targets = (...args: Parameters<typeof availableMoves>) => availableMoves(...args).map((m) => m.to)

  test('a chair in consultation may go back to draft, open a call or withdraw', () => {
    expect(targets('consultation', body, actor({ chairOf: ['b1'] })).sort()).toEqual(['consensus_call', 'draft', 'withdrawn'])
  })
  test('a chair of the parent committee counts as a chair; closing a call is never a plain move', () => {
    expect(targets('consensus_call', body, actor({ chairOf: ['c1'] })).sort()).toEqual(['draft', 'withdrawn'])
  })
  test('a chair of a parent that is not a committee is offered nothing, as the server allows nothing', () => {
    const underGroup = { ...body, parentKind: 'working_group' as const }
    expect(targets('consultation', underGroup, actor({ chairOf: ['c1'] }))).toEqual([])
    expect(mayRestore('draft', underGroup, actor({ chairOf: ['c1'] }))).toBe(false)
  })
  test('the secretariat publishes or returns a submitted document; a member is offered nothing', () => {
    expect(targets('submitted', body, actor({ isSecretariat: true })).sort()).toEqual(['draft', 'published'])
    expect(targets('draft', body, actor({ memberOf: ['b1'] }))).toEqual([])
  })
  test('chairs of the body or its committee restore versions, in draft only', () => {
    expect(mayRestore('draft', body, actor({ chairOf: ['b1'] }))).toBe(true)
    expect(mayRestore('draft', body, actor({ chairOf: ['c1'] }))).toBe(true)
    expect(mayRestore('consultation', body, actor({ chairOf: ['b1'] }))).toBe(false)
    expect(mayRestore('draft', body, actor({ memberOf: ['b1'], isSecretariat: true }))).toBe(false)
  })
})

describe('the position form', () => {
  test('a reason is required for concern and formal objection only', () => {
    expect(reasonMissing('concern', ' ')).toBe(true)
    expect(reasonMissing('formal_objection', '')).toBe(true)
    expect(reasonMissing('formal_objection', 'Section 3 conflicts with our law.')).toBe(false)
    expect(reasonMissing('support', '')).toBe(false)
    expect(reasonMissing(null, '')).toBe(false)
  })

  test('refuses a concern without a reason, then sends it with one', async () => {
    const onCast = vi.fn()
    withI18n(() => <PositionForm callId="call1" current={null} onCast={onCast} />)
    fireEvent.click(screen.getByLabelText('Concern'))
    fireEvent.click(screen.getByRole('button', { name: 'State position' }))
    await screen.findByText('A reason is required for a concern or a formal objection.')
    expect(posts('/positions')).toEqual([])
    fireEvent.input(screen.getByLabelText('Reason'), { target: { value: 'Too vague on audits.' } })
    fireEvent.click(screen.getByRole('button', { name: 'State position' }))
    await waitFor(() => expect(onCast).toHaveBeenCalled())
    expect(posts('/api/consensus-calls/call1/positions')[0]!.body).toEqual({ stance: 'concern', reason: 'Too vague on audits.' })
  })

  test('support needs no reason, and the stances are translated', async () => {
    withI18n(() => <PositionForm callId="call1" current={null} onCast={() => {}} />, 'zh')
    fireEvent.click(screen.getByLabelText('支持'))
    fireEvent.click(screen.getByRole('button', { name: '表明立场' }))
    await waitFor(() => expect(posts('/positions')).toHaveLength(1))
  })
})

describe('closing a call', () => {
  const objections = [{ positionId: 7, name: 'Oxford Internet Lab', reason: 'Conflicts with GDPR.' }]

  test('consensus with dissent needs a disposition for every objection, and a rationale to overrule', () => {
    expect(dispositionProblems('consensus_with_dissent', [7, 8], {})).toEqual({ 7: 'missing', 8: 'missing' })
    expect(dispositionProblems('consensus_with_dissent', [7], { 7: { disposition: 'overruled', rationale: ' ' } })).toEqual({ 7: 'rationale' })
    expect(dispositionProblems('consensus_with_dissent', [7], { 7: { disposition: 'addressed', rationale: '' } })).toEqual({})
    expect(dispositionProblems('consensus', [7], {})).toEqual({})
  })

  test('the form blocks an overruled objection without rationale, then sends the disposition', async () => {
    const onClosed = vi.fn()
    withI18n(() => <CloseCallForm callId="call1" objections={objections} onClosed={onClosed} />)
    fireEvent.click(screen.getByLabelText('Consensus with dissent'))
    fireEvent.click(screen.getByRole('button', { name: 'Close the call' }))
    await screen.findByText('Every formal objection needs a disposition.')
    fireEvent.click(screen.getByLabelText('Overruled'))
    fireEvent.click(screen.getByRole('button', { name: 'Close the call' }))
    await screen.findByText('An overruled objection needs a rationale.')
    expect(posts('/close')).toEqual([])
    fireEvent.input(screen.getByLabelText('Rationale'), { target: { value: 'The text already defers to national law.' } })
    fireEvent.click(screen.getByRole('button', { name: 'Close the call' }))
    await waitFor(() => expect(onClosed).toHaveBeenCalled())
    expect(posts('/api/consensus-calls/call1/close')[0]!.body).toEqual({
      finding: 'consensus_with_dissent',
      note: '',
      dispositions: [{ positionId: 7, disposition: 'overruled', rationale: 'The text already defers to national law.' }],
    })
  })
})

describe('mentions', () => {
  test('are parsed out of comment text', () => {
    expect(parseMentions('Thanks @[Lin Wei](abc123), see §2')).toEqual([
      { type: 'text', text: 'Thanks ' },
      { type: 'mention', name: 'Lin Wei', userId: 'abc123' },
      { type: 'text', text: ', see §2' },
    ])
    expect(parseMentions('@[x](<script>)')).toEqual([{ type: 'text', text: '@[x](<script>)' }])
  })

  test('the query before the caret is found and replaced by the token', () => {
    expect(activeMentionQuery('hi @li', 6)).toEqual({ start: 3, query: 'li' })
    expect(activeMentionQuery('mail a@b', 8)).toBeNull()
    expect(insertMention('hi @li', 3, 6, 'Lin Wei', 'u2')).toEqual({ text: 'hi @[Lin Wei](u2) ', caret: 18 })
  })

  test('render as chips, and hostile text stays text', () => {
    const { container } = withI18n(() => <MentionText text={'<img src=x onerror=alert(1)> @[Lin Wei](u2)'} />)
    expect(container.querySelector('img')).toBeNull()
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>')
    expect(container.querySelector('.mention-chip')?.textContent).toBe('@Lin Wei')
  })

  test('the comment box offers members after @ and inserts the pick', async () => {
    let value = ''
    withI18n(() => (
      <MentionInput label="Comment" value="" onInput={(v) => (value = v)} members={[{ userId: 'u2', displayName: 'Lin Wei' }, { userId: 'u3', displayName: 'Ana Ruiz' }]} listLabel="Members" />
    ))
    const box = screen.getByLabelText('Comment') as HTMLTextAreaElement
    box.value = 'cc @li'
    box.setSelectionRange(6, 6)
    fireEvent.input(box)
    const option = await screen.findByRole('option', { name: 'Lin Wei' })
    expect(screen.queryByRole('option', { name: 'Ana Ruiz' })).toBeNull()
    fireEvent.mouseDown(option)
    expect(value).toBe('cc @[Lin Wei](u2) ')
  })
})

describe('a comment thread', () => {
  const thread = (over: Partial<Thread> = {}): Thread => ({
    id: 't1',
    kind: 'comment',
    status: 'open',
    author: { id: 'u2', displayName: 'Lin Wei' },
    body: '<script>alert(1)</script> ask @[Ana Ruiz](u1)',
    createdAt: '2026-11-28T10:00:00.000Z',
    deleted: false,
    quote: 'open models',
    originalQuote: 'open models',
    contextBefore: '',
    contextAfter: '',
    proposal: null,
    anchor: { start: 'AA==', end: 'AA==', from: 1, to: 12, detached: false },
    resolvedAt: null,
    replies: [],
    viewer: { canReply: true, canResolve: true, canAccept: false, canReject: false, canDelete: false },
    ...over,
  })

  test('shows the body as text with mention chips, and only the actions the server allows', () => {
    const { container } = withI18n(() => <ThreadItem thread={thread()} members={[]} onChanged={() => {}} />)
    expect(container.querySelector('script')).toBeNull()
    expect(container.textContent).toContain('<script>alert(1)</script>')
    expect(container.querySelector('.mention-chip')?.textContent).toBe('@Ana Ruiz')
    expect(screen.getByRole('button', { name: 'Resolve' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull()
  })

  test('a thread whose text was deleted is marked, and keeps its original quote', () => {
    withI18n(() => <ThreadItem thread={thread({ quote: '', originalQuote: 'gone words', anchor: { start: '', end: '', from: 0, to: 0, detached: true } })} members={[]} onChanged={() => {}} />, 'zh')
    expect(screen.getByText('原文已删除')).toBeTruthy()
    expect(screen.getByText('gone words')).toBeTruthy()
  })

  test('an editor accepts a suggestion with one click', async () => {
    const onChanged = vi.fn()
    withI18n(() => (
      <ThreadItem thread={thread({ kind: 'suggestion', proposal: 'supports', viewer: { canReply: true, canResolve: false, canAccept: true, canReject: true, canDelete: false } })} members={[]} onChanged={onChanged} />
    ))
    fireEvent.click(screen.getByRole('button', { name: 'Accept' }))
    await waitFor(() => expect(onChanged).toHaveBeenCalled())
    expect(posts('/api/comments/t1/accept')).toHaveLength(1)
  })

  test('a refused action is explained in the thread, in the reader’s language', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: { code: 'text_frozen', message: 'The text is frozen: suggestions cannot be applied.' } }), { status: 409, headers: { 'content-type': 'application/json' } }))
    const onChanged = vi.fn()
    const { container } = withI18n(
      () => <ThreadItem thread={thread({ kind: 'suggestion', proposal: 'supports', viewer: { canReply: true, canResolve: false, canAccept: true, canReject: true, canDelete: false } })} members={[]} onChanged={onChanged} />,
      'zh',
    )
    fireEvent.click(screen.getByRole('button', { name: '接受' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('当前阶段文本已冻结')
    expect(container.querySelector('.thread')?.contains(alert)).toBe(true)
    expect(onChanged).not.toHaveBeenCalled()
  })
})
