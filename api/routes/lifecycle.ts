/**
 * Moving a document through its lifecycle. The table of moves and who makes them is domain/lifecycle.ts;
 * this route adds what a move carries: the reason (audited), cancelling an open call when it goes back to
 * draft, and the edition when the secretariat publishes. Open editors follow at once (documentChanged).
 */
import { createRoute, z } from '@hono/zod-openapi'
import { recordAudit } from '../../db/queries/audit.ts'
import { findOpenCall } from '../../db/queries/consensus.ts'
import { findDocument, setDocumentState } from '../../db/queries/documents.ts'
import { conflict } from '../../domain/errors.ts'
import { DOCUMENT_STATES, type DocumentState } from '../../domain/lifecycle.ts'
import { checkTransition } from '../../domain/transitions.ts'
import { loadReadableDocument } from '../load-document.ts'
import { errors, jsonBody, ok } from '../openapi.ts'
import { DocumentSchema, presentDocument } from '../presenters/documents.ts'
import { newRouter } from '../router.ts'
import { idParam, text } from '../schemas.ts'
import { publishDocument } from '../workflow/publish.ts'

const transition = createRoute({
  method: 'post',
  path: '/{id}/transitions',
  tags: ['Lifecycle'],
  summary: 'Move a document to another state (chairs; the secretariat publishes or returns submitted documents)',
  request: {
    params: z.object({ id: idParam }),
    body: jsonBody(
      z.strictObject({
        to: z.enum(DOCUMENT_STATES),
        reason: text(2000).optional(),
        // The state the mover saw. Two chairs acting on one screen's worth of state (one closes the call, the
        // other sends it back to draft to stop it) must not both succeed in turn: the second is told instead.
        from: z.enum(DOCUMENT_STATES).optional().openapi({ description: 'The state the document is expected to be in; if it has moved since, 409 state_changed and nothing changes.' }),
      }),
    ),
  },
  responses: {
    200: ok(z.object({ document: DocumentSchema, publication: z.object({ slug: z.string(), edition: z.number() }).nullable() })),
    ...errors,
  },
})

function assertStillIn(seen: DocumentState | undefined, state: DocumentState): void {
  if (seen && seen !== state) throw conflict('state_changed', `The document has moved on since you saw it (it is now ${state.replace('_', ' ')}); nothing was changed.`)
}

export const lifecycleRoutes = newRouter().openapi(transition, async (c) => {
  const { db, now, notifier } = c.var.deps
  const { id } = c.req.valid('param')
  const { to, reason, from } = c.req.valid('json')
  const { actor, subject } = await loadReadableDocument(c, id)
  // Checked first: a move from a state the document has left is answered as such, not as a wrong move.
  assertStillIn(from, subject.state)
  checkTransition(actor, subject, to, reason)
  const publication = await db.transaction().execute(async (trx) => {
    const current = await findDocument(trx, id)
    assertStillIn(from, current!.state)
    // Re-checked inside the transaction: two chairs moving at once cannot both succeed.
    checkTransition(actor, { ...subject, state: current!.state }, to, reason)
    let published = null
    if (to === 'published') published = await publishDocument(trx, current!, actor.userId, now())
    const open = await findOpenCall(trx, id)
    if (open && to !== 'consensus_call') {
      await trx
        .updateTable('consensus_calls')
        .set({ status: 'closed', finding: 'no_consensus', finding_note: reason ?? '', closed_by: actor.userId, closed_at: now() })
        .where('id', '=', open.id)
        .execute()
    }
    await setDocumentState(trx, id, { state: to, reason: reason ?? null, at: now() })
    await recordAudit(trx, now(), {
      actorId: actor.userId,
      action: 'document.transition',
      subjectType: 'document',
      subjectId: id,
      data: { from: current!.state, to, reason: reason ?? null, ...(published && { slug: published.slug, edition: published.edition }) },
    })
    return published && { slug: published.slug, edition: published.edition }
  })
  notifier.documentChanged(id)
  return c.json({ document: presentDocument((await findDocument(db, id))!), publication }, 200)
})
