/**
 * Mentions in comment text: `@[Display Name](userId)`, as the web app's picker writes them. The token
 * format lives here once: the server reads it (who to notify, which name to show) and the client writes
 * and renders it (client/pages/document/mentions.ts).
 */

/** One mention token; group 1 is the name as written, group 2 the person's id. */
export const MENTION = /@\[([^\]\n]{1,120})\]\(([a-z0-9]{1,64})\)/g

/** A token for this person; brackets and line breaks in the name become spaces, so the token ends where it should. */
export function mentionToken(name: string, userId: string): string {
  return `@[${name.replace(/[[\]\n]/g, ' ').slice(0, 120)}](${userId})`
}

/** Text in which nothing can start a mention: `@[` is written `@ [`. */
const asPlainText = (text: string) => text.replaceAll('@[', '@ [')

export function mentionedUserIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[2]!))]
}

/**
 * The text with every mention naming the person it points to. The name in a token is whatever the
 * writer's client sent, so `@[Secretariat](someone-else)` would show one person and notify another: the
 * server writes each token again with the person's own name, and a token for nobody becomes plain text.
 * Everything between the tokens is written so that it cannot start one (`@[` → `@ [`): otherwise a token
 * for nobody turned into text, or a true name shorter than the one sent, could join the text around it
 * into a new token that no lookup checked (`@[x@[Secretariat](nobody)](victim)`).
 */
export function withTrueMentionNames(body: string, names: ReadonlyMap<string, string>): string {
  let out = ''
  let text = ''
  let last = 0
  for (const m of body.matchAll(MENTION)) {
    text += body.slice(last, m.index)
    last = m.index + m[0].length
    const name = names.get(m[2]!)
    if (name === undefined) text += `@${m[1]}`
    else {
      out += asPlainText(text) + mentionToken(name, m[2]!)
      text = ''
    }
  }
  return out + asPlainText(text + body.slice(last))
}
