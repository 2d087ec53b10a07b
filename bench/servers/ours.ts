/**
 * Our hub as a server under test: a fresh data dir, the whole hub (API + collab) exactly as main.ts wires
 * it (auth, Origin check, read-only checks, synchronous=FULL commits before broadcast), with prepared
 * members, sessions and documents. `idleUnloadMs` is the only collab option changed, for the history
 * case's cold open. In `api` mode it also writes the 10× dataset and signs in a secretariat account.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createCollabServer, type CollabServer } from '../../collab/server.ts'
import { newId } from '../../db/ids.ts'
import { createSession } from '../../db/session-auth.ts'
import { startHub } from '../../hub.ts'
import { generateDataset } from './dataset.ts'
import { readConfig, serveIpc } from './ipc.ts'

const config = readConfig()
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'))
let collab: CollabServer | null = null
// BENCH_WINDOW_MS fixes every room's batch window (by default it follows the room, collab/pacer.ts): to
// measure what the window trades, latency against CPU per delivered update.
const batchWindowMs = process.env.BENCH_WINDOW_MS ? Number(process.env.BENCH_WINDOW_MS) : undefined
const hub = await startHub({
  dataDir,
  port: 0,
  host: '127.0.0.1',
  log: () => {},
  collab: (conn) => (collab = createCollabServer({ ...conn, idleUnloadMs: config.idleUnloadMs, log: () => {}, batchWindowMs })),
})
const { db, sqlite } = hub.conn
const at = Date.now()
const synchronous = sqlite.pragma('synchronous', { simple: true })
if (synchronous !== 2) throw new Error(`expected synchronous=FULL, found ${synchronous}`)

const institutionId = newId()
await db.insertInto('institutions').values({ id: institutionId, name_en: 'Bench Institute', name_zh: '基准所', kind: 'think_tank', country: 'CN', joined_on: null, status: 'active', created_at: at }).execute()
const bodyId = newId()
await db
  .insertInto('bodies')
  .values({ id: bodyId, slug: `bench-${bodyId.slice(0, 6)}`, kind: 'working_group', parent_id: null, name_en: 'Bench WG', name_zh: '基准组', mandate_en: '', mandate_zh: '', established: null, archived_at: null, created_at: at })
  .execute()

const cookies: string[] = []
const userIds: string[] = []
for (let i = 0; i < Math.max(1, config.users); i++) {
  const id = newId()
  const secretariat = config.mode === 'api' && i === 0
  await db
    .insertInto('users')
    .values({ id, email: `bench${i}-${id}@bench.test`, display_name: `Bench ${i}`, institution_id: institutionId, locale: 'en', password_hash: null, is_secretariat: secretariat ? 1 : 0, disabled_at: null, created_at: at })
    .execute()
  await db.insertInto('memberships').values({ body_id: bodyId, user_id: id, role: i === 0 ? 'chair' : 'member', since: at }).execute()
  const { token } = await createSession(db, id, at)
  cookies.push(`hub_session=${token}`)
  userIds.push(id)
}
const docs: string[] = []
for (let i = 0; i < config.docs; i++) {
  const id = newId()
  await db
    .insertInto('documents')
    .values({ id, body_id: bodyId, kind: 'concept_paper', title_en: `Bench ${i}`, title_zh: '基准', language: 'en', state: 'draft', created_by: userIds[0], created_at: at, updated_at: at })
    .execute()
  docs.push(id)
}
const api = config.mode === 'api' ? generateDataset(sqlite, at) : null

serveIpc(
  () => ({ ...(collab?.stats() ?? {}) }),
  async () => {
    await hub.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  },
)
process.send?.({ ready: true, port: hub.port, docs, cookies, api })
