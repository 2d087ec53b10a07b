/** Rendering what clients wrote: only the editor's schema survives, hostile content is neutralised. */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { docFromUpdate, replaceContent, stripSuggestions, toHTML, toMarkdown, toProsemirrorJSON } from '../../domain/document-content.ts'
import { diffBlocks } from '../../domain/version-diff.ts'

function crafted(build: (fragment: Y.XmlFragment) => void): Y.Doc {
  const doc = new Y.Doc()
  build(doc.getXmlFragment('default'))
  return docFromUpdate(Y.encodeStateAsUpdate(doc))
}

describe('server-side rendering', () => {
  it('strips comment and suggestion marks and unknown elements from the published text, keeping their text', async () => {
    const doc = crafted((f) => {
      const p = new Y.XmlElement('paragraph')
      const t = new Y.XmlText()
      t.insert(0, 'reviewed ', { comment: { threadId: 'abc' } })
      t.insert(9, 'bold', { bold: {} })
      t.insert(13, ' suggested', { insertion: { id: 1 }, deletion: { id: 2 } })
      p.insert(0, [t])
      const rogue = new Y.XmlElement('iframe')
      rogue.setAttribute('src', 'https://evil.example')
      rogue.insert(0, [new Y.XmlText('inside rogue')])
      f.insert(0, [p, rogue])
    })
    // Suggestion marks are in the schema now (tracked changes): the published rendering drops them. Of the
    // two that exclude each other here the later (a deletion) wins, and a rejected deletion keeps its text.
    const html = await toHTML(stripSuggestions(toProsemirrorJSON(doc)))
    expect(html).toContain('reviewed <strong>bold</strong> suggested')
    expect(html).not.toMatch(/comment|threadId|insertion|deletion|iframe|evil/)
    expect(html).toContain('inside rogue')
  })

  it('escapes text and refuses javascript: links', async () => {
    const doc = crafted((f) => {
      const p = new Y.XmlElement('paragraph')
      const t = new Y.XmlText()
      t.insert(0, '<script>alert(1)</script>')
      t.insert(25, 'click', { link: { href: 'javascript:alert(2)' } })
      p.insert(0, [t])
      f.insert(0, [p])
    })
    const html = await toHTML(toProsemirrorJSON(doc))
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('javascript:')
  })

  it('replaces content as a forward edit that round-trips through Markdown', () => {
    const doc = new Y.Doc()
    replaceContent(doc, { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Scope 范围' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }] })
    expect(toMarkdown(toProsemirrorJSON(doc))).toBe('## Scope 范围\n\nText.')
  })
})

describe('version compare', () => {
  it('aligns blocks and compares words, Chinese included', () => {
    const rows = diffBlocks(['同一段落', '数据应当安全流动', 'Removed block'], ['同一段落', '数据应当自由流动', 'New block'])
    expect(rows.map((r) => r.kind)).toEqual(['same', 'changed', 'changed'])
    expect(rows[1].left.filter((s) => s.op === 'del').map((s) => s.text).join('')).toContain('安全')
    expect(rows[1].right.filter((s) => s.op === 'ins').map((s) => s.text).join('')).toContain('自由')
  })
})
