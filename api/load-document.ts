/**
 * Loading a document for a route: 404 when it does not exist or the person may not read it (a document's
 * existence is not revealed to people outside its body), with the refusal audited.
 */
import type { Context } from 'hono'
import { findBody } from '../db/queries/bodies.ts'
import { findDocumentSubject } from '../db/queries/documents.ts'
import { notFound } from '../domain/errors.ts'
import { documentAccess, type Actor } from '../domain/permissions.ts'
import type { AppEnv } from './env.ts'
import { auditDenied, requireActor } from './middleware/require.ts'

export async function loadReadableDocument(c: Context<AppEnv>, id: string) {
  const actor: Actor = requireActor(c)
  const found = await findDocumentSubject(c.var.deps.db, id)
  if (!found) throw notFound('Document')
  const access = documentAccess(actor, found.subject)
  if (access === 'none') {
    await auditDenied(c, actor, 'document.read', id)
    throw notFound('Document')
  }
  const body = await findBody(c.var.deps.db, found.document.body_id)
  if (!body) throw notFound('Body')
  return { actor, access, body, ...found }
}
