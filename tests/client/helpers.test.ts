/** Small pure pieces behind the pages: the bodies tree, presence, activity lines, browser names. */
import { describe, expect, test } from 'vitest'
import { distinctPeople } from '../../client/editor/Presence.tsx'
import { buildBodyTree } from '../../client/pages/bodies-tree.ts'
import { describeActivity } from '../../client/pages/activity.ts'
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
  test('lists each person once (two tabs are one person, whatever colour the tab reports), me first', () => {
    const peer = (clientId: number, name: string, self = false) => ({ clientId, name, color: '#112233', institution: null, self })
    const list = distinctPeople([peer(1, 'Lin Wei'), peer(2, 'Ana Ruiz'), peer(3, 'Lin Wei'), peer(4, 'Mei Chen', true)])
    expect(list.map((p) => p.name)).toEqual(['Mei Chen', 'Ana Ruiz', 'Lin Wei'])
  })
})

describe('activity lines', () => {
  const t = translator(() => dictionaryFor('en'), resolveTemplate)
  test('known actions read as sentences; unknown ones still name who did what', () => {
    expect(describeActivity({ action: 'join_request.approved', actorName: 'Ana Ruiz' }, t)).toBe('Ana Ruiz approved a join request')
    expect(describeActivity({ action: 'document.created', actorName: null }, t)).toBe('Someone created a document')
    expect(describeActivity({ action: 'version.saved', actorName: 'Lin' }, t)).toBe('Lin: version.saved')
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
