/**
 * `npm run demo`: fills a fresh database with a living hub — fictional people and institutions (including
 * the kinds named in wic.json), memberships in every body, drafts in every lifecycle state with real text,
 * and the organisation's published outputs from wic.json as archive entries with their consensus records
 * and endorsements. Every demo account signs in with the same password, printed at start.
 */
import type { Kysely } from 'kysely'
import * as Y from 'yjs'
import { newId } from '../db/ids.ts'
import { upsertMembership } from '../db/queries/memberships.ts'
import type { Database, DocumentRow } from '../db/schema.ts'
import { organisation } from '../db/seed/organisation.ts'
import { participantKey, type Stance } from '../domain/consensus.ts'
import { replaceContent, type PMNode } from '../domain/document-content.ts'
import type { DocumentState } from '../domain/lifecycle.ts'
import type { DocumentKind, InstitutionKind, Role } from '../domain/roles.ts'
import type { PasswordHasher } from './auth/passwords.ts'
import { publishDocument } from './workflow/publish.ts'
import { saveVersion } from './workflow/versions.ts'
import { FROZEN_LABEL } from '../domain/version-labels.ts'

export const DEMO_PASSWORD = 'consensus-demo'

const INSTITUTIONS: Array<[string, string, InstitutionKind, string]> = [
  ['Global Digital Cooperation Forum', '全球数字合作论坛', 'international_organisation', 'CH'],
  ['Silk Road Data Institute', '丝路数据研究院', 'research_institution', 'CN'],
  ['Nordic Centre for Internet Policy', '北欧互联网政策中心', 'think_tank', 'SE'],
  ['Andes Digital Trade Association', '安第斯数字贸易协会', 'industry_organisation', 'PE'],
  ['Lagos Tech Policy Lab', '拉各斯科技政策实验室', 'think_tank', 'NG'],
  ['Pacific Connectivity Council', '太平洋互联互通理事会', 'international_organisation', 'FJ'],
  ['Rhein Cloud Systems', '莱茵云系统公司', 'enterprise', 'DE'],
  ['Saigon E-Commerce Group', '西贡电子商务集团', 'enterprise', 'VN'],
  ['Cairo Institute for Information Society', '开罗信息社会研究所', 'research_institution', 'EG'],
  ['Maple AI Governance Network', '枫叶人工智能治理网络', 'think_tank', 'CA'],
  ['Zhejiang Cross-Border Commerce Alliance', '浙江跨境电商联盟', 'industry_organisation', 'CN'],
  ['Iberian Data Protection Observatory', '伊比利亚数据保护观察站', 'research_institution', 'ES'],
  ['Kenya Digital Economy Forum', '肯尼亚数字经济论坛', 'industry_organisation', 'KE'],
  ['Seoul Future Networks Institute', '首尔未来网络研究所', 'research_institution', 'KR'],
  ['Atlas Logistics Platform', '阿特拉斯物流平台', 'enterprise', 'MA'],
  ['Pampas Open Standards Foundation', '潘帕斯开放标准基金会', 'international_organisation', 'AR'],
  ['Gulf Smart Cities Council', '海湾智慧城市理事会', 'industry_organisation', 'AE'],
  ['Danube Cyber Research Centre', '多瑙河网络研究中心', 'research_institution', 'HU'],
  ['Singapore Trust Tech Lab', '新加坡可信科技实验室', 'think_tank', 'SG'],
  ['Hong Kong Digital Trade Hub', '香港数字贸易枢纽', 'industry_organisation', 'HK'],
]

const FIRST = ['Amina', 'Bo', 'Carlos', 'Dilnoza', 'Elena', 'Farid', 'Grace', 'Hiroshi', 'Ines', 'Jun', 'Kwame', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quang', 'Rosa', 'Sanjay', 'Tariq', 'Uma', 'Viktor', 'Wei', 'Xin', 'Yara', 'Zhang']
const LAST = ['Okafor', 'Li', 'Mendes', 'Karimova', 'Petrova', 'Haddad', 'Mwangi', 'Sato', 'Fernández', 'Wang', 'Asante', 'Lindqvist', 'Rojas', 'Benali', 'Nasser', 'Iyer', 'Nguyen', 'Silva', 'Gupta', 'Aziz', 'Devi', 'Novak', 'Chen', 'Zhou', 'Hassan', 'Ming']

const PARAGRAPHS = [
  'The Working Group recognises that data flows underpin trade, research and public services, and that trust is their precondition.',
  '工作组认识到，数据流动是贸易、科研和公共服务的基础，而信任是其前提。',
  'Members commit to interoperable rules for cross-border data transfers that protect personal information while avoiding unnecessary localisation requirements.',
  '成员承诺制定可互操作的跨境数据传输规则，在保护个人信息的同时避免不必要的本地化要求。',
  'Capacity building for developing countries shall accompany every commitment in this document.',
  '本文件中的每一项承诺都应伴随面向发展中国家的能力建设。',
]

function contentOf(title: string, note?: string): PMNode {
  const para = (text: string): PMNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: title }] },
      ...(note ? [para(note)] : []),
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '1. Principles · 原则' }] },
      ...PARAGRAPHS.slice(0, 4).map(para),
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '2. Commitments · 承诺' }] },
      { type: 'bulletList', content: PARAGRAPHS.slice(4).map((t) => ({ type: 'listItem', content: [para(t)] })) },
    ],
  }
}

export async function seedDemo(db: Kysely<Database>, passwords: PasswordHasher, now: number): Promise<boolean> {
  if (await db.selectFrom('documents').select('id').limit(1).executeTakeFirst()) return false
  const hash = await passwords.hash(DEMO_PASSWORD)
  await db.transaction().execute(async (trx) => {
    const institutions: Array<{ id: string; country: string }> = []
    for (const [nameEn, nameZh, kind, country] of INSTITUTIONS) {
      const id = newId()
      await trx.insertInto('institutions').values({ id, name_en: nameEn, name_zh: nameZh, kind, country, joined_on: '2023-07-12', status: 'active', created_at: now }).execute()
      institutions.push({ id, country })
    }
    const person = async (email: string, name: string, institutionId: string | null, secretariat = false) => {
      const id = newId()
      await trx.insertInto('users').values({ id, email, display_name: name, institution_id: institutionId, locale: 'en', password_hash: hash, is_secretariat: secretariat ? 1 : 0, disabled_at: null, created_at: now }).execute()
      return id
    }
    const secretariat = await person('secretariat@demo.hub', 'Sun Secretariat', null, true)
    const people: Array<{ id: string; institutionId: string | null }> = []
    for (let i = 0; i < 48; i++) {
      const institutionId = i % 12 === 11 ? null : institutions[i % institutions.length].id
      const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`
      people.push({ id: await person(i === 0 ? 'chair@demo.hub' : i === 1 ? 'member@demo.hub' : i === 2 ? 'observer@demo.hub' : `person${i}@demo.hub`, name, institutionId), institutionId })
    }
    const bodies = await trx.selectFrom('bodies').select(['id', 'slug']).execute()
    const bodyId = (slug: string) => bodies.find((b) => b.slug === slug)!.id
    // Everyone belongs somewhere: the three named demo accounts sit in the Data Working Group.
    const assign: Array<[string, number[], Role]> = [
      ['data', [0], 'chair'], ['data', [1, 3, 4, 5, 6, 7, 8, 9, 10, 11], 'member'], ['data', [2], 'observer'],
      ['cross-border-ecommerce', [12], 'chair'], ['cross-border-ecommerce', [13, 14, 15, 16, 17, 18, 19, 1], 'member'],
      ['ai-committee', [20], 'chair'], ['ai-committee', [21, 22, 23], 'member'],
      ['ai-standards', [24], 'chair'], ['ai-standards', [25, 26, 27], 'member'],
      ['ai-safety-governance', [28], 'chair'], ['ai-safety-governance', [29, 30, 31, 0], 'member'],
      ['ai-industry', [32], 'chair'], ['ai-industry', [33, 34], 'member'],
      ['think-tanks', [35], 'chair'], ['think-tanks', [36, 37, 38, 39], 'member'],
      ['youth-leaders', [40], 'chair'], ['youth-leaders', [41, 42, 43, 44], 'member'], ['youth-leaders', [45, 46, 47], 'observer'],
      ['secretariat', [20], 'chair'],
    ]
    for (const [slug, idx, role] of assign) for (const i of idx) await upsertMembership(trx, { bodyId: bodyId(slug), userId: people[i].id, role, since: now })

    const makeDoc = async (o: { slug: string; kind: DocumentKind; titleEn: string; titleZh: string; state: DocumentState; by: string; at: number; note?: string }) => {
      const row: DocumentRow = { id: newId(), body_id: bodyId(o.slug), kind: o.kind, title_en: o.titleEn, title_zh: o.titleZh, language: 'en', state: 'draft', created_by: o.by, created_at: o.at, updated_at: o.at, state_reason: null, state_changed_at: o.at }
      await trx.insertInto('documents').values(row).execute()
      const ydoc = new Y.Doc()
      replaceContent(ydoc, contentOf(o.titleEn, o.note))
      await trx.insertInto('document_updates').values({ document_id: row.id, update: Y.encodeStateAsUpdate(ydoc), user_id: o.by, at: o.at }).execute()
      if (['consensus_call', 'agreed', 'submitted', 'published'].includes(o.state)) {
        const version = await saveVersion(trx, { documentId: row.id, label: FROZEN_LABEL, origin: 'freeze', userId: o.by, at: o.at })
        const callId = newId()
        await trx.insertInto('consensus_calls').values({ id: callId, document_id: row.id, version_id: version.id, opened_by: o.by, opened_at: o.at, closes_at: o.at + 14 * 86_400_000, status: 'open', finding: null, finding_note: '', closed_by: null, closed_at: null }).execute()
        const participants = await trx.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select(['users.id', 'users.institution_id']).where('memberships.body_id', '=', row.body_id).where('memberships.role', 'in', ['chair', 'member']).execute()
        const stances: Stance[] = ['support', 'support', 'no_objection', 'support', 'abstain', 'concern']
        for (const [i, p] of participants.entries()) {
          if (o.state === 'consensus_call' && i % 3 === 2) continue
          const stance = stances[i % stances.length]
          await trx.insertInto('positions').values({ call_id: callId, participant_key: participantKey({ userId: p.id, institutionId: p.institution_id }), institution_id: p.institution_id, cast_by: p.id, stance, reason: stance === 'concern' ? 'Paragraph 3 should name the capacity-building fund.' : '', at: o.at + 3600_000 }).execute()
        }
        if (o.state !== 'consensus_call') {
          await trx.updateTable('consensus_calls').set({ status: 'closed', finding: 'consensus', finding_note: 'Recorded at the plenary.', closed_by: o.by, closed_at: o.at + 7 * 86_400_000 }).where('id', '=', callId).execute()
          const signers = participants.filter((p) => p.institution_id)
          const seen = new Set<string>()
          for (const p of signers) {
            if (seen.has(p.institution_id!)) continue
            seen.add(p.institution_id!)
            await trx.insertInto('endorsements').values({ id: newId(), document_id: row.id, version_id: version.id, institution_id: p.institution_id!, signed_by: p.id, at: o.at + 8 * 86_400_000 }).execute()
          }
        }
      }
      await trx.updateTable('documents').set({ state: o.state === 'published' ? 'submitted' : o.state }).where('id', '=', row.id).execute()
      if (o.state === 'published') {
        await publishDocument(trx, { ...row, state: 'submitted' }, secretariat, o.at + 10 * 86_400_000)
        await trx.updateTable('documents').set({ state: 'published' }).where('id', '=', row.id).execute()
      }
    }

    const day = 86_400_000
    const chairOf = (slug: string) => people[assign.find(([s, , r]) => s === slug && r === 'chair')![1][0]].id
    for (const [i, out] of organisation.published_outputs.entries()) {
      const slug = bodies.some((b) => b.slug === out.body) ? out.body : 'secretariat'
      await makeDoc({ slug, kind: out.kind as DocumentKind, titleEn: out.title_en, titleZh: out.title_zh, state: 'published', by: chairOf(slug === 'secretariat' ? 'secretariat' : slug), at: Date.UTC(out.year, 3 + (i % 6), 10), note: 'note' in out ? (out.note as string) : undefined })
    }
    const drafts: Array<[DocumentState, string, DocumentKind, string, string]> = [
      ['draft', 'data', 'concept_paper', 'Concept Paper on Data Intermediaries', '数据中介概念文件'],
      ['consultation', 'data', 'consensus_document', 'Principles for Trusted Cross-Border Data Flows', '可信跨境数据流动原则'],
      ['consensus_call', 'data', 'initiative', 'Initiative on Open Government Data', '开放政府数据倡议'],
      ['agreed', 'cross-border-ecommerce', 'research_report', 'Digital Customs Facilitation Report', '数字海关便利化报告'],
      ['submitted', 'ai-safety-governance', 'action_plan', 'Action Plan on AI Incident Reporting', '人工智能事件报告行动计划'],
      ['draft', 'ai-standards', 'proposal', 'Proposal for an AI Model Card Standard', '人工智能模型卡标准提案'],
      ['withdrawn', 'think-tanks', 'case_collection', 'Case Collection on Platform Work (withdrawn)', '平台工作案例集（已撤回）'],
    ]
    for (const [k, [state, slug, kind, en, zh]] of drafts.entries()) {
      await makeDoc({ slug, kind, titleEn: en, titleZh: zh, state, by: chairOf(slug), at: now - (20 - k) * day })
    }
  })
  return true
}
