/**
 * The Markdown syntax our export writes where a writer's text or attributes meet Markdown's delimiters.
 * The published Markdown is certified (its sha256 is on the record) and read by whatever renderer a
 * reader has, so nothing a writer typed may end a construct early: a `)` or a space in an address, a
 * backtick in code, a `|` in a table cell. Text outside code is already escaped by @tiptap/markdown
 * (`<`, `>`, `&` as entities; `\`, `` ` ``, `*`, `_`, `[`, `]`, `~` with a backslash).
 */
import type { PMNode } from './document-content.ts'
import { safeHref } from './content-rules.ts'

/**
 * A link's destination with every character that could end it or start something else (space, `<`, `>`,
 * parentheses, quotes, backslash, backtick) percent-encoded, so it reads as the same address. A target
 * that is no safe link (see safeHref) gives `null`: its text is written as plain text.
 */
export function markdownDestination(href: unknown): string | null {
  const safe = safeHref(href)
  return safe && safe.replace(/[\s<>()"'\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/**
 * A paragraph's Markdown with each line's start escaped where Markdown would read another block, and only
 * there: `#`–`######` then a space (a heading), `-`, `+` or `1.`/`1)` then a space (a list), a line of only
 * `=` or `-` (a setext underline or a rule), a table's delimiter row (`---|---`), four spaces or a tab (a
 * code block). @tiptap/markdown escapes inline delimiters but not these, so a pasted "1. Scope" or
 * "# 2026 plan" kept as text came out as a list or a heading in the certified Markdown. "-5 °C", "2.5 kg",
 * "+49 30…" or "#hashtag" start no block and are left as written. A backslash before ASCII punctuation
 * and a character reference (`&#32;`, `&#9;`) read back as the character itself.
 */
export function escapeBlockStarts(markdown: string): string {
  return markdown
    .replace(/^ {4,}/gm, (spaces) => `&#32;${spaces.slice(1)}`)
    .replace(/^( {0,3})\t/gm, '$1&#9;')
    .replace(/^( {0,3})(#{1,6}|[-+]|\d{1,9}[.)])(?=[ \t]|$)/gm, (_line, indent: string, marker: string) => `${indent}${marker.replace(/[#+\-.)]$/, '\\$&')}`)
    .replace(/^( {0,3})([=-])(?=[=\- \t]*$)/gm, '$1\\$2')
    .replace(/^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/gm, (row) => row.replaceAll('|', '\\|'))
}

/** A heading's Markdown with a trailing run of `#` escaped: "Using C #" would lose it as a closing sequence. */
export function escapeClosingHashes(markdown: string): string {
  return markdown.replace(/([ \t])(#+)([ \t]*)$/, '$1\\$2$3')
}

/** A run of backticks longer than any in `text`, at least `min` long: a code span or fence it cannot close. */
export function backtickFence(text: string, min: number): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  return '`'.repeat(Math.max(min, longest + 1))
}

/**
 * A code block: fenced by more backticks than its text holds, with its language only if it is a plain
 * name (an info string is the rest of the fence line).
 */
export function fencedCode(text: string, language: string | null): string {
  const fence = backtickFence(text, 3)
  return `${fence}${language ?? ''}\n${text}\n${fence}`
}

/**
 * The delimiters of inline code, the way CommonMark reads it back: a fence longer than any backtick run
 * in the text, and a space inside it when the text starts or ends with a backtick or a space (one space
 * each side is stripped again).
 */
export function inlineCodeDelimiters(text: string): { open: string; close: string } {
  const fence = backtickFence(text, 1)
  const pad = /^[ `]|[ `]$/.test(text) ? ' ' : ''
  return { open: fence + pad, close: pad + fence }
}

/**
 * @tiptap/markdown shows a mark's renderer only the mark's attributes, never its text, so a code mark
 * could not choose its fence. Each run of code text is given its delimiters (`attrs.open`, `attrs.close`,
 * for the Code extension's renderMarkdown) here, before serialising. Code in a table cell holding a backslash before
 * a pipe cannot be written at all (GFM splits the cell there and the rest would be read as raw HTML), so
 * there it loses its code mark and is written as escaped text.
 */
export function withCodeFences(node: PMNode, inCell = false): PMNode {
  if (!node.content) return node
  const cell = inCell || node.type === 'tableCell' || node.type === 'tableHeader'
  const isCode = (n: PMNode | undefined) => n?.type === 'text' && !!n.marks?.some((m) => m.type === 'code')
  const content: PMNode[] = []
  for (let i = 0; i < node.content.length; ) {
    if (!isCode(node.content[i])) {
      content.push(withCodeFences(node.content[i], cell))
      i++
      continue
    }
    // Adjacent code texts form one span: they share one fence, long enough for the whole run.
    let end = i
    while (isCode(node.content[end])) end++
    const run = node.content.slice(i, end)
    const text = run.map((n) => n.text ?? '').join('')
    const unwritable = cell && /\\\|/.test(text)
    const codeMark = { type: 'code', attrs: inlineCodeDelimiters(text) }
    for (const n of run) {
      const others = (n.marks ?? []).filter((m) => m.type !== 'code')
      const marks = unwritable ? others : [...others, codeMark]
      content.push({ ...n, marks })
    }
    i = end
  }
  return { ...node, content }
}

/** A table cell's Markdown on one row: its pipes escaped (GFM unescapes `\|` in code spans too). */
export function escapeCellPipes(cell: string): string {
  return cell.replace(/\|/g, '\\|')
}
