/** Runs the migrations in order with Kysely's Migrator. The list is static so bundlers and tsx agree. */
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely'
import * as foundation from './migrations/0001-foundation.ts'
import * as documents from './migrations/0002-documents.ts'
import * as workflow from './migrations/0003-workflow.ts'
import * as review from './migrations/0004-review.ts'
import * as disabledUsersIndex from './migrations/0005-disabled-users-index.ts'
import * as memberCounts from './migrations/0006-member-counts.ts'
import * as versionRestoredFrom from './migrations/0007-version-restored-from.ts'
import * as authorsByUser from './migrations/0008-authors-by-user.ts'
import * as snapshotDigest from './migrations/0009-snapshot-digest.ts'
import * as snapshotStateVector from './migrations/0010-snapshot-state-vector.ts'
import * as disputedAuthors from './migrations/0011-disputed-authors.ts'
import type { Database } from './schema.ts'

const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-documents': documents,
  '0003-workflow': workflow,
  '0004-review': review,
  '0005-disabled-users-index': disabledUsersIndex,
  '0006-member-counts': memberCounts,
  '0007-version-restored-from': versionRestoredFrom,
  '0008-authors-by-user': authorsByUser,
  '0009-snapshot-digest': snapshotDigest,
  '0010-snapshot-state-vector': snapshotStateVector,
  '0011-disputed-authors': disputedAuthors,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  report(await new Migrator({ db, provider }).migrateToLatest())
}

/** Up (or down) to the named migration: for tests of a migration over data written before it. */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<void> {
  report(await new Migrator({ db, provider }).migrateTo(name))
}

function report({ error, results }: MigrationResultSet): void {
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`)
  }
}
