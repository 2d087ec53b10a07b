/**
 * Who may do what with comments and suggestions. Anyone who may read a document may comment on it and
 * reply — observers too, and in consultation every signed-in person — until it is published or withdrawn.
 * Suggestions are proposed edits, so they are made while the text is editable. The author of a thread and
 * the body's chairs resolve and reopen it; editors accept suggestions; editors and the suggestion's author
 * reject them; authors and chairs delete comments.
 */
import { badRequest, conflict, forbidden } from './errors.ts'
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

/**
 * Hostile text in a comment, a reply or a suggestion's proposal is refused (400 hostile_content) and
 * nothing is stored. Hostile means: a control character other than tab and newline (C0, DEL, C1: they
 * hide or reorder text and break exports), or HTML that runs code wherever the text is ever rendered as
 * HTML (an e-mail digest, an export, another tool): script, iframe, object and embed tags, an event-handler
 * attribute inside a tag (`<img onerror=…>`), a `javascript:` URL. Ordinary text with < and > is welcome
 * (reviews quote markup: `a < b`, `<em>` in prose), and the hub always shows comments as text.
 *
 * Character references are decoded before looking (`&#106;avascript:` is javascript:), and tabs and
 * newlines inside a word are ignored, as browsers ignore them inside a URL's scheme. A `javascript:` that
 * reads as prose ("JavaScript: the good parts", followed by a space and not an attribute's value) is not a
 * URL and stays.
 */
/** C0 but tab and newline (a CR is allowed only as part of a CRLF line break), DEL, C1. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/
const ACTIVE_TAG = /<\/?(?:script|iframe|object|embed)(?![a-z0-9-])/i
const EVENT_HANDLER = /<[a-z][^<>]*[\s"'/]on[a-z]+\s*=/i
/** A scheme run into its code (`javascript:alert(1)`), or one in an attribute even when spaced (`href= "javascript: …"`). */
const SCRIPT_URL = /javascript:(?!\s)|=\s*["'`]?\s*javascript:/i

const decodeReferences = (text: string) =>
  text
    .replace(/&#x([0-9a-f]{1,6});?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
    .replace(/&#([0-9]{1,7});?/g, (_, dec: string) => String.fromCodePoint(Math.min(parseInt(dec, 10), 0x10ffff)))
    .replace(/&colon;/gi, ':')
    .replace(/&(?:tab|newline);/gi, '')

export type HostileReason = 'control_character' | 'active_html' | 'script_url'

/** Why a text is hostile, or null when it is fine to store. */
export function hostileReason(text: string): HostileReason | null {
  if (CONTROL.test(text)) return 'control_character'
  const seen = decodeReferences(text)
  if (ACTIVE_TAG.test(seen) || EVENT_HANDLER.test(seen)) return 'active_html'
  // Inside a scheme, browsers drop tabs and newlines: "java\tscript:" is javascript:.
  if (SCRIPT_URL.test(seen.replace(/(?<=[a-z])[\t\n]+(?=[a-z:])/gi, ''))) return 'script_url'
  return null
}

const HOSTILE_MESSAGES: Record<HostileReason, string> = {
  control_character: 'contains a control character (only tabs and line breaks are allowed).',
  active_html: 'contains HTML that runs code (a script, iframe, object or embed tag, or an event handler). Describe the markup in words instead.',
  script_url: 'contains a javascript: link.',
}

/** Throws 400 hostile_content naming the field and why. */
export function assertNotHostile(field: string, text: string): void {
  const reason = hostileReason(text)
  if (reason) throw badRequest('hostile_content', `${field}: ${HOSTILE_MESSAGES[reason]}`)
}

