/**
 * The Tiptap extensions whose attributes a writer controls in a way that reaches a reader's page, narrowed
 * to what the hub means them to carry. They replace StarterKit's own in the one schema list (editor-extensions.ts), so the editor, version views, publications
 * and exports all render them alike.
 *
 * Nothing here has a `validate` rule: y-tiptap deletes a text from the shared document when building its
 * marks throws (see suggestion-extensions.ts). Unsafe values are left out when rendering instead, and
 * dropped from the text by the server's schema conformance (document-content.ts).
 */
import { mergeAttributes } from '@tiptap/core'
import CodeBlock from '@tiptap/extension-code-block'
import Link from '@tiptap/extension-link'
import { codeLanguage, safeHref } from './content-rules.ts'

/**
 * Only the address is an attribute. Link's own `class`, `rel`, `target` and `title` would be rendered as
 * a writer sent them (over the collab socket, any value): a class of the app's own CSS let a link cover
 * the whole window, `rel="opener"` handed the hub's window to the linked site. rel and target are fixed.
 */
export const DocumentLink = Link.extend({
  addAttributes() {
    return { href: { default: null, parseHTML: (element) => element.getAttribute('href') } }
  },
}).configure({
  openOnClick: false,
  autolink: true,
  protocols: ['mailto'],
  HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank', class: null },
  // Checked when rendering, pasting and auto-linking: an unsafe address is rendered as `href=""`.
  isAllowedUri: (url) => safeHref(url) !== null,
})

/** The language is part of a class name in HTML: a plain name, or none. */
export const DocumentCodeBlock = CodeBlock.extend({
  renderHTML({ node, HTMLAttributes }) {
    const language = codeLanguage(node.attrs.language)
    return ['pre', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), ['code', { class: language ? this.options.languageClassPrefix + language : null }, 0]]
  },
})

