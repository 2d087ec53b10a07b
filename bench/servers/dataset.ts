/**
 * The API case's dataset, 10× the organisation: 1,800 institutions, 20,000 people, 50,000 documents and
 * 1,000,000 audit events, written with prepared statements in one transaction on the better-sqlite3
 * handle (a few seconds, versus minutes row by row through Kysely).
 */
import type BetterSqlite3 from 'better-sqlite3'
import { newId } from '../../db/ids.ts'

export const DATASET = { institutions: 1800, people: 20_000, documents: 50_000, auditEvents: 1_000_000 }

const INSTITUTION_KINDS = ['international_organisation', 'enterprise', 'industry_organisation', 'research_institution', 'think_tank', 'individual_expert']
const DOCUMENT_KINDS = ['concept_paper', 'initiative', 'action_plan', 'consensus_document', 'research_report', 'proposal', 'case_collection']
const STATES = ['draft', 'consultation', 'draft', 'draft', 'agreed']
const ACTIONS = ['document.created', 'document.transition', 'membership.added', 'auth.login', 'comment.created']

export function generateDataset(sqlite: BetterSqlite3.Database, at: number): { bodySlugs: string[]; documentIds: string[] } {
  const bodies = sqlite.prepare('SELECT id, slug FROM bodies ORDER BY slug').all() as { id: string; slug: string }[]
  const institutionIds: string[] = []
  const userIds: string[] = []
  const documentIds: string[] = []
  const insInstitution = sqlite.prepare(
    'INSERT INTO institutions (id, name_en, name_zh, kind, country, joined_on, status, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)',
  )
  const insUser = sqlite.prepare(
    'INSERT INTO users (id, email, display_name, institution_id, locale, password_hash, is_secretariat, disabled_at, created_at) VALUES (?, ?, ?, ?, ?, NULL, 0, NULL, ?)',
  )
  const insMember = sqlite.prepare('INSERT OR IGNORE INTO memberships (body_id, user_id, role, since) VALUES (?, ?, ?, ?)')
  const insDocument = sqlite.prepare(
    'INSERT INTO documents (id, body_id, kind, title_en, title_zh, language, state, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const insAudit = sqlite.prepare('INSERT INTO audit_events (at, actor_id, action, subject_type, subject_id, data) VALUES (?, ?, ?, ?, ?, ?)')
  sqlite.transaction(() => {
    for (let i = 0; i < DATASET.institutions; i++) {
      const id = newId()
      institutionIds.push(id)
      insInstitution.run(id, `Institution ${i}`, `机构 ${i}`, INSTITUTION_KINDS[i % INSTITUTION_KINDS.length], i % 3 ? 'CN' : 'FR', i % 50 ? 'active' : 'suspended', at)
    }
    for (let i = 0; i < DATASET.people; i++) {
      const id = newId()
      userIds.push(id)
      insUser.run(id, `person${i}@bench.test`, `Person ${i}`, institutionIds[i % institutionIds.length], i % 4 ? 'en' : 'zh', at)
      const body = bodies[i % bodies.length]
      insMember.run(body.id, id, i % 97 === 0 ? 'chair' : i % 5 === 0 ? 'observer' : 'member', at)
    }
    for (let i = 0; i < DATASET.documents; i++) {
      const id = newId()
      documentIds.push(id)
      const body = bodies[i % bodies.length]
      insDocument.run(id, body.id, DOCUMENT_KINDS[i % DOCUMENT_KINDS.length], `Document ${i}`, `文件 ${i}`, 'en', STATES[i % STATES.length], userIds[i % userIds.length], at - i * 1000, at - i * 1000)
    }
    for (let i = 0; i < DATASET.auditEvents; i++) {
      const doc = documentIds[i % documentIds.length]
      insAudit.run(at - (DATASET.auditEvents - i) * 100, userIds[i % userIds.length], ACTIONS[i % ACTIONS.length], 'document', doc, `{"n":${i}}`)
    }
  })()
  sqlite.pragma('optimize')
  // Measure a server whose import is long done: without this the checkpoint thread copies the import's WAL
  // (hundreds of MB) into the database file while the first routes are measured.
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  return { bodySlugs: bodies.map((b) => b.slug), documentIds }
}
