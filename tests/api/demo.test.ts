/** npm run demo: a living hub at once — people, drafts in every state, the seed's outputs in the archive. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../api/demo.ts'
import { DOCUMENT_STATES } from '../../domain/lifecycle.ts'
import { startTestHub, type TestHub } from '../helpers/hub.ts'
import wic from '../../db/seed/wic.json' with { type: 'json' }

let hub: TestHub
beforeAll(async () => {
  hub = await startTestHub({ demo: true, adminEmail: undefined, adminPassword: undefined })
})
afterAll(() => hub.close())

describe('demo data', () => {
  it('has documents in every state and needs no setup link', async () => {
    expect(hub.bootstrap.kind).toBe('existing')
    const states = await hub.conn.db.selectFrom('documents').select('state').distinct().execute()
    expect(states.map((s) => s.state).sort()).toEqual([...DOCUMENT_STATES].sort())
  })

  it("publishes the organisation's outputs, searchable in the public archive", async () => {
    const all = await (await fetch(`${hub.url}/api/publications?limit=100`)).json()
    expect(all.publications.map((p: { titleEn: string }) => p.titleEn).sort()).toEqual(wic.published_outputs.map((o) => o.title_en).sort())
    const zh = await (await fetch(`${hub.url}/api/publications?q=${encodeURIComponent('跨境电商')}`)).json()
    expect(zh.publications.length).toBeGreaterThanOrEqual(2)
    const year = await (await fetch(`${hub.url}/api/publications?year=2019`)).json()
    expect(year.publications).toHaveLength(1)
  })

  it('lets the demo chair sign in and see work waiting', async () => {
    const cookie = await hub.signIn('chair@demo.hub', DEMO_PASSWORD)
    const home = await (await hub.request('GET', '/api/me/home', { cookie })).json()
    expect(home.awaiting.length).toBeGreaterThan(0)
    expect(home.drafts.length).toBeGreaterThan(0)
  })
})
