/** Member institutions: everyone signed in reads them; the secretariat creates, edits and suspends. */
import { createRoute, z } from '@hono/zod-openapi'
import { recordAudit } from '../../db/queries/audit.ts'
import { findInstitution, insertInstitution, listInstitutions, updateInstitution } from '../../db/queries/institutions.ts'
import { newId } from '../../db/ids.ts'
import type { InstitutionRow } from '../../db/schema.ts'
import { notFound } from '../../domain/errors.ts'
import { authorize } from '../middleware/require.ts'
import { errors, jsonBody, ok } from '../openapi.ts'
import { InstitutionSchema, presentInstitution } from '../presenters/institutions.ts'
import { newRouter } from '../router.ts'
import { cachedJson } from '../read-cache.ts'
import { country, idParam, institutionKind, isoDate, name } from '../schemas.ts'

const fields = {
  nameEn: name(200),
  nameZh: name(200),
  kind: institutionKind,
  country,
  joinedOn: isoDate.nullable(),
}

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Institutions'],
  summary: 'Member institutions',
  request: { query: z.object({ status: z.enum(['active', 'suspended']).optional() }) },
  responses: { 200: ok(z.object({ institutions: z.array(InstitutionSchema) })), ...errors },
})

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['Institutions'],
  summary: 'Add a member institution (secretariat)',
  request: { body: jsonBody(z.strictObject({ ...fields, joinedOn: fields.joinedOn.optional() })) },
  responses: { 201: ok(InstitutionSchema, 'Created'), ...errors },
})

const patch = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['Institutions'],
  summary: 'Edit, suspend or reinstate a member institution (secretariat)',
  request: {
    params: z.object({ id: idParam }),
    body: jsonBody(z.strictObject({ ...fields, status: z.enum(['active', 'suspended']) }).partial()),
  },
  responses: { 200: ok(InstitutionSchema), ...errors },
})

export const institutionRoutes = newRouter()
  .openapi(list, async (c) => {
    await authorize(c, 'institution.read', {})
    return cachedJson(c, async () => ({ institutions: (await listInstitutions(c.var.deps.db, c.req.valid('query'))).map(presentInstitution) }))
  })
  .openapi(create, async (c) => {
    const actor = await authorize(c, 'institution.manage', {})
    const { db, now } = c.var.deps
    const b = c.req.valid('json')
    const row: InstitutionRow = {
      id: newId(),
      name_en: b.nameEn,
      name_zh: b.nameZh,
      kind: b.kind,
      country: b.country,
      joined_on: b.joinedOn ?? null,
      status: 'active',
      created_at: now(),
    }
    await db.transaction().execute(async (trx) => {
      await insertInstitution(trx, row)
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'institution.created', subjectType: 'institution', subjectId: row.id, data: b })
    })
    return c.json(presentInstitution(row), 201)
  })
  .openapi(patch, async (c) => {
    const { id } = c.req.valid('param')
    const actor = await authorize(c, 'institution.manage', {}, id)
    const { db, now } = c.var.deps
    const b = c.req.valid('json')
    const row = await db.transaction().execute(async (trx) => {
      const before = await findInstitution(trx, id)
      if (!before) throw notFound('Institution')
      await updateInstitution(trx, id, {
        ...(b.nameEn !== undefined && { name_en: b.nameEn }),
        ...(b.nameZh !== undefined && { name_zh: b.nameZh }),
        ...(b.kind !== undefined && { kind: b.kind }),
        ...(b.country !== undefined && { country: b.country }),
        ...(b.joinedOn !== undefined && { joined_on: b.joinedOn }),
        ...(b.status !== undefined && { status: b.status }),
      })
      const action = b.status && b.status !== before.status ? (b.status === 'suspended' ? 'institution.suspended' : 'institution.reinstated') : 'institution.updated'
      await recordAudit(trx, now(), { actorId: actor.userId, action, subjectType: 'institution', subjectId: id, data: b })
      return (await findInstitution(trx, id))!
    })
    return c.json(presentInstitution(row), 200)
  })
