/**
 * Who may open a document, and with what access: the same `documentAccess` rule the API uses, fed from
 * the database. Used on the upgrade request and again whenever the API reports a change (role, membership,
 * account, document state), so open connections follow at once.
 */
import type { Kysely } from 'kysely'
import { findDocumentSubject } from '../db/queries/documents.ts'
import type { Database } from '../db/schema.ts'
import { loadActor } from '../db/session-auth.ts'
import { documentAccess } from '../domain/permissions.ts'
import type { Access } from './connection.ts'

export type Decision =
  | { kind: 'allow'; access: Access }
  | { kind: 'deny'; status: 401 | 403 | 404; reason: string }

export async function decideAccess(db: Kysely<Database>, userId: string, documentId: string): Promise<Decision> {
  const found = await findDocumentSubject(db, documentId)
  if (!found) return { kind: 'deny', status: 404, reason: 'document not found' }
  const actor = await loadActor(db, userId)
  if (!actor) return { kind: 'deny', status: 403, reason: 'account disabled' }
  const access = documentAccess(actor, found.subject)
  if (access === 'none') return { kind: 'deny', status: 403, reason: 'no access to this document' }
  return { kind: 'allow', access }
}
