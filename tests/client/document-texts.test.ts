/**
 * What the document page says, in the reader's language: the read-only reason (the state explains a
 * frozen or published text before the role does), the hub's own version names, a call notification's
 * closing date, counts with the right plural, the record of formal objections in a closed call, and
 * the audit log's details named and translated.
 */
import { resolveTemplate, translator } from '@solid-primitives/i18n'
import { describe, expect, test } from 'vitest'
import { dictionaryFor } from '../../client/i18n/dictionary.ts'
import { auditDetails } from '../../client/pages/admin/audit-details.ts'
import { auditTranslator } from '../../client/pages/admin/audit-i18n.ts'
import { readExcerpt } from '../../client/pages/inbox/excerpt.ts'
import { objectionRecords } from '../../client/pages/document/objection-record.ts'
import { readOnlyKind } from '../../client/pages/document/read-only.ts'
import { versionLabel } from '../../client/pages/document/version-label.ts'
import { flatWorkflowEn, flatWorkflowZh } from '../../client/pages/document/workflow-i18n.ts'
import type { CallDetail } from '../../client/pages/document/workflow-types.ts'

const w = (locale: 'en' | 'zh') => translator(() => (locale === 'zh' ? flatWorkflowZh : flatWorkflowEn), resolveTemplate)

describe('the read-only reason', () => {
  test('a published, withdrawn or frozen text says so, whatever the reader’s role', () => {
    expect(readOnlyKind('published', 'role')).toBe('published')
    expect(readOnlyKind('withdrawn', 'role')).toBe('withdrawn')
    expect(readOnlyKind('submitted', 'role')).toBe('frozen')
    expect(readOnlyKind('consensus_call', 'frozen')).toBe('frozen')
  })
  test('in an editable state the role is the reason', () => {
    expect(readOnlyKind('draft', 'role')).toBe('role')
    expect(readOnlyKind('consultation', 'role')).toBe('role')
  })
})

describe('names the hub gives', () => {
  test('versions it saved itself are named in the chosen language; people’s labels stay as typed', () => {
    const hub = (origin: 'freeze' | 'restore', label: string, restoredFrom: number | null = null) => ({ origin, label, restoredFrom, namedByHub: true })
    const typed = (origin: 'named' | 'freeze', label: string) => ({ origin, label, restoredFrom: null, namedByHub: false })
    expect(versionLabel(hub('freeze', 'Frozen for consensus call'), w('zh'))).toBe('为共识征询冻结')
    expect(versionLabel(hub('restore', 'Restored from version 3', 3), w('zh'))).toBe('由版本 3 恢复')
    expect(versionLabel(hub('restore', 'Restored from version 3', 3), w('en'))).toBe('Restored from version 3')
    expect(versionLabel(typed('freeze', 'Text for the vote'), w('zh'))).toBe('Text for the vote')
    expect(versionLabel(typed('named', 'Restored from version 3'), w('zh'))).toBe('Restored from version 3')
  })
  test('a restored copy is named from the number it restores, never from the English the server stored', () => {
    const v = { origin: 'restore' as const, label: 'Wiederhergestellt', restoredFrom: 4, namedByHub: true }
    expect(versionLabel(v, w('zh'))).toBe('由版本 4 恢复')
    expect(versionLabel(v, w('en'))).toBe('Restored from version 4')
  })
  test('a call notification shows its closing date from the data, never the English excerpt; people’s words are shown as written', () => {
    expect(readExcerpt({ kind: 'call_opened', excerpt: 'Data Principles · closes 2026-03-01', closesAt: '2026-03-02T10:00:00.000Z' })).toEqual({ kind: 'closes', at: '2026-03-02T10:00:00.000Z' })
    expect(readExcerpt({ kind: 'call_opened', excerpt: 'Data Principles · closes 2026-03-01', closesAt: null })).toBeNull()
    expect(readExcerpt({ kind: 'mention', excerpt: 'See · closes 2026-03-01', closesAt: null })).toEqual({ kind: 'text', text: 'See · closes 2026-03-01' })
    expect(readExcerpt({ kind: 'reply', excerpt: '', closesAt: null })).toBeNull()
  })
})

describe('counts', () => {
  test('read naturally for one and for many', () => {
    expect(w('en')('endorse.summary', { institutions: 1, countries: 1 })).toBe('Endorsed by 1 institution from 1 country or region')
    expect(w('en')('endorse.summary', { institutions: 3, countries: 2 })).toBe('Endorsed by 3 institutions from 2 countries and regions')
    expect(w('zh')('endorse.summary', { institutions: 3, countries: 2 })).toBe('已获来自 2 个国家和地区的 3 个机构背书')
    expect(w('en')('consensus.responded', { responded: 1, participants: 1 })).toBe('1 of 1 institution responded')
    expect(w('en')('consensus.responded', { responded: 1, participants: 2 })).toBe('1 of 2 institutions responded')
    expect(w('en')('authorship.chars', { count: 1 })).toBe('1 character')
  })
})

describe('a closed call’s formal objections', () => {
  const position = (id: number, key: string, stance: 'formal_objection' | 'support', reason = '') => ({ id, participantKey: key, stance, reason, at: '', castBy: { id: 'u', displayName: `by ${key}` } })
  const participant = (key: string, name: string, pos: ReturnType<typeof position> | null) => ({ key, name, nameZh: `${name}（中）`, country: 'DE', people: [], position: pos })

  test('name who objected and why, with the disposition and its rationale', () => {
    const objection = position(7, 'institution:a', 'formal_objection', 'Clause 3 conflicts with our law.')
    const detail: Pick<CallDetail, 'participants' | 'history' | 'dispositions'> = {
      participants: [participant('institution:a', 'Alpha Institute', objection), participant('institution:b', 'Beta Lab', position(8, 'institution:b', 'support'))],
      history: [position(5, 'institution:a', 'support'), objection, position(8, 'institution:b', 'support'), position(9, 'institution:gone', 'formal_objection', 'No.')],
      dispositions: [
        { positionId: 7, disposition: 'overruled', rationale: 'Clause 3 is advisory.', institution: { institutionId: 'a', nameEn: 'Alpha Institute', nameZh: 'Alpha（中）', country: 'DE' } },
        // Its institution has left the body since (it is not among the participants): still named, from the position.
        { positionId: 9, disposition: 'addressed', rationale: '', institution: { institutionId: 'gone', nameEn: 'Gamma Centre', nameZh: '伽马中心', country: 'FR' } },
      ],
    }
    const records = objectionRecords(detail)
    expect(records.map((r) => [r.participant.nameEn, r.participant.country, r.reason, r.disposition, r.rationale])).toEqual([
      ['Alpha Institute', 'DE', 'Clause 3 conflicts with our law.', 'overruled', 'Clause 3 is advisory.'],
      ['Gamma Centre', 'FR', 'No.', 'addressed', ''],
    ])
  })

  test('a standing objection without a disposition (no consensus) is listed too', () => {
    const objection = position(3, 'institution:a', 'formal_objection', 'We object.')
    const records = objectionRecords({ participants: [participant('institution:a', 'Alpha Institute', objection)], history: [objection], dispositions: [] })
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ disposition: null, reason: 'We object.', participant: { nameEn: 'Alpha Institute', country: 'DE' } })
  })
})

describe('the audit log’s details', () => {
  const names = { person: (id: string) => ({ u1: 'Lin Wei' })[id] ?? null, institution: (id: string) => ({ i1: 'Tsinghua AI Policy Centre' })[id] ?? null, body: () => null }
  const context = (locale: 'en' | 'zh') => ({ t: translator(() => dictionaryFor(locale), resolveTemplate), w: w(locale), d: auditTranslator(() => locale), locale, names })

  test('name people and institutions instead of ids, and translate codes', () => {
    const role = { action: 'membership.role_changed', subjectType: 'body', data: { userId: 'u1', from: 'member', to: 'chair' } }
    expect(auditDetails(role, context('en'))).toEqual([
      { label: 'Person', value: 'Lin Wei' },
      { label: 'From', value: 'Member' },
      { label: 'To', value: 'Chair' },
    ])
    const position = { action: 'consensus.position', subjectType: 'document', data: { callId: 'c1', participantKey: 'institution:i1', stance: 'concern' } }
    expect(auditDetails(position, context('zh'))).toEqual([
      { label: '代表', value: 'Tsinghua AI Policy Centre' },
      { label: '立场', value: '关切' },
    ])
  })

  test('lifecycle moves read as states; a publication as its address; a refusal as its request', () => {
    const published = { action: 'document.transition', subjectType: 'document', data: { from: 'submitted', to: 'published', reason: null, slug: 'open-models', edition: 2 } }
    expect(auditDetails(published, context('zh'))).toEqual([
      { label: '从', value: '已提交' },
      { label: '到', value: '已发布' },
      { label: '发布', value: '/p/open-models · 版次 2' },
    ])
    const denied = { action: 'authz.denied', subjectType: 'body', data: { attempted: 'body.manage_members', method: 'DELETE', path: '/api/bodies/ai/members/u2' } }
    expect(auditDetails(denied, context('en'))).toEqual([
      { label: 'Attempted', value: 'body.manage_members' },
      { label: 'Request', value: 'DELETE /api/bodies/ai/members/u2' },
    ])
    expect(auditDetails({ action: 'user.created', subjectType: 'user', data: { isSecretariat: false, locale: 'zh', extra: 3 } }, context('en'))).toEqual([
      { label: 'Secretariat rights', value: 'No' },
      { label: 'Language', value: '中文' },
      { label: 'extra', value: '3' },
    ])
  })
})
