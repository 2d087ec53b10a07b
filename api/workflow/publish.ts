/**
 * Publishing: the agreed version is rendered on the server with the editor's own schema to HTML and
 * Markdown, stored with their sha256 as an immutable edition under a stable slug, with the consensus record
 * and the endorsements as they stand. A revision published later is the next edition under the same slug.
 */
import type { Kysely } from 'kysely'
import { latestClosedCall, listDispositions, listParticipants, listPositions } from '../../db/queries/consensus.ts'
import { listEndorsements } from '../../db/queries/endorsements.ts'
import { findPublicationSlug, insertPublication, nextEdition, slugTaken } from '../../db/queries/publications.ts'
import { findVersionById } from '../../db/queries/versions.ts'
import { newId } from '../../db/ids.ts'
import type { Database, DocumentRow, PublicationRow } from '../../db/schema.ts'
import { participantKey, tally } from '../../domain/consensus.ts'
import { stripSuggestions, toHTML, toMarkdown, toPlainText, type PMNode } from '../../domain/document-content.ts'
import { conflict } from '../../domain/errors.ts'
import { presentObjector } from '../presenters/dispositions.ts'
import { sha256Hex } from './versions.ts'

export function slugify(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')
  return base || 'document'
}

/** The consensus summary of a document's last closed call, as it is published. */
export async function consensusRecord(trx: Kysely<Database>, documentId: string, bodyId: string) {
  const call = await latestClosedCall(trx, documentId)
  if (!call || !call.finding || call.finding === 'no_consensus') return null
  const positions = await listPositions(trx, call.id)
  const participants = await listParticipants(trx, bodyId)
  const keys = [...new Set(participants.map((p) => participantKey({ userId: p.user_id, institutionId: p.institution_id })))]
  const t = tally(keys, positions.map((p) => ({ id: p.id, key: p.participant_key, stance: p.stance })))
  const dispositions = await listDispositions(trx, call.id)
  return {
    callId: call.id,
    versionId: call.version_id,
    finding: call.finding,
    note: call.finding_note,
    openedAt: call.opened_at,
    closedAt: call.closed_at,
    tally: { support: t.support, no_objection: t.no_objection, abstain: t.abstain, concern: t.concern, formal_objection: t.formal_objection, recuse: t.recuse, responded: t.responded, participants: t.participants },
    dispositions: dispositions.map((d) => ({ disposition: d.disposition, rationale: d.rationale, institution: presentObjector(d) })),
  }
}

type ConsensusRecord = NonNullable<Awaited<ReturnType<typeof consensusRecord>>>

export interface PublicationRecord {
  version: { number: number; label: string; sha256: string }
  /** Editions published before dispositions named who objected carry no `institution` (records never change). */
  consensus: Omit<ConsensusRecord, 'dispositions'> & { dispositions: Array<Omit<ConsensusRecord['dispositions'][number], 'institution'> & Partial<Pick<ConsensusRecord['dispositions'][number], 'institution'>>> }
  endorsements: Array<{ institutionId: string; nameEn: string; nameZh: string; country: string; at: number }>
}

export async function publishDocument(trx: Kysely<Database>, doc: DocumentRow, userId: string, at: number): Promise<PublicationRow> {
  const consensus = await consensusRecord(trx, doc.id, doc.body_id)
  if (!consensus) throw conflict('not_agreed', 'This document has no agreed version to publish.')
  const version = await findVersionById(trx, consensus.versionId)
  if (!version) throw conflict('not_agreed', 'The agreed version is missing.')
  // A published text carries no suggestion: any still open is dropped (an agreed text has none).
  const json = stripSuggestions(JSON.parse(version.prosemirror_json) as PMNode)
  const html = await toHTML(json)
  const markdown = toMarkdown(json)
  const endorsements = await listEndorsements(trx, version.id)
  let slug = (await findPublicationSlug(trx, doc.id))?.slug
  if (!slug) {
    const base = slugify(doc.title_en)
    slug = base
    for (let i = 2; await slugTaken(trx, slug); i++) slug = `${base}-${i}`
  }
  const row: PublicationRow = {
    id: newId(),
    document_id: doc.id,
    version_id: version.id,
    edition: await nextEdition(trx, doc.id),
    slug,
    body_id: doc.body_id,
    kind: doc.kind,
    title_en: doc.title_en,
    title_zh: doc.title_zh,
    language: doc.language,
    year: new Date(at).getUTCFullYear(),
    html,
    markdown,
    html_sha256: sha256Hex(html),
    markdown_sha256: sha256Hex(markdown),
    record: JSON.stringify({
      version: { number: version.number, label: version.label, sha256: version.sha256 },
      consensus,
      endorsements: endorsements.map((e) => ({ institutionId: e.institution_id, nameEn: e.name_en, nameZh: e.name_zh, country: e.country, at: e.at })),
    } satisfies PublicationRecord),
    published_by: userId,
    published_at: at,
  }
  await insertPublication(trx, row, `${doc.title_en}\n${doc.title_zh}\n${toPlainText(json)}`)
  return row
}
