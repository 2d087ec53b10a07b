/**
 * The audit log's action filter takes every action name the hub writes, hyphens included
 * (suggestion.accept-all), and a family ("x.") means exactly the actions starting with it: no character of
 * the name acts as a wildcard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordAudit } from '../../db/queries/audit.ts'
import { ADMIN, startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
let admin: string

const actions = async (query: string) => {
  const res = await hub.request('GET', `/api/audit?limit=500&${query}`, { cookie: admin })
  const body = await res.json()
  return res.status === 200 ? [...new Set(body.events.map((e: { action: string }) => e.action))].sort() : { status: res.status, code: body.error.code }
}

beforeAll(async () => {
  hub = await startTestHub()
  admin = await hub.signIn(ADMIN.email, ADMIN.password)
  for (const action of ['suggestion.accept-all', 'suggestion.reject-all', 'suggestion.created', 'join_request.approved', 'joinxrequest.approved', 'suggestion-x.created']) {
    await recordAudit(hub.conn.db, Date.now(), { actorId: null, action, subjectType: 'document', subjectId: 'd1' })
  }
})
afterAll(() => hub.close())

describe('GET /api/audit?action=', () => {
  it('filters by an action with a hyphen', async () => {
    expect(await actions('action=suggestion.accept-all')).toEqual(['suggestion.accept-all'])
    expect(await actions('action=suggestion.reject-all')).toEqual(['suggestion.reject-all'])
  })

  it('a family is a prefix, with no wildcard in it', async () => {
    expect(await actions('action=suggestion.')).toEqual(['suggestion.accept-all', 'suggestion.created', 'suggestion.reject-all'])
    expect(await actions('action=join_request.')).toEqual(['join_request.approved'])
  })

  it('refuses anything that is not an action name', async () => {
    for (const bad of ['%25', 'suggestion.%25', 'Suggestion.created', 'a b', '*']) {
      expect(await actions(`action=${bad}`)).toEqual({ status: 400, code: 'invalid_request' })
    }
  })
})
