/**
 * Links in the editor, with the hub's own Link extension (domain/hardened-extensions.ts): what people type
 * or paste still becomes a link (a bare domain, an e-mail address, a full address), with the address
 * Tiptap builds; nothing else does, and a mark whose address is not itself safe renders with none.
 */
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { documentExtensions } from '../../domain/editor-extensions.ts'

let editor: Editor | null = null
afterEach(() => editor?.destroy())

const typed = (text: string) => {
  editor = new Editor({ element: document.createElement('div'), extensions: documentExtensions() })
  // Typed one character at a time, as autolink reacts to the space after a word.
  for (const ch of text) editor.commands.insertContent(ch)
  const links: string[] = []
  editor.state.doc.descendants((node) => {
    for (const m of node.marks) if (m.type.name === 'link') links.push(m.attrs.href as string)
  })
  return links
}

describe('autolink', () => {
  it('links a bare domain, an e-mail address and a full address as people type them', () => {
    expect(typed('see www.example.org ')).toEqual(['http://www.example.org'])
    expect(typed('write to someone@example.org ')).toEqual(['mailto:someone@example.org'])
    expect(typed('read https://example.org/annex ')).toEqual(['https://example.org/annex'])
  })

  it('links nothing that is no web or mail address', () => {
    expect(typed('run javascript:alert(1) now ')).toEqual([])
    expect(typed('just words here ')).toEqual([])
  })
})

describe('rendering a link mark', () => {
  it('keeps a safe address and empties any other, whatever made the mark', () => {
    editor = new Editor({ element: document.createElement('div'), extensions: documentExtensions() })
    const link = (href: string) => ({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }] })
    editor.commands.setContent({ type: 'doc', content: [link('https://example.org'), link('www.example.org'), link('javascript:alert(1)')] })
    const hrefs = [...editor.view.dom.querySelectorAll('a')].map((a) => a.getAttribute('href'))
    expect(hrefs).toEqual(['https://example.org', '', ''])
  })
})
