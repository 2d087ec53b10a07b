/**
 * Endorsements: once a document is agreed, member institutions co-sign the agreed version through a
 * person of theirs, until it is published; the list travels with the publication.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { recordAudit } from '../../db/queries/audit.ts'
import { latestClosedCall } from '../../db/queries/consensus.ts'
import { findDocument } from '../../db/queries/documents.ts'
import { insertEndorsement, listEndorsements } from '../../db/queries/endorsements.ts'
import { findInstitution } from '../../db/queries/institutions.ts'
import { findUser } from '../../db/queries/users.ts'
import { newId } from '../../db/ids.ts'
import { conflict } from '../../domain/errors.ts'
import { loadReadableDocument } from '../load-document.ts'
import { errors, ok } from '../openapi.ts'
import { iso } from '../presenters/time.ts'
import { newRouter } from '../router.ts'
import { idParam } from '../schemas.ts'

const ENDORSABLE = ['agreed', 'submitted'] as const
const isEndorsable = (state: string) => (ENDORSABLE as readonly string[]).includes(state)
function assertEndorsable(state: string | undefined): void {
  if (!state || !isEndorsable(state)) throw conflict('not_endorsable', 'Only an agreed document can be endorsed, until it is published.')
}

const EndorsementsSchema = z
  .object({
    endorsements: z.array(z.object({ institution: z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string(), country: z.string() }), signedBy: z.string(), at: z.string() })),
    institutions: z.number(),
    countries: z.number(),
    viewer: z.object({ canEndorse: z.boolean(), institutionId: z.string().nullable(), endorsed: z.boolean() }),
  })
  .openapi('Endorsements')

const params = z.object({ id: idParam })
const list = createRoute({ method: 'get', path: '/{id}/endorsements', tags: ['Endorsements'], summary: 'Institutions that endorse the agreed version', request: { params }, responses: { 200: ok(EndorsementsSchema), ...errors } })
const endorse = createRoute({ method: 'post', path: '/{id}/endorsements', tags: ['Endorsements'], summary: 'Endorse the agreed version on behalf of my institution', request: { params }, responses: { 201: ok(EndorsementsSchema, 'Created'), ...errors } })

async function agreedVersionId(db: Parameters<typeof latestClosedCall>[0], documentId: string) {
  const call = await latestClosedCall(db, documentId)
  return call && call.finding && call.finding !== 'no_consensus' ? call.version_id : null
}

export const endorsementRoutes = newRouter()
  .openapi(list, async (c) => {
    const { db } = c.var.deps
    const { id } = c.req.valid('param')
    const { actor, document } = await loadReadableDocument(c, id)
    const versionId = await agreedVersionId(db, id)
    const rows = versionId ? await listEndorsements(db, versionId) : []
    const me = await findUser(db, actor.userId)
    const endorsed = !!me?.institution_id && rows.some((r) => r.institution_id === me.institution_id)
    return c.json(
      {
        endorsements: rows.map((r) => ({ institution: { id: r.institution_id, nameEn: r.name_en, nameZh: r.name_zh, country: r.country }, signedBy: r.signed_by_name, at: iso(r.at) })),
        institutions: rows.length,
        countries: new Set(rows.map((r) => r.country)).size,
        viewer: { canEndorse: !!me?.institution_id && !endorsed && isEndorsable(document.state), institutionId: me?.institution_id ?? null, endorsed },
      },
      200,
    )
  })
  .openapi(endorse, async (c) => {
    const { db, now } = c.var.deps
    const { id } = c.req.valid('param')
    const { actor, document } = await loadReadableDocument(c, id)
    assertEndorsable(document.state)
    const me = (await findUser(db, actor.userId))!
    if (!me.institution_id) throw conflict('no_institution', 'Endorsements are made on behalf of an institution; your account has none.')
    const institution = await findInstitution(db, me.institution_id)
    if (!institution || institution.status !== 'active') throw conflict('institution_suspended', 'Your institution is suspended.')
    const versionId = await db.transaction().execute(async (trx) => {
      // Checked again inside the transaction: a publication (or a return to draft) may have landed since the
      // check above, and the published record lists the endorsements it found; one stored after it would be
      // missing from the record for good.
      const current = await findDocument(trx, id)
      assertEndorsable(current?.state)
      const versionId = await agreedVersionId(trx, id)
      if (!versionId) throw conflict('not_endorsable', 'This document has no agreed version.')
      const existing = await trx.selectFrom('endorsements').select('id').where('version_id', '=', versionId).where('institution_id', '=', institution.id).executeTakeFirst()
      if (existing) throw conflict('already_endorsed', 'Your institution already endorses this version.')
      await insertEndorsement(trx, { id: newId(), documentId: id, versionId, institutionId: institution.id, signedBy: me.id, at: now() })
      await recordAudit(trx, now(), { actorId: me.id, action: 'document.endorsed', subjectType: 'document', subjectId: id, data: { institutionId: institution.id, versionId } })
      return versionId
    })
    const rows = await listEndorsements(db, versionId)
    return c.json(
      {
        endorsements: rows.map((r) => ({ institution: { id: r.institution_id, nameEn: r.name_en, nameZh: r.name_zh, country: r.country }, signedBy: r.signed_by_name, at: iso(r.at) })),
        institutions: rows.length,
        countries: new Set(rows.map((r) => r.country)).size,
        viewer: { canEndorse: false, institutionId: me.institution_id, endorsed: true },
      },
      201,
    )
  })
