/**
 * The collab server's durable store: the Yjs update log and compacted snapshots of a document. Prepared
 * statements on the synchronous better-sqlite3 handle, because the collab server commits a batch of updates
 * in one transaction on its hot path (group commit) and must know the commit has happened before it
 * broadcasts. Kysely stays the interface for everything else.
 */
import { createHash } from 'node:crypto'
import type SQLite from 'better-sqlite3'
import * as Y from 'yjs'
import { dataVersion } from '../data-version.ts'
import type { DocumentSnapshotTable } from '../schema.ts'
import type { DocumentState } from '../../domain/lifecycle.ts'

export interface StoredDocument {
  /**
   * `intact`: the state (and its state vector, if stored) still match the digest written with them, i.e.
   * they are byte for byte what the collab server encoded at a compaction (false for a damaged row or one
   * written before digests existed). `stateVector`: null for snapshots written before it was stored.
   */
  snapshot: { state: Uint8Array; stateVector: Uint8Array | null; upTo: number; intact: boolean } | null
  /** Updates after the snapshot, oldest first. */
  updates: { seq: number; update: Uint8Array }[]
}

export interface CollabStore {
  exists(documentId: string): boolean
  /** The document's lifecycle state (null if it is gone): read inside `transaction` to decide on the spot. */
  documentState(documentId: string): DocumentState | null
  load(documentId: string): StoredDocument
  /**
   * Appends one update to the log and records `userId` as the author of its client ids (`clients`, or
   * those the update itself names when null); returns its sequence number and, for each of those client
   * ids, its author from now on: `userId`, or null once someone else has written with it too (disputed:
   * nobody is named for its text). Call inside `transaction`.
   */
  append(documentId: string, update: Uint8Array, userId: string, at: number, clients?: Iterable<number> | null): { seq: number; authors: Map<number, string | null> }
  /** Replaces the snapshot (a state and its state vector) and drops the log entries it covers. Call inside `transaction`. */
  compact(documentId: string, state: Uint8Array, stateVector: Uint8Array, upTo: number, at: number): void
  transaction<T>(fn: () => T): T
  /** True while someone else (an API request through Kysely) holds an open transaction on the handle. */
  busy(): boolean
}

type SnapshotRow = Pick<DocumentSnapshotTable, 'state' | 'state_vector' | 'up_to' | 'sha256'>
interface UpdateRow {
  id: number
  update: Uint8Array
}

/**
 * The digest stored with each snapshot (migration 0009), so a load can tell the server's own bytes: of the
 * state, then of its state vector (migration 0010; older rows have none, and their digest is of the state).
 */
function digest(state: Uint8Array, stateVector: Uint8Array | null): Buffer {
  const hash = createHash('sha256').update(state)
  if (stateVector) hash.update(stateVector)
  return hash.digest()
}

export function collabStore(sqlite: SQLite.Database): CollabStore {
  const version = dataVersion(sqlite)
  /** Runs a write and tells the data version it was ours (see data-version.ts). */
  const write = <T extends SQLite.RunResult>(result: T): T => {
    version.excludeCollabWrites(result.changes)
    return result
  }
  const selectDocument = sqlite.prepare<[string], { id: string }>('SELECT id FROM documents WHERE id = ?')
  const selectState = sqlite.prepare<[string], { state: DocumentState }>('SELECT state FROM documents WHERE id = ?')
  const selectSnapshot = sqlite.prepare<[string], SnapshotRow>(
    'SELECT state, state_vector, up_to, sha256 FROM document_snapshots WHERE document_id = ?',
  )
  const selectUpdates = sqlite.prepare<[string, number], UpdateRow>(
    'SELECT id, "update" FROM document_updates WHERE document_id = ? AND id > ? ORDER BY id',
  )
  const insertUpdate = sqlite.prepare<[string, Uint8Array, string, number]>(
    'INSERT INTO document_updates (document_id, "update", user_id, at) VALUES (?, ?, ?, ?)',
  )
  const upsertSnapshot = sqlite.prepare<[string, Uint8Array, Uint8Array, number, number, Uint8Array]>(
    `INSERT INTO document_snapshots (document_id, state, state_vector, up_to, at, sha256) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, state_vector = excluded.state_vector, up_to = excluded.up_to,
       at = excluded.at, sha256 = excluded.sha256`,
  )
  const deleteUpdates = sqlite.prepare<[string, number]>('DELETE FROM document_updates WHERE document_id = ? AND id <= ?')
  // Authorship: which person wrote with which Yjs client id. The first user seen with a client id keeps it;
  // a second person writing with it (only a crafted client does: ids are random per session) disputes it.
  const insertAuthor = sqlite.prepare<[string, number, string, number]>(
    'INSERT OR IGNORE INTO document_authors (document_id, client_id, user_id, first_at) VALUES (?, ?, ?, ?)',
  )
  const selectAuthor = sqlite.prepare<[string, number], { user_id: string; disputed: number }>(
    'SELECT user_id, disputed FROM document_authors WHERE document_id = ? AND client_id = ?',
  )
  const disputeAuthor = sqlite.prepare<[string, number]>('UPDATE document_authors SET disputed = 1 WHERE document_id = ? AND client_id = ?')
  const recordAuthors = (documentId: string, clients: Iterable<number>, userId: string, at: number) => {
    const authors = new Map<number, string | null>()
    for (const client of clients) {
      if (write(insertAuthor.run(documentId, client, userId, at)).changes > 0) {
        authors.set(client, userId)
        continue
      }
      const row = selectAuthor.get(documentId, client)
      if (row && !row.disputed && row.user_id !== userId) write(disputeAuthor.run(documentId, client))
      authors.set(client, !row || row.disputed || row.user_id !== userId ? null : userId)
    }
    return authors
  }
  const inTransaction = sqlite.transaction((fn: () => unknown) => fn())

  return {
    exists(documentId) {
      return selectDocument.get(documentId) !== undefined
    },
    documentState(documentId) {
      return selectState.get(documentId)?.state ?? null
    },
    load(documentId) {
      const snap = selectSnapshot.get(documentId)
      const updates = selectUpdates.all(documentId, snap?.up_to ?? 0).map((r) => ({ seq: r.id, update: r.update }))
      const snapshot = snap
        ? { state: snap.state, stateVector: snap.state_vector, upTo: snap.up_to, intact: snap.sha256 !== null && digest(snap.state, snap.state_vector).equals(snap.sha256) }
        : null
      return { snapshot, updates }
    },
    append(documentId, update, userId, at, clients) {
      const authors = recordAuthors(documentId, clients ?? Y.parseUpdateMeta(update).to.keys(), userId, at)
      return { seq: Number(write(insertUpdate.run(documentId, update, userId, at)).lastInsertRowid), authors }
    },
    compact(documentId, state, stateVector, upTo, at) {
      write(upsertSnapshot.run(documentId, state, stateVector, upTo, at, digest(state, stateVector)))
      write(deleteUpdates.run(documentId, upTo))
    },
    transaction<T>(fn: () => T): T {
      return inTransaction(fn) as T
    },
    busy() {
      return sqlite.inTransaction
    },
  }
}
