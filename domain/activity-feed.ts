/**
 * What the home page's activity feed may show of an audit event. Every member and observer of a body reads
 * the feed, while the audit record keeps the whole event (invitees' e-mail addresses, reasons, user ids)
 * for the secretariat's audit log. The feed carries only the facts its sentences name
 * (client/pages/activity-i18n.ts: the state or role moved to and from, the finding, the stance, a version
 * number, who someone acted as); tests/client/server-texts.test.ts keeps the two lists in step.
 */
export const FEED_FACTS = ['to', 'from', 'finding', 'stance', 'number', 'as'] as const

export function feedFacts(data: Record<string, unknown>): Record<string, unknown> {
  const facts: Record<string, unknown> = {}
  for (const key of FEED_FACTS) if (key in data) facts[key] = data[key]
  return facts
}
