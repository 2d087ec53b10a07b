/**
 * Who may do what: pure rules, deny by default. The API calls `can`/`assertCan` on every route and the
 * collab server calls `documentAccess` for every connection, so no rule is written twice.
 */
import { forbidden } from './errors.ts'
import { isEditable, type DocumentState } from './lifecycle.ts'
import type { BodyKind, Role } from './roles.ts'

export interface Actor {
  userId: string
  isSecretariat: boolean
  /** The actor's role in each body they belong to, by body id. */
  roles: ReadonlyMap<string, Role>
}

export interface BodySubject {
  id: string
  parentId: string | null
  /** The parent's kind: only a committee's chairs reach into its children (its programmes). */
  parentKind: BodyKind | null
  archived: boolean
}

export interface DocumentSubject {
  body: BodySubject
  state: DocumentState
}

export type Action =
  | 'body.create'
  | 'body.update'
  | 'body.read'
  | 'body.manage_members'
  | 'body.request_join'
  | 'body.leave'
  | 'institution.read'
  | 'institution.manage'
  | 'user.manage'
  | 'audit.read'
  | 'document.review'
  | 'document.create'
  | 'document.read'
  | 'document.edit'
  | 'document.save_version'

type Subject = { body?: BodySubject; document?: DocumentSubject }

export function roleIn(actor: Actor, body: BodySubject): Role | undefined {
  return actor.roles.get(body.id)
}

/**
 * Chairs of a body manage it; chairs of a committee also manage its programmes. A parent of another kind
 * gives its chairs nothing in the child (body-rules.ts keeps such parents from being created).
 */
export function chairs(actor: Actor, body: BodySubject): boolean {
  if (actor.roles.get(body.id) === 'chair') return true
  return body.parentId !== null && body.parentKind === 'committee' && actor.roles.get(body.parentId) === 'chair'
}

const secretariatOnly = (actor: Actor) => actor.isSecretariat

const rules: Record<Action, (actor: Actor, subject: Subject) => boolean> = {
  'body.create': secretariatOnly,
  'body.update': secretariatOnly,
  'body.read': () => true,
  'body.manage_members': (actor, { body }) =>
    !!body && (actor.isSecretariat || (!body.archived && chairs(actor, body))),
  'body.request_join': (actor, { body }) => !!body && !body.archived && roleIn(actor, body) === undefined,
  'body.leave': (actor, { body }) => !!body && roleIn(actor, body) !== undefined,
  'institution.read': () => true,
  'institution.manage': secretariatOnly,
  'user.manage': secretariatOnly,
  'audit.read': secretariatOnly,
  /** The review queue of submitted documents; publishing and returning are transitions (domain/lifecycle.ts). */
  'document.review': secretariatOnly,
  'document.create': (actor, { body }) =>
    !!body && !body.archived && (actor.isSecretariat || isParticipant(actor, body)),
  'document.read': (actor, { document }) => !!document && documentAccess(actor, document) !== 'none',
  'document.edit': (actor, { document }) => !!document && documentAccess(actor, document) === 'write',
  'document.save_version': (actor, { document }) =>
    !!document && document.state !== 'published' && document.state !== 'withdrawn' && isParticipant(actor, document.body),
}

function isParticipant(actor: Actor, body: BodySubject): boolean {
  const role = roleIn(actor, body)
  return role === 'chair' || role === 'member'
}

export function can(actor: Actor, action: Action, subject: Subject = {}): boolean {
  const rule = rules[action]
  return rule ? rule(actor, subject) : false
}

export function assertCan(actor: Actor, action: Action, subject: Subject = {}): void {
  if (!can(actor, action, subject)) throw forbidden()
}

export type DocumentAccess = 'write' | 'read' | 'none'

/**
 * What a person may do with a document's text, from their role in its body and the document's state.
 * - chairs and members write while the text is editable (draft, consultation), read afterwards;
 * - observers, the secretariat and chairs of the parent committee read;
 * - in consultation every signed-in person reads (and may comment); published documents are public.
 */
export function documentAccess(actor: Actor | null, document: DocumentSubject): DocumentAccess {
  if (document.state === 'published') return 'read'
  if (!actor) return 'none'
  if (isParticipant(actor, document.body)) return isEditable(document.state) ? 'write' : 'read'
  if (roleIn(actor, document.body) === 'observer' || actor.isSecretariat || chairs(actor, document.body)) return 'read'
  if (document.state === 'consultation') return 'read'
  return 'none'
}

/** Why a connection that may read is not allowed to write, for the UI to show. */
export function readOnlyReason(actor: Actor | null, document: DocumentSubject): 'frozen' | 'role' | null {
  if (documentAccess(actor, document) !== 'read') return null
  return actor && isParticipant(actor, document.body) ? 'frozen' : 'role'
}
