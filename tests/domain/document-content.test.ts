/** Rendering what clients wrote: only the editor's schema survives, hostile content is neutralised. */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { conformToSchema, docFromUpdate, replaceContent, stripSuggestions, toHTML, toMarkdown, toProsemirrorJSON, type PMNode } from '../../domain/document-content.ts'
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

describe('what a writer sends over the collab socket', () => {
  const paragraphOf = (insert: (t: Y.XmlText) => void) =>
    crafted((f) => {
      const p = new Y.XmlElement('paragraph')
      const t = new Y.XmlText()
      p.insert(0, [t])
      f.insert(0, [p])
      insert(t)
    })
  const marksOf = (json: PMNode) => json.content?.[0].content?.[0].marks

  it('keeps only the address of a link: no class, rel, target or title of the writer reaches the text or its HTML', async () => {
    const doc = paragraphOf((t) => t.insert(0, 'x', { link: { href: 'https://evil.example', class: 'dialog-positioner', rel: 'opener', target: '_self', title: 'https://hub.example/annex' } }))
    const json = toProsemirrorJSON(doc)
    expect(marksOf(json)).toEqual([{ type: 'link', attrs: { href: 'https://evil.example' } }])
    expect(await toHTML(json)).toBe('<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://evil.example">x</a></p>')
  })

  it('renders a stored link with foreign attributes (a version saved before they were dropped) without them', async () => {
    const stored: PMNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://a.example', class: 'dialog-positioner', rel: 'opener', target: '_self' } }] }] }] }
    expect(await toHTML(stored)).toBe('<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://a.example">x</a></p>')
  })

  it('drops a link to anything but http(s) or mailto, keeping its words', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', '/admin', '//evil.example', 'mailto:', 'vbscript:x']) {
      const json = toProsemirrorJSON(paragraphOf((t) => t.insert(0, 'words', { link: { href } })))
      expect(json.content?.[0].content).toEqual([{ type: 'text', text: 'words' }])
    }
  })

  it('keeps a code block\'s language only if it is a plain name, and renders no other as a class', async () => {
    const block = (language: string) =>
      crafted((f) => {
        const cb = new Y.XmlElement('codeBlock')
        cb.setAttribute('language', language)
        cb.insert(0, [new Y.XmlText('x')])
        f.insert(0, [cb])
      })
    const hostile = toProsemirrorJSON(block('x dialog-positioner'))
    expect(hostile.content?.[0].attrs?.language).toBeNull()
    expect(await toHTML(hostile)).toBe('<pre><code>x</code></pre>')
    expect(await toHTML({ type: 'doc', content: [{ type: 'codeBlock', attrs: { language: 'x dialog-positioner' }, content: [{ type: 'text', text: 'x' }] }] })).toBe('<pre><code>x</code></pre>')
    expect(await toHTML(toProsemirrorJSON(block('c++')))).toBe('<pre><code class="language-c++">x</code></pre>')
  })

  it('narrows node attributes to what their type declares and the hub renders: list start, heading level, cell spans and widths', () => {
    const element = (name: string, attrs: Record<string, unknown>, child: Y.XmlElement | Y.XmlText) => {
      const e = new Y.XmlElement(name)
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v as string)
      e.insert(0, [child])
      return e
    }
    const para = (text: string) => element('paragraph', {}, new Y.XmlText(text))
    const json = toProsemirrorJSON(
      crafted((f) =>
        f.insert(0, [
          element('orderedList', { start: 'NaN', onclick: 'x' }, element('listItem', {}, para('First'))),
          element('heading', { level: 9 }, new Y.XmlText('Title')),
          element('table', {}, element('tableRow', {}, element('tableCell', { colspan: 1e9, rowspan: -1, colwidth: ['1px;background:url(x)'] }, para('cell')))),
        ]),
      ),
    )
    const [list, heading, table] = json.content!
    expect(list.attrs).toEqual({ start: 1 })
    expect(heading.attrs).toEqual({ level: 1 })
    expect(table.content?.[0].content?.[0].attrs).toEqual({ colspan: 1, rowspan: 1, colwidth: null })
    expect(toMarkdown(json)).toMatch(/^1\. First\n\n# Title/)
    // What the editor itself writes is kept.
    const fine = toProsemirrorJSON(crafted((f) => f.insert(0, [element('orderedList', { start: 3 }, element('listItem', {}, para('Third'))), element('heading', { level: 2 }, new Y.XmlText('Sub'))])))
    expect(fine.content?.[0].attrs?.start).toBe(3)
    expect(fine.content?.[1].attrs?.level).toBe(2)
  })

  it('drops characters XML refuses (U+FFFE, U+FFFF, C0 controls, lone surrogates) from the text, keeping tab and line breaks', () => {
    const json = toProsemirrorJSON(paragraphOf((t) => t.insert(0, 'a\uFFFFb\uFFFEc\u0007d\te 😀')))
    expect(json.content?.[0].content).toEqual([{ type: 'text', text: 'abcd\te 😀' }])
    // Yjs's encoding already turns a lone surrogate into U+FFFD; a JSON given directly may still hold one.
    const direct = conformToSchema({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a\uD800b' }] }] })
    expect(direct.content?.[0].content).toEqual([{ type: 'text', text: 'ab' }])
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
