/**
 * The Tiptap extensions whose attributes or text a writer controls in a way that reaches a reader's page
 * or the published Markdown, narrowed to what the hub means them to carry. They replace StarterKit's and
 * Table's own in the one schema list (editor-extensions.ts), so the editor, version views, publications
 * and exports all render them alike.
 *
 * Nothing here has a `validate` rule: y-tiptap deletes a text from the shared document when building its
 * marks throws (see suggestion-extensions.ts). Unsafe values are left out when rendering instead, and
 * dropped from the text by the server's schema conformance (document-content.ts).
 */
import { mergeAttributes, type JSONContent } from '@tiptap/core'
import Code from '@tiptap/extension-code'
import CodeBlock from '@tiptap/extension-code-block'
import Heading from '@tiptap/extension-heading'
import Link from '@tiptap/extension-link'
import Paragraph from '@tiptap/extension-paragraph'
import { renderTableToMarkdown, Table } from '@tiptap/extension-table'
import { find } from 'linkifyjs'
import { codeLanguage, safeHref } from './content-rules.ts'
import { escapeBlockStarts, escapeCellPipes, escapeClosingHashes, fencedCode, markdownDestination } from './markdown-syntax.ts'

/**
 * Whether a link may be made from `url` (Link asks with the text typed or pasted, not the address it then
 * builds): a safe address as written, or text linkify reads whole as a link whose address as built is
 * safe, so "www.example.org" (→ http://) and an e-mail address (→ mailto:) still become links.
 */
function linkable(url: string): boolean {
  if (safeHref(url) !== null) return true
  const whole = find(url).find((l) => l.isLink && l.value === url)
  return whole !== undefined && safeHref(whole.href) !== null
}

/**
 * Only the address is an attribute. Link's own `class`, `rel`, `target` and `title` would be rendered as
 * a writer sent them (over the collab socket, any value): a class of the app's own CSS let a link cover
 * the whole window, `rel="opener"` handed the hub's window to the linked site. rel and target are fixed.
 */
export const DocumentLink = Link.extend({
  addAttributes() {
    return { href: { default: null, parseHTML: (element) => element.getAttribute('href') } }
  },
  // Rendered with the strict rule: a mark whose address is not itself safe (a bare domain sent over the
  // socket would be a path inside the hub) gets href="".
  renderHTML({ HTMLAttributes }) {
    return ['a', mergeAttributes(this.options.HTMLAttributes, { ...HTMLAttributes, href: safeHref(HTMLAttributes.href) ?? '' }), 0]
  },
  renderMarkdown: (node, h) => {
    const text = h.renderChildren(node)
    const destination = markdownDestination(node.attrs?.href)
    // A target that is no safe link leaves its words, as plain text.
    return destination ? `[${text}](${destination})` : text
  },
}).configure({
  openOnClick: false,
  autolink: true,
  protocols: ['mailto'],
  HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank', class: null },
  // Checked when pasting, auto-linking and setting a link (rendering uses safeHref itself, above).
  isAllowedUri: linkable,
})

/**
 * Inline code in Markdown needs a fence longer than the backticks in its text, which a mark's renderer
 * cannot see: toMarkdown gives each code run its delimiters first (withCodeFences in markdown-syntax.ts).
 */
export const DocumentCode = Code.extend({
  renderMarkdown: (node, h) => {
    if (!node.content) return ''
    const open = typeof node.attrs?.open === 'string' ? node.attrs.open : '`'
    const close = typeof node.attrs?.close === 'string' ? node.attrs.close : '`'
    return open + h.renderChildren(node.content) + close
  },
})

/** The language is a class name in HTML and a fence's info string in Markdown: a plain name, or none. */
export const DocumentCodeBlock = CodeBlock.extend({
  renderHTML({ node, HTMLAttributes }) {
    const language = codeLanguage(node.attrs.language)
    return ['pre', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), ['code', { class: language ? this.options.languageClassPrefix + language : null }, 0]]
  },
  renderMarkdown: (node) => fencedCode((node.content ?? []).map((t: JSONContent) => t.text ?? '').join(''), codeLanguage(node.attrs?.language)),
})

/** Text that starts a line like a heading, a list or a code block stays text (escapeBlockStarts). */
const paragraphMarkdown = Paragraph.config.renderMarkdown!
export const DocumentParagraph = Paragraph.extend({
  renderMarkdown: (node, h, ctx) => escapeBlockStarts(paragraphMarkdown(node, h, ctx)),
})

/** A heading ending in " #" keeps it (escapeClosingHashes). */
const headingMarkdown = Heading.config.renderMarkdown!
export const DocumentHeading = Heading.extend({
  renderMarkdown: (node, h, ctx) => escapeClosingHashes(headingMarkdown(node, h, ctx)),
})

/** A `|` in a cell would end the cell: the library's table writer, with each cell's pipes escaped. */
export const DocumentTable = Table.extend({
  renderMarkdown: (node, h) => renderTableToMarkdown(node, { ...h, renderChildren: (nodes, separator) => escapeCellPipes(h.renderChildren(nodes, separator)) }),
})
