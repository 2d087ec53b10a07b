/**
 * An endorsement racing the publication of its document: the route checks the state early (for a clear
 * answer) and again inside its transaction, so an endorsement never lands after the published record,
 * which lists the endorsements it found and never changes. The institution lookup between the two checks
 * is held open here, to make the interleaving certain rather than likely.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest'

const gate = vi.hoisted(() => ({ hold: null as Promise<void> | null, reached: null as (() => void) | null }))
vi.mock('../../db/queries/institutions.ts', async (orig) => {
  const real = await orig<typeof import('../../db/queries/institutions.ts')>()
  return {
    ...real,
    findInstitution: async (...args: Parameters<typeof real.findInstitution>) => {
      if (gate.hold) {
        gate.reached?.()
        await gate.hold
      }
      return real.findInstitution(...args)
    },
  }
})

import { makeDocument } from '../helpers/documents.ts'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
beforeAll(async () => {
  hub = await startTestHub()
})
afterAll(() => hub.close())

it('an endorsement that read "submitted" before a publication landed is refused, not stored outside the record', async () => {
  const admin = await hub.signIn(ADMIN.email, ADMIN.password)
  const chair = await hub.makeUser({ institutionId: await hub.makeInstitution() })
  await hub.addMember('data', chair.id, 'chair')
  const signer = await hub.makeUser({ institutionId: await hub.makeInstitution() })
  await hub.addMember('data', signer.id, 'member')
  const { id, versionId } = await makeDocument(hub, { body: 'data', state: 'submitted', createdBy: chair.id, text: 'Agreed.' })

  let release!: () => void
  gate.hold = new Promise<void>((r) => (release = r))
  const reached = new Promise<void>((r) => (gate.reached = r))
  const endorse = hub.request('POST', `/api/documents/${id}/endorsements`, { cookie: signer.cookie })
  await reached // the endorsement has read state = submitted
  gate.hold = null
  const published = await hub.request('POST', `/api/documents/${id}/transitions`, { cookie: admin, json: { to: 'published' } })
  release()
  const endorsed = await endorse

  const doc = await hub.conn.db.selectFrom('documents').select('state').where('id', '=', id).executeTakeFirstOrThrow()
  const pub = await hub.conn.db.selectFrom('publications').select('record').where('document_id', '=', id).executeTakeFirstOrThrow()
  const stored = await hub.conn.db.selectFrom('endorsements').select('institution_id').where('version_id', '=', versionId!).execute()
  const inRecord = (JSON.parse(pub.record) as { endorsements: unknown[] }).endorsements.length
  const list = await (await hub.request('GET', `/api/documents/${id}/endorsements`, { cookie: signer.cookie })).json()
  expect(published.status).toBe(200)
  expect(endorsed.status).toBe(409)
  expect((await endorsed.json()).error.code).toBe('not_endorsable')
  expect(doc.state).toBe('published')
  expect(stored).toEqual([])
  expect(inRecord).toBe(0)
  expect(list.institutions).toBe(0)
})
