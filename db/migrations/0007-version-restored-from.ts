/**
 * Which version a restored copy was made from, as a number the app can put into words in either language
 * (until now only the English label "Restored from version N" said so). Versions are immutable by
 * trigger; adding a column does not touch a row, and the copies restored before this migration get the
 * number their own label states, with the no-update trigger lifted for that one statement and put back
 * exactly as 0003 made it, all in one transaction. Frozen.
 */
import { sql, type Kysely } from 'kysely'

const PREFIX = 'Restored from version '

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('versions').addColumn('restored_from', 'integer').execute()
  await db.transaction().execute(async (trx) => {
    await sql`DROP TRIGGER versions_no_update`.execute(trx)
    await sql`UPDATE versions SET restored_from = CAST(substr(label, ${PREFIX.length + 1}) AS INTEGER)
      WHERE origin = 'restore' AND substr(label, 1, ${PREFIX.length}) = ${PREFIX}
        AND length(label) > ${PREFIX.length} AND substr(label, ${PREFIX.length + 1}) NOT GLOB '*[^0-9]*'`.execute(trx)
    await sql
      .raw(`CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions BEGIN SELECT RAISE(ABORT, 'versions is immutable'); END`)
      .execute(trx)
  })
}
