/** Bodies: everyone signed in lists and reads them; the secretariat creates, renames and archives. */
import { createRoute, z } from '@hono/zod-openapi'
import { recordAudit } from '../../db/queries/audit.ts'
import { findBody, findBodyBySlug, insertBody, listBodies, toBodySubject, updateBody } from '../../db/queries/bodies.ts'
import { listMembers } from '../../db/queries/memberships.ts'
import { newId } from '../../db/ids.ts'
import type { BodyRow } from '../../db/schema.ts'
import { assertBodyPlacement } from '../../domain/body-rules.ts'
import { badRequest, conflict } from '../../domain/errors.ts'
import { can } from '../../domain/permissions.ts'
import { ROLES } from '../../domain/roles.ts'
import { loadBody } from '../load.ts'
import { cachedJson } from '../read-cache.ts'
import { authorize } from '../middleware/require.ts'
import { errors, jsonBody, ok } from '../openapi.ts'
import { BodySchema, MemberSchema, presentBody, presentMember } from '../presenters/bodies.ts'
import { newRouter } from '../router.ts'
import { bodyKind, name, slug, slugParam, text } from '../schemas.ts'

const BodySummarySchema = BodySchema.extend({ memberCount: z.number(), myRole: z.enum(ROLES).nullable() }).openapi('BodySummary')
const BodyDetailSchema = z
  .object({
    body: BodySchema,
    parent: BodySchema.nullable(),
    children: z.array(BodySchema),
    members: z.array(MemberSchema),
    viewer: z.object({ role: z.enum(ROLES).nullable(), canManage: z.boolean(), pendingRequestId: z.string().nullable() }),
  })
  .openapi('BodyDetail')

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Bodies'],
  summary: 'All bodies (committees, working groups, programmes…) with member counts and my role',
  request: { query: z.object({ archived: z.enum(['include', 'exclude']).default('exclude') }) },
  responses: { 200: ok(z.object({ bodies: z.array(BodySummarySchema) })), ...errors },
})

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['Bodies'],
  summary: 'Create a body or a programme under a committee (secretariat)',
  request: {
    body: jsonBody(
      z.strictObject({
        slug,
        kind: bodyKind,
        parentSlug: slug.nullable().optional(),
        nameEn: name(200),
        nameZh: name(200),
        mandateEn: text(5000).optional(),
        mandateZh: text(5000).optional(),
      }),
    ),
  },
  responses: { 201: ok(BodySchema, 'Created'), ...errors },
})

const detail = createRoute({
  method: 'get',
  path: '/{slug}',
  tags: ['Bodies'],
  summary: 'A body with its members (name, institution, country, role)',
  request: { params: slugParam },
  responses: { 200: ok(BodyDetailSchema), ...errors },
})

const patch = createRoute({
  method: 'patch',
  path: '/{slug}',
  tags: ['Bodies'],
  summary: 'Rename a body, edit its mandate, archive or restore it (secretariat)',
  request: {
    params: slugParam,
    body: jsonBody(
      z
        .strictObject({ nameEn: name(200), nameZh: name(200), mandateEn: text(5000), mandateZh: text(5000), archived: z.boolean() })
        .partial(),
    ),
  },
  responses: { 200: ok(BodySchema), ...errors },
})

export const bodyRoutes = newRouter()
  .openapi(list, async (c) => {
    const actor = await authorize(c, 'body.read', {})
    return cachedJson(c, async () => {
      const rows = await listBodies(c.var.deps.db, { includeArchived: c.req.valid('query').archived === 'include' })
      const bodies = rows.map((b) => ({
        ...presentBody(b),
        memberCount: b.member_count,
        myRole: actor.roles.get(b.id) ?? null,
      }))
      return { bodies }
    })
  })
  .openapi(create, async (c) => {
    const actor = await authorize(c, 'body.create', {})
    const { db, now } = c.var.deps
    const b = c.req.valid('json')
    const row = await db.transaction().execute(async (trx) => {
      if (await findBodyBySlug(trx, b.slug)) throw conflict('slug_taken', 'A body with this slug already exists.')
      const parent = b.parentSlug ? await findBodyBySlug(trx, b.parentSlug) : undefined
      if (b.parentSlug && !parent) throw badRequest('unknown_parent', 'parentSlug: no such body.')
      assertBodyPlacement(b.kind, parent?.kind ?? null)
      const row: BodyRow = {
        member_count: 0,
        id: newId(),
        slug: b.slug,
        kind: b.kind,
        parent_id: parent?.id ?? null,
        name_en: b.nameEn,
        name_zh: b.nameZh,
        mandate_en: b.mandateEn ?? '',
        mandate_zh: b.mandateZh ?? '',
        established: null,
        archived_at: null,
        created_at: now(),
      }
      await insertBody(trx, row)
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'body.created', subjectType: 'body', subjectId: row.id, data: b })
      return row
    })
    return c.json(presentBody(row), 201)
  })
  .openapi(detail, async (c) => {
    const { db } = c.var.deps
    const body = await loadBody(db, c.req.valid('param').slug)
    const actor = await authorize(c, 'body.read', { body: toBodySubject(body) }, body.id)
    return cachedJson(c, async () => {
      const [members, parent, children, pending] = await Promise.all([
        listMembers(db, body.id),
        body.parent_id ? findBody(db, body.parent_id) : undefined,
        db.selectFrom('bodies').selectAll().where('parent_id', '=', body.id).where('archived_at', 'is', null).orderBy('created_at').execute(),
        db
          .selectFrom('join_requests')
          .select('id')
          .where('body_id', '=', body.id)
          .where('user_id', '=', actor.userId)
          .where('status', '=', 'pending')
          .executeTakeFirst(),
      ])
      return {
        body: presentBody(body),
        parent: parent ? presentBody(parent) : null,
        children: children.map(presentBody),
        members: members.map(presentMember),
        viewer: {
          role: actor.roles.get(body.id) ?? null,
          canManage: can(actor, 'body.manage_members', { body: toBodySubject(body) }),
          pendingRequestId: pending?.id ?? null,
        },
      }
    })
  })
  .openapi(patch, async (c) => {
    const { db, now } = c.var.deps
    const body = await loadBody(db, c.req.valid('param').slug)
    const actor = await authorize(c, 'body.update', { body: toBodySubject(body) }, body.id)
    const b = c.req.valid('json')
    await db.transaction().execute(async (trx) => {
      await updateBody(trx, body.id, {
        ...(b.nameEn !== undefined && { name_en: b.nameEn }),
        ...(b.nameZh !== undefined && { name_zh: b.nameZh }),
        ...(b.mandateEn !== undefined && { mandate_en: b.mandateEn }),
        ...(b.mandateZh !== undefined && { mandate_zh: b.mandateZh }),
        ...(b.archived !== undefined && { archived_at: b.archived ? (body.archived_at ?? now()) : null }),
      })
      const action = b.archived === true ? 'body.archived' : b.archived === false && body.archived_at ? 'body.restored' : 'body.updated'
      await recordAudit(trx, now(), { actorId: actor.userId, action, subjectType: 'body', subjectId: body.id, data: b })
    })
    return c.json(presentBody((await findBody(db, body.id))!), 200)
  })
