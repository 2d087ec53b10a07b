/**
 * What a document may hold, whoever wrote it. The collab socket takes any Yjs update a member sends, so an
 * attribute or a character the editor would never produce can still arrive; these rules are what the
 * server's schema conformance (document-content.ts), the editor's extensions, the Markdown rendering and
 * the DOCX builder all check against, so each is decided once.
 */

/**
 * A link target people may follow: http(s) or a mailto address, the two the link dialog offers (its
 * check, client/forms/validate.ts, is this one). Anything else (`javascript:`, `data:`, a relative path
 * that would resolve inside the hub) is no link. The address is returned as written, trimmed.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null
  const s = href.trim()
  if (!s || hasControlCharacters(s)) return null
  if (/^mailto:[^\s@]+@[^\s@]+$/i.test(s)) return s
  try {
    const url = new URL(s)
    return url.protocol === 'https:' || url.protocol === 'http:' ? s : null
  } catch {
    return null
  }
}

/**
 * A code block's language becomes part of a class name in HTML (`language-…`) and the info string of a
 * Markdown fence, so only a plain language name survives (js, c++, c#, objective-c…).
 */
export function codeLanguage(language: unknown): string | null {
  return typeof language === 'string' && /^[a-z0-9+#-]{1,30}$/i.test(language) ? language : null
}

const declaredOnly = (attrs: Record<string, unknown>, declared: readonly string[]) => Object.fromEntries(Object.entries(attrs).filter(([name]) => declared.includes(name)))

/**
 * A mark's attributes as its type declares them (`declared`). A link keeps only a safe address; without
 * one it is no link (null: the mark goes, its words stay).
 */
export function narrowMarkAttrs(type: string, attrs: Record<string, unknown> | undefined, declared: readonly string[]): Record<string, unknown> | undefined | null {
  if (type === 'link') {
    const href = safeHref(attrs?.href)
    return href ? { href } : null
  }
  return attrs && declaredOnly(attrs, declared)
}

const whole = (v: unknown, min: number, max: number): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : null)

/**
 * A node's attributes as its type declares them (`declared`), each within what the hub renders. A crafted
 * update can send anything: an attribute no extension knows, a list starting at "NaN" (written as `NaN.` in
 * the Markdown), a heading of level 9, a cell spanning a million columns, widths that are not numbers;
 * each would reach the HTML, Markdown or DOCX as it came.
 */
export function narrowNodeAttrs(type: string, attrs: Record<string, unknown>, declared: readonly string[]): Record<string, unknown> {
  const kept = declaredOnly(attrs, declared)
  switch (type) {
    case 'codeBlock':
      return { ...kept, language: codeLanguage(kept.language) }
    case 'orderedList':
      return { ...kept, start: whole(kept.start, 0, 999_999_999) ?? 1 }
    case 'heading':
      return { ...kept, level: whole(kept.level, 1, 6) ?? 1 }
    case 'tableCell':
    case 'tableHeader': {
      const widths = kept.colwidth
      const colwidth = Array.isArray(widths) && widths.length <= 1000 && widths.every((w) => whole(w, 1, 10_000) !== null) ? widths : null
      return { ...kept, colspan: whole(kept.colspan, 1, 1000) ?? 1, rowspan: whole(kept.rowspan, 1, 1000) ?? 1, colwidth }
    }
    default:
      return kept
  }
}

/**
 * Characters XML 1.0 refuses (C0 controls but tab and line breaks, U+FFFE, U+FFFF, lone surrogates): a
 * DOCX holding one does not open, and none of them is text anyone meant to write.
 */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

export function withoutXmlInvalid(text: string): string {
  return text.replace(XML_INVALID, '')
}

/** Characters no title, name or address may hold: those XML refuses, and DEL. */
export function hasControlCharacters(text: string): boolean {
  return text.search(XML_INVALID) !== -1 || text.includes('\u007F')
}
