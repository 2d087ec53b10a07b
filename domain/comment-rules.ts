/**
 * Who may do what with comments and suggestions. Anyone who may read a document may comment on it and
 * reply — observers too, and in consultation every signed-in person — until it is published or withdrawn.
 * Suggestions are proposed edits, so they are made while the text is editable. The author of a thread and
 * the body's chairs resolve and reopen it; editors accept suggestions; editors and the suggestion's author
 * reject them; authors and chairs delete comments.
 */
import { conflict, forbidden } from './errors.ts'
import { isEditable, type DocumentState } from './lifecycle.ts'
import { chairs, documentAccess, type Actor, type DocumentSubject } from './permissions.ts'

const CLOSED: readonly DocumentState[] = ['published', 'withdrawn']

export type CommentAction = 'comment' | 'suggest' | 'resolve' | 'accept' | 'reject' | 'delete'

/** Throws 403 (not allowed) or 409 (not in this state); the caller has already made sure the actor can read. */
export function assertCommentAction(
  action: CommentAction,
  actor: Actor,
  document: DocumentSubject,
  item: { authorId: string } | null = null,
): void {
  if (CLOSED.includes(document.state)) throw conflict('document_closed', `Comments are closed on a ${document.state} document.`)
  const reads = documentAccess(actor, document) !== 'none'
  const writes = documentAccess(actor, document) === 'write'
  const isAuthor = !!item && item.authorId === actor.userId
  const isChair = chairs(actor, document.body)
  switch (action) {
    case 'comment':
      if (!reads) throw forbidden()
      return
    case 'suggest':
      if (!reads) throw forbidden()
      if (!isEditable(document.state)) throw conflict('text_frozen', 'The text is frozen: suggestions are closed.')
      return
    case 'resolve':
      if (!isAuthor && !isChair) throw forbidden('Only the author of the thread and the chairs can resolve it.')
      return
    case 'accept':
      if (!isEditable(document.state)) throw conflict('text_frozen', 'The text is frozen: suggestions cannot be applied.')
      if (!writes) throw forbidden('Only editors can accept a suggestion.')
      return
    case 'reject':
      if (!writes && !isAuthor) throw forbidden('Only editors and the suggestion’s author can reject it.')
      return
    case 'delete':
      if (!isAuthor && !isChair) throw forbidden('Only the author and the chairs can delete a comment.')
      return
  }
}

export const MAX_COMMENT_CHARS = 10_000

/** `@[Display Name](userId)` tokens, as the editor's mention picker writes them. */
export function mentionedUserIds(body: string): string[] {
  return [...new Set([...body.matchAll(/@\[[^\]\n]{1,120}\]\(([a-z0-9]{1,64})\)/g)].map((m) => m[1]))]
}
