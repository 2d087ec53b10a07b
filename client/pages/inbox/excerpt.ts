/**
 * What a notification quotes. For mentions, replies and suggestions it is the person's own text, shown as
 * written. For a consensus call the server writes English ("<English title> · closes 2026-03-01"); the
 * title is already shown (in the chosen language) as the link, so only the closing date is kept, to be
 * shown in the chosen language. Anything that does not match is shown as it is.
 */
const CALL_OPENED = /^[\s\S]* · closes (\d{4}-\d{2}-\d{2})$/

export type Excerpt = { kind: 'text'; text: string } | { kind: 'closes'; date: string } | null

export function readExcerpt(n: { kind: string; excerpt: string }): Excerpt {
  if (!n.excerpt) return null
  const closes = n.kind === 'call_opened' ? CALL_OPENED.exec(n.excerpt) : null
  return closes ? { kind: 'closes', date: closes[1] } : { kind: 'text', text: n.excerpt }
}
