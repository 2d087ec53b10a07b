/** Creating bodies: programmes under committees only, and the seed keeps to the same rule. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '../../db/ids.ts'
import { assertBodyPlacement } from '../../domain/body-rules.ts'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
let admin: string
let n = 0
beforeAll(async () => {
  hub = await startTestHub()
  admin = await hub.signIn(ADMIN.email, ADMIN.password)
})
afterAll(() => hub.close())

const create = (kind: string, parentSlug?: string) =>
  hub.request('POST', '/api/bodies', { cookie: admin, json: { slug: `body-${++n}`, kind, nameEn: 'Body', nameZh: '机构', ...(parentSlug && { parentSlug }) } })

describe('POST /api/bodies', () => {
  it('creates a programme under a committee', async () => {
    const res = await create('programme', 'ai-committee')
    expect(res.status).toBe(201)
    expect((await res.json()).parentId).toBe(await hub.bodyId('ai-committee'))
  })

  it('refuses a programme under anything but a committee', async () => {
    for (const parent of ['data', 'council', 'secretariat', 'think-tanks']) {
      const res = await create('programme', parent)
      expect(res.status, parent).toBe(400)
      expect((await res.json()).error.code).toBe('parent_not_committee')
    }
  })

  it('refuses a parent for kinds that cannot have one', async () => {
    for (const kind of ['working_group', 'committee', 'organ', 'secretariat']) {
      const res = await create(kind, 'ai-committee')
      expect(res.status, kind).toBe(400)
      expect((await res.json()).error.code).toBe('parent_not_allowed')
    }
  })

  it('the seeded organisation keeps to the same rule', async () => {
    const rows = await hub.conn.db
      .selectFrom('bodies')
      .innerJoin('bodies as parent', 'parent.id', 'bodies.parent_id')
      .select(['bodies.slug', 'bodies.kind', 'parent.kind as parent_kind'])
      .execute()
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) expect(() => assertBodyPlacement(r.kind, r.parent_kind), r.slug).not.toThrow()
  })
})

describe('chairs of a parent body', () => {
  it('manage a committee’s programme, but not a child of another kind of body (data from before the rule)', async () => {
    const committeeChair = await hub.makeUser()
    const organChair = await hub.makeUser()
    await hub.addMember('ai-committee', committeeChair.id, 'chair')
    await hub.addMember('council', organChair.id, 'chair')
    const programme = (await (await create('programme', 'ai-committee')).json()) as { slug: string }
    // A programme under an organ can no longer be created through the API; older data may hold one.
    const legacy = `legacy-${++n}`
    await hub.conn.db
      .insertInto('bodies')
      .values({ id: newId(), slug: legacy, kind: 'programme', parent_id: await hub.bodyId('council'), name_en: 'Legacy', name_zh: '旧', mandate_en: '', mandate_zh: '', established: null, archived_at: null, created_at: Date.now() })
      .execute()
    const invite = (slug: string, cookie: string) => hub.request('POST', `/api/bodies/${slug}/invitations`, { cookie, json: { email: `guest${++n}@hub.test`, role: 'member' } })
    expect((await invite(programme.slug, committeeChair.cookie)).status).toBe(201)
    expect((await invite(legacy, organChair.cookie)).status).toBe(403)
  })
})
