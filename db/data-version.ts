/**
 * A number that changes whenever data the API serves may have changed, so the API can keep what it read
 * (sessions, list responses) until then. It is SQLite's own count of rows changed on this connection
 * (`total_changes()`: every INSERT, UPDATE and DELETE, through Kysely or a raw statement, triggers included,
 * committed or rolled back), minus the rows the collab server writes to its own tables (Yjs update log,
 * snapshots, authorship), which change many times a second while people type and feed no cached response.
 * Nothing can write without moving it, so nothing cached against it can go stale.
 */
import type SQLite from 'better-sqlite3'

export interface DataVersion {
  current(): number
  /** Called by the collab store with the rows each of its writes changed. */
  excludeCollabWrites(rows: number): void
}

const versions = new WeakMap<SQLite.Database, DataVersion>()

/** The data version of a database handle (one per handle, shared by everyone who asks). */
export function dataVersion(sqlite: SQLite.Database): DataVersion {
  let version = versions.get(sqlite)
  if (!version) {
    const totalChanges = sqlite.prepare('SELECT total_changes() AS n').pluck()
    let collabRows = 0
    version = {
      current: () => (totalChanges.get() as number) - collabRows,
      excludeCollabWrites: (rows) => {
        collabRows += rows
      },
    }
    versions.set(sqlite, version)
  }
  return version
}
