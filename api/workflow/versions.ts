/**
 * Saving a version: the document's stored Yjs state, its ProseMirror JSON and the JSON's sha256, numbered
 * in order and immutable. The hub saves one itself whenever the text freezes.
 */
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { loadDocumentState } from '../../db/queries/document-state.ts'
import { insertVersion, nextVersionNumber } from '../../db/queries/versions.ts'
import { newId } from '../../db/ids.ts'
import type { Database, VersionRow } from '../../db/schema.ts'
import { docFromUpdate, toProsemirrorJSON } from '../../domain/document-content.ts'

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex')

export async function saveVersion(
  trx: Kysely<Database>,
  v: { documentId: string; label: string; origin: VersionRow['origin']; userId: string; at: number; restoredFrom?: number },
): Promise<VersionRow> {
  const state = await loadDocumentState(trx, v.documentId)
  const json = JSON.stringify(toProsemirrorJSON(docFromUpdate(state)))
  const row: VersionRow = {
    id: newId(),
    document_id: v.documentId,
    number: await nextVersionNumber(trx, v.documentId),
    label: v.label,
    origin: v.origin,
    restored_from: v.restoredFrom ?? null,
    yjs_state: state,
    prosemirror_json: json,
    sha256: sha256Hex(json),
    created_by: v.userId,
    created_at: v.at,
  }
  await insertVersion(trx, row)
  return row
}
