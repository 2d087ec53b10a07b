/**
 * What a notification quotes. For mentions, replies and suggestions it is the person's own text, shown as
 * written. A consensus call's notification carries its closing date as data (`closesAt`), shown in the
 * chosen language; its excerpt is English the hub wrote (the title, already shown as the link in the
 * chosen language) and is never shown or read.
 */
import type { Notification } from '../document/workflow-types.ts'

export type Excerpt = { kind: 'text'; text: string } | { kind: 'closes'; at: string } | null

export function readExcerpt(n: Pick<Notification, 'kind' | 'excerpt' | 'closesAt'>): Excerpt {
  if (n.kind === 'call_opened') return n.closesAt ? { kind: 'closes', at: n.closesAt } : null
  return n.excerpt ? { kind: 'text', text: n.excerpt } : null
}
