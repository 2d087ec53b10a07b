/** A document's full Yjs state as stored: the snapshot merged with every update after it. */
import type { Kysely } from 'kysely'
import * as Y from 'yjs'
import type { Database } from '../schema.ts'

export async function loadDocumentState(db: Kysely<Database>, documentId: string): Promise<Uint8Array> {
  const snapshot = await db.selectFrom('document_snapshots').select(['state', 'up_to']).where('document_id', '=', documentId).executeTakeFirst()
  const updates = await db
    .selectFrom('document_updates')
    .select('update')
    .where('document_id', '=', documentId)
    .where('id', '>', snapshot?.up_to ?? 0)
    .orderBy('id')
    .execute()
  const parts = [...(snapshot ? [snapshot.state] : []), ...updates.map((u) => u.update)]
  return parts.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(parts)
}
