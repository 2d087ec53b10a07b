/**
 * Mentions in comment text (the token format is domain/mentions.ts). Parsing yields plain text and mention
 * parts, so a comment is always rendered as text nodes, never as HTML.
 */
import { MENTION, mentionToken } from '../../../domain/mentions.ts'

export type MentionPart = { type: 'text'; text: string } | { type: 'mention'; name: string; userId: string }

export function parseMentions(body: string): MentionPart[] {
  const parts: MentionPart[] = []
  let last = 0
  for (const m of body.matchAll(MENTION)) {
    if (m.index > last) parts.push({ type: 'text', text: body.slice(last, m.index) })
    parts.push({ type: 'mention', name: m[1]!, userId: m[2]! })
    last = m.index + m[0].length
  }
  if (last < body.length) parts.push({ type: 'text', text: body.slice(last) })
  return parts
}

/** The `@query` being typed just before the caret, if any (start index and query text). */
export function activeMentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret)
  const m = /(^|\s)@([^\s@[\]()]{0,40})$/.exec(before)
  if (!m) return null
  return { start: caret - m[2]!.length - 1, query: m[2]! }
}

/** Replaces the `@query` at `start` with the mention token; returns the new text and caret. */
export function insertMention(text: string, start: number, caret: number, name: string, userId: string): { text: string; caret: number } {
  const token = mentionToken(name, userId) + ' '
  return { text: text.slice(0, start) + token + text.slice(caret), caret: start + token.length }
}
