/**
 * The published Markdown (certified by its sha256, opened in whatever renderer a reader has): nothing a
 * writer typed or sent may become markup. The texts are given to toMarkdown as stored, without the
 * schema conformance, as a version saved before it narrowed links would be.
 */
import { describe, expect, it } from 'vitest'
import { toMarkdown, type PMNode } from '../../domain/document-content.ts'

const doc = (...content: PMNode[]): PMNode => ({ type: 'doc', content })
const paragraph = (...content: PMNode[]): PMNode => ({ type: 'paragraph', content })
const text = (t: string, ...marks: NonNullable<PMNode['marks']>): PMNode => ({ type: 'text', text: t, ...(marks.length ? { marks } : {}) })
const link = (attrs: Record<string, unknown>) => ({ type: 'link', attrs })
const cell = (t: PMNode): PMNode => ({ type: 'tableCell', attrs: { colspan: 1, rowspan: 1 }, content: [paragraph(t)] })

describe('links in the Markdown export', () => {
  it('writes a javascript: or data: link as its words only', () => {
    expect(toMarkdown(doc(paragraph(text('Read the annex', link({ href: 'javascript:alert(document.domain)' })))))).toBe('Read the annex')
    expect(toMarkdown(doc(paragraph(text('annex', link({ href: 'data:text/html;base64,PHNjcmlwdD4=' })))))).toBe('annex')
  })

  it('percent-encodes what would end the address, so it stays one link to the same place', () => {
    const md = toMarkdown(doc(paragraph(text('annex', link({ href: 'https://a.example/) <img src=x onerror=alert(1)> [x](https://b.example' })))))
    expect(md).toBe('[annex](https://a.example/%29%20%3Cimg%20src=x%20onerror=alert%281%29%3E%20[x]%28https://b.example)')
  })

  it('writes no title, so a quote in one cannot end the link', () => {
    const md = toMarkdown(doc(paragraph(text('annex', link({ href: 'https://a.example/', title: 'x") <script>alert(1)</script> ("' })))))
    expect(md).toBe('[annex](https://a.example/)')
  })

  it('keeps an http, https or mailto link', () => {
    const md = toMarkdown(doc(paragraph(text('write', link({ href: 'mailto:chair@example.org' })), text(' or '), text('read', link({ href: 'https://example.org/a?b=1' })))))
    expect(md).toBe('[write](mailto:chair@example.org) or [read](https://example.org/a?b=1)')
  })
})

describe('code in the Markdown export', () => {
  it('fences a code block with more backticks than its text holds, so a fence inside does not end it', () => {
    const md = toMarkdown(doc({ type: 'codeBlock', content: [text('a\n```\n<script>alert(1)</script>\n```\nb')] }))
    expect(md).toBe('````\na\n```\n<script>alert(1)</script>\n```\nb\n````')
  })

  it('fences inline code with more backticks than its text holds', () => {
    const md = toMarkdown(doc(paragraph(text('see '), text('x` <img src=x onerror=alert(1)> `y', { type: 'code' }))))
    expect(md).toBe('see ``x` <img src=x onerror=alert(1)> `y``')
  })

  it('pads inline code that starts or ends with a backtick', () => {
    expect(toMarkdown(doc(paragraph(text('`', { type: 'code' }))))).toBe('`` ` ``')
  })

  it('writes a language only if it is a plain name', () => {
    expect(toMarkdown(doc({ type: 'codeBlock', attrs: { language: 'js\n<script>alert(1)</script>' }, content: [text('x')] }))).toBe('```\nx\n```')
    expect(toMarkdown(doc({ type: 'codeBlock', attrs: { language: 'c++' }, content: [text('x')] }))).toBe('```c++\nx\n```')
  })
})

describe('text in the Markdown export', () => {
  it('escapes raw HTML, so a renderer shows it as text', () => {
    const md = toMarkdown(doc(paragraph(text('<img src=x onerror=alert(1)> and <script>alert(2)</script>'))))
    expect(md).toBe('&lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;alert(2)&lt;/script&gt;')
  })

  it('escapes a pipe in a table cell, in text and in code', () => {
    const md = toMarkdown(doc({ type: 'table', content: [{ type: 'tableRow', content: [cell(text('a|b')), cell(text('c|d', { type: 'code' }))] }] }))
    expect(md).toContain('| a\\|b | `c\\|d` |')
  })

  it('writes code holding a backslash before a pipe in a cell as escaped text (no code span can hold it there)', () => {
    const md = toMarkdown(doc({ type: 'table', content: [{ type: 'tableRow', content: [cell(text('\\|<img src=x onerror=alert(1)>', { type: 'code' }))] }] }))
    expect(md).toContain('| \\\\\\|&lt;img src=x onerror=alert(1)&gt; |')
  })
})

describe('paragraph text that looks like another block', () => {
  it('stays a paragraph: no heading, list, setext underline or code block comes out of text', () => {
    const md = (t: string) => toMarkdown(doc(paragraph(text(t))))
    expect(md('# 2026 plan')).toBe('\\# 2026 plan')
    expect(md('1. Scope')).toBe('1\\. Scope')
    expect(md('12) Scope')).toBe('12\\) Scope')
    expect(md('- not a list')).toBe('\\- not a list')
    expect(md('+ not a list')).toBe('\\+ not a list')
    expect(md('=====')).toBe('\\=====')
    expect(md('    four spaces')).toBe('&#32;   four spaces')
    expect(md('\tindented')).toBe('&#9;indented')
    expect(md('---')).toBe('\\---')
    // Ordinary text is left as it was, at the start of a line too.
    expect(md('In 2026. The plan - in short # not at the start')).toBe('In 2026. The plan - in short # not at the start')
    for (const t of ['-5 °C at night', '2.5 kg', '+49 30 1234', '#hashtag', '=x', '-- note']) expect(md(t)).toBe(t)
  })

  it('also after a line break inside the paragraph', () => {
    const md = toMarkdown(doc(paragraph(text('Clauses:'), { type: 'hardBreak' }, text('1. Scope'), { type: 'hardBreak' }, text('# Title'))))
    expect(md).not.toMatch(/^1\. /m)
    expect(md).not.toMatch(/^# /m)
    expect(md).toContain('1\\. Scope')
    expect(md).toContain('\\# Title')
  })

  it('writes lines that would make a table as text: the delimiter row loses its pipes', () => {
    const md = toMarkdown(doc(paragraph(text('Name | Value'), { type: 'hardBreak' }, text('---|---'), { type: 'hardBreak' }, text('a | b'))))
    expect(md).toContain('---\\|---')
    expect(md).not.toMatch(/^---\|---$/m)
  })

  it('keeps a heading\'s own closing hashes: "Using C #" stays "Using C #"', () => {
    expect(toMarkdown(doc({ type: 'heading', attrs: { level: 2 }, content: [text('Using C #')] }))).toBe('## Using C \\#')
  })

  it('keeps real headings and lists as they are', () => {
    const md = toMarkdown(doc({ type: 'heading', attrs: { level: 2 }, content: [text('Scope')] }, { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [paragraph(text('First'))] }] }))
    expect(md).toBe('## Scope\n\n1. First')
  })
})
