/**
 * The state vector of each compacted snapshot, written with it by the collab server and covered by the
 * snapshot's digest. A cold open sends the server's sync step 1 (its state vector) first thing; read from
 * the stored state it means parsing every struct of it (`Y.encodeStateVectorFromUpdate`: 25–70 ms for a
 * document of 20,000 small edits, more than encoding the whole state), stored it is a few bytes. Snapshots
 * written before this migration have none and compute it as before, until their next compaction. Frozen.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_snapshots').addColumn('state_vector', 'blob').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_snapshots').dropColumn('state_vector').execute()
}
