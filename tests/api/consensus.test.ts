/**
 * The record of a consensus call names who objected formally for each disposition, from the position
 * itself: an institution whose representative has since left the body is still named, with its country,
 * in the call detail, the published record and the public page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeDocument } from '../helpers/documents.ts'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
type Person = Awaited<ReturnType<TestHub['makeUser']>>
let chair: Person, objector: Person, solo: Person
let objectorInstitution: string

const call = async (method: string, path: string, cookie: string, json?: unknown) => {
  const res = await hub.request(method, path, { cookie, json })
  return { status: res.status, body: await res.json() }
}

beforeAll(async () => {
  hub = await startTestHub()
  chair = await hub.makeUser({ name: 'Chair', institutionId: await hub.makeInstitution({ nameEn: 'Chair Institute', country: 'CN' }) })
  objectorInstitution = await hub.makeInstitution({ nameEn: 'Instituto de Datos', country: 'BR' })
  objector = await hub.makeUser({ name: 'Bruno', institutionId: objectorInstitution })
  solo = await hub.makeUser({ name: 'Solo Expert' })
  await hub.addMember('data', chair.id, 'chair')
  await hub.addMember('data', objector.id, 'member')
  await hub.addMember('data', solo.id, 'member')
})
afterAll(() => hub.close())

describe('formal objections in the record', () => {
  it('are named by the institution they were cast for, even after it left the body', async () => {
    const { id } = await makeDocument(hub, { body: 'data', state: 'consultation', createdBy: chair.id, title: 'Objection record', text: 'The text.' })
    const opened = await call('POST', `/api/documents/${id}/consensus-calls`, chair.cookie, { closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() })
    const callId = opened.body.id
    const objection = await call('POST', `/api/consensus-calls/${callId}/positions`, objector.cookie, { stance: 'formal_objection', reason: 'Clause 2 conflicts with our law.' })
    const personal = await call('POST', `/api/consensus-calls/${callId}/positions`, solo.cookie, { stance: 'formal_objection', reason: 'I object too.' })
    await call('POST', `/api/consensus-calls/${callId}/positions`, chair.cookie, { stance: 'support' })
    const closed = await call('POST', `/api/consensus-calls/${callId}/close`, chair.cookie, {
      finding: 'consensus_with_dissent',
      dispositions: [
        { positionId: objection.body.id, disposition: 'overruled', rationale: 'Clause 2 is advisory.' },
        { positionId: personal.body.id, disposition: 'addressed', rationale: 'Reworded.' },
      ],
    })
    expect(closed.status).toBe(200)
    expect((await hub.request('DELETE', `/api/bodies/data/members/${objector.id}`, { cookie: objector.cookie })).status).toBe(200)

    const detail = (await call('GET', `/api/consensus-calls/${callId}`, chair.cookie)).body
    expect(detail.participants.map((p: { name: string }) => p.name)).not.toContain('Instituto de Datos')
    expect(detail.dispositions).toEqual([
      { positionId: objection.body.id, disposition: 'overruled', rationale: 'Clause 2 is advisory.', institution: { institutionId: objectorInstitution, nameEn: 'Instituto de Datos', nameZh: '机构', country: 'BR' } },
      { positionId: personal.body.id, disposition: 'addressed', rationale: 'Reworded.', institution: { institutionId: null, nameEn: 'Solo Expert', nameZh: 'Solo Expert', country: null } },
    ])

    expect((await call('POST', `/api/documents/${id}/transitions`, chair.cookie, { to: 'submitted' })).status).toBe(200)
    const admin = await hub.signIn(ADMIN.email, ADMIN.password)
    const published = await call('POST', `/api/documents/${id}/transitions`, admin, { to: 'published' })
    expect(published.status).toBe(200)
    const record = (await call('GET', `/api/publications/${published.body.publication.slug}`, admin)).body.publication.record
    expect(record.consensus.dispositions.map((d: { institution: { nameEn: string; country: string | null } }) => [d.institution.nameEn, d.institution.country])).toEqual([
      ['Instituto de Datos', 'BR'],
      ['Solo Expert', null],
    ])
    const page = await (await fetch(`${hub.url}/p/${published.body.publication.slug}?lang=en`)).text()
    const objections = page.slice(page.indexOf('Formal objections'), page.indexOf('id="endorsements"'))
    expect(objections).toContain('Instituto de Datos')
    expect(objections).toContain('Brazil')
    expect(objections).toContain('Solo Expert')
  })
})
