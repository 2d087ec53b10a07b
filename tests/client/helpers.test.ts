/** Small pure pieces behind the pages: the bodies tree, presence, activity lines, browser names. */
import { describe, expect, test } from 'vitest'
import { distinctPeople } from '../../client/editor/Presence.tsx'
import { userColor } from '../../domain/colours.ts'
import { buildBodyTree } from '../../client/pages/bodies-tree.ts'
import { describeActivity } from '../../client/pages/activity.ts'
import { activityTranslator } from '../../client/pages/activity-i18n.ts'
import { flatWorkflowEn, flatWorkflowZh } from '../../client/pages/document/workflow-i18n.ts'
import { describeUserAgent } from '../../client/pages/user-agent.ts'
import { dictionaryFor } from '../../client/i18n/dictionary.ts'
import { resolveTemplate, translator } from '@solid-primitives/i18n'
import { textColorOn } from '../../client/ui/contrast.ts'
import { initials } from '../../client/ui/Avatar.tsx'

describe('the bodies tree', () => {
  const body = (id: string, kind: 'organ' | 'committee' | 'programme' | 'working_group', parentId: string | null = null) => ({ id, kind, parentId })
  test('puts committees’ programmes under them and orders the top level by kind', () => {
    const tree = buildBodyTree([body('wg', 'working_group'), body('p1', 'programme', 'ai'), body('ai', 'committee'), body('org', 'organ'), body('p2', 'programme', 'ai')])
    expect(tree.map((n) => n.body.id)).toEqual(['org', 'ai', 'wg'])
    expect(tree[1].children.map((n) => n.body.id)).toEqual(['p1', 'p2'])
  })
  test('keeps a programme whose committee is hidden, at the top level', () => {
    expect(buildBodyTree([body('p1', 'programme', 'archived')]).map((n) => n.body.id)).toEqual(['p1'])
  })
})

describe('presence', () => {
  const peer = (clientId: number, name: string, color: string, o: { self?: boolean; userId?: string } = {}) => ({ clientId, userId: o.userId ?? null, name, color, institution: null, self: o.self ?? false })

  test('lists each person once (two tabs are one person), me first', () => {
    const list = distinctPeople([peer(1, 'Lin Wei', '#112233'), peer(2, 'Ana Ruiz', '#445566'), peer(3, 'Lin Wei', '#112233'), peer(4, 'Mei Chen', 'hsl(10 60% 40%)', { self: true })], 'u-mei')
    expect(list.map((p) => p.name)).toEqual(['Mei Chen', 'Ana Ruiz', 'Lin Wei'])
  })
  test('two people who share a display name are two people', () => {
    expect(distinctPeople([peer(1, 'Wang Lei', userColor('u-1')), peer(2, 'Wang Lei', userColor('u-2'))])).toHaveLength(2)
    const byId = distinctPeople([peer(1, 'Wang Lei', '#000000', { userId: 'u-1' }), peer(2, 'Wang Lei', '#000000', { userId: 'u-2' }), peer(3, 'Wang Lei', '#000000', { userId: 'u-1' })])
    expect(byId.map((p) => p.userId)).toEqual(['u-1', 'u-2'])
  })
  test('my other tab, stamped by the server, is me', () => {
    const mine = [peer(1, 'Mei Chen', 'hsl(10 60% 40%)', { self: true }), peer(2, 'Mei Chen', userColor('u-mei'))]
    expect(distinctPeople(mine, 'u-mei')).toHaveLength(1)
    expect(distinctPeople([peer(1, 'Mei Chen', 'hsl(10 60% 40%)', { self: true }), peer(2, 'Mei Chen', '#000', { userId: 'u-mei' })], 'u-mei')).toHaveLength(1)
  })
})

describe('activity lines', () => {
  const texts = (locale: 'en' | 'zh') => ({
    a: activityTranslator(() => locale),
    t: translator(() => dictionaryFor(locale), resolveTemplate),
    w: translator(() => (locale === 'zh' ? flatWorkflowZh : flatWorkflowEn), resolveTemplate),
  })
  test('known actions read as sentences; unknown ones still name who did what', () => {
    expect(describeActivity({ action: 'join_request.approved', actorName: 'Ana Ruiz', data: {} }, texts('en'))).toBe('Ana Ruiz approved a join request')
    expect(describeActivity({ action: 'document.created', actorName: null, data: {} }, texts('en'))).toBe('Someone created a document')
    expect(describeActivity({ action: 'some.future_action', actorName: 'Lin', data: {} }, texts('en'))).toBe('Lin: some.future_action')
  })
  test('what the event names is filled in from its data, in the chosen language', () => {
    const moved = { action: 'document.transition', actorName: 'Ana', data: { from: 'draft', to: 'consultation' } }
    expect(describeActivity(moved, texts('en'))).toBe('Ana moved a document to Consultation')
    expect(describeActivity(moved, texts('zh'))).toBe('Ana 将一份文件转为“征求意见”')
    const closed = { action: 'document.transition', actorName: 'Ana', data: { from: 'consensus_call', to: 'agreed', finding: 'consensus' } }
    expect(describeActivity(closed, texts('en'))).toBe('Ana closed a consensus call: Consensus')
    expect(describeActivity({ action: 'consensus.position', actorName: 'Lin', data: { stance: 'formal_objection' } }, texts('zh'))).toBe('Lin 表明了立场：正式反对')
    expect(describeActivity({ action: 'version.restored', actorName: 'Ana', data: { from: 1, as: 3 } }, texts('en'))).toBe('Ana restored version 1 as version 3')
  })
})

describe('details', () => {
  test('browsers are named by what people recognise', () => {
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36')).toBe('Chrome · Windows')
    expect(describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15')).toBe('Safari · macOS')
    expect(describeUserAgent('')).toBe('')
  })
  test('labels on coloured backgrounds stay readable, and initials suit the name', () => {
    expect(textColorOn('#1d4ed8')).toBe('#ffffff')
    expect(textColorOn('#facc15')).toBe('#111111')
    expect(initials('Ana María Ruiz')).toBe('AR')
    expect(initials('林伟')).toBe('林')
    expect(initials('Zhang Min (Secretariat)')).toBe('ZM')
  })
})
