/**
 * Mentions in comment text: `@[Display Name](userId)`, as the web app's picker writes them. The token
 * format lives here once: the server reads it (who to notify, which name to show) and the client writes
 * and renders it (client/pages/document/mentions.ts).
 */

/** One mention token; group 1 is the name as written, group 2 the person's id. */
export const MENTION = /@\[([^\]\n]{1,120})\]\(([a-z0-9]{1,64})\)/g

export function mentionToken(name: string, userId: string): string {
  return `@[${name.replace(/[\]\n]/g, ' ').slice(0, 120)}](${userId})`
}

export function mentionedUserIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[2]!))]
}

/**
 * The text with every mention naming the person it points to. The name in a token is whatever the
 * writer's client sent, so `@[Secretariat](someone-else)` would show one person and notify another: the
 * server writes each token again with the person's own name, and a token for nobody becomes plain text.
 */
export function withTrueMentionNames(body: string, names: ReadonlyMap<string, string>): string {
  return body.replace(MENTION, (_token, written: string, userId: string) => {
    const name = names.get(userId)
    return name === undefined ? `@${written}` : mentionToken(name, userId)
  })
}
