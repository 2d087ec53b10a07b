/**
 * Documents in any lifecycle state for tests, built the way the hub builds them: a freeze version for
 * frozen states, an open call in consensus_call, a closed call (finding: consensus) from agreed on, and a
 * real edition for published documents.
 */
import * as Y from 'yjs'
import { newId } from '../../db/ids.ts'
import type { DocumentState } from '../../domain/lifecycle.ts'
import { FROZEN_STATES } from '../../domain/lifecycle.ts'
import { replaceContent } from '../../domain/document-content.ts'
import { publishDocument } from '../../api/workflow/publish.ts'
import { saveVersion } from '../../api/workflow/versions.ts'
import type { TestHub } from './hub.ts'

export async function makeDocument(
  hub: TestHub,
  o: { body: string; state: DocumentState; createdBy: string; title?: string; text?: string },
): Promise<{ id: string; callId: string | null; versionId: string | null }> {
  const { db } = hub.conn
  const now = Date.now()
  const id = newId()
  const title = o.title ?? `Document ${id}`
  await db
    .insertInto('documents')
    .values({ id, body_id: await hub.bodyId(o.body), kind: 'research_report', title_en: title, title_zh: `文件 ${id}`, language: 'en', state: o.state, created_by: o.createdBy, created_at: now, updated_at: now, state_reason: null, state_changed_at: now })
    .execute()
  if (o.text) {
    const doc = new Y.Doc()
    replaceContent(doc, { type: 'doc', content: o.text.split('\n').map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })) })
    await db.insertInto('document_updates').values({ document_id: id, update: Y.encodeStateAsUpdate(doc), user_id: o.createdBy, at: now }).execute()
  }
  if (!FROZEN_STATES.includes(o.state)) return { id, callId: null, versionId: null }
  return { id, ...(await freeze(hub, id, o.state, o.createdBy)) }
}

/**
 * Moves an existing document on to a frozen state as the hub would have: its text saved as the freeze
 * version, the call open (consensus_call) or closed with consensus, and an edition once published.
 */
export async function freeze(hub: TestHub, id: string, state: DocumentState, by: string): Promise<{ callId: string; versionId: string }> {
  const { db } = hub.conn
  const now = Date.now()
  await db.updateTable('documents').set({ state, state_changed_at: now }).where('id', '=', id).execute()
  const version = await saveVersion(db, { documentId: id, label: 'Frozen', origin: 'freeze', userId: by, at: now })
  const callId = newId()
  const open = state === 'consensus_call'
  await db
    .insertInto('consensus_calls')
    .values({ id: callId, document_id: id, version_id: version.id, opened_by: by, opened_at: now, closes_at: now + 7 * 86_400_000, status: 'open', finding: null, finding_note: '', closed_by: null, closed_at: null })
    .execute()
  if (!open) {
    await db.updateTable('consensus_calls').set({ status: 'closed', finding: 'consensus', closed_by: by, closed_at: now }).where('id', '=', callId).execute()
  }
  if (state === 'published') {
    const row = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    await publishDocument(db, row, by, now)
  }
  return { callId, versionId: version.id }
}
