/**
 * The signed-in person as the permission rules of domain/ take them (an `Actor`), and a document's body as
 * a `BodySubject`, so the app asks the very rules the server applies (chairs(), transitionRoles()) instead
 * of restating them. The server decides again on every request; this only keeps controls that would fail
 * out of sight.
 */
import type { Actor, BodySubject } from '../../domain/permissions.ts'
import type { DocumentDetail, Me } from '../http/types.ts'

export function actorOf(me: Me): Actor {
  return { userId: me.user.id, isSecretariat: me.user.isSecretariat, roles: new Map(me.memberships.map((m) => [m.bodyId, m.role])) }
}

export function bodySubjectOf(body: DocumentDetail['body']): BodySubject {
  return { id: body.id, parentId: body.parentId, parentKind: body.parentKind, archived: body.archivedAt !== null }
}
