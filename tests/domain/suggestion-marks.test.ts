/**
 * Tracked changes on the server: the marks survive the stored Yjs document → ProseMirror JSON → HTML path
 * with their author and time, are listed in document order, and the published text strips them (an
 * unaccepted suggestion is dropped: inserted text removed, deleted text kept).
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { docFromUpdate, replaceContent, stripSuggestions, toHTML, toMarkdown, toPlainText, toProsemirrorJSON, type PMNode } from '../../domain/document-content.ts'
import { hasSuggestionMarks, trackedSuggestions } from '../../domain/suggestion-marks.ts'

const AT = Date.UTC(2026, 2, 3, 14, 2)
const ins = (id: string, authorName = 'Lin Wei', authorId = 'u-lin') => ({ type: 'insertion', attrs: { id, authorId, authorName, at: AT } })
const del = (id: string, authorName = 'Ana Ruiz', authorId = 'u-ana') => ({ type: 'deletion', attrs: { id, authorId, authorName, at: AT } })
const t = (text: string, ...marks: PMNode['marks'] & object) => ({ type: 'text', text, ...(marks.length ? { marks } : {}) })
const p = (...content: PMNode[]) => ({ type: 'paragraph', content })

/** Through Yjs and back, as the server reads a stored document. */
function stored(json: PMNode): PMNode {
  const doc = new Y.Doc()
  replaceContent(doc, json)
  return toProsemirrorJSON(docFromUpdate(Y.encodeStateAsUpdate(doc)))
}

const DRAFT: PMNode = {
  type: 'doc',
  content: [
    p(t('The parties '), t('shall', del('s1')), t('should', ins('s1', 'Ana Ruiz', 'u-ana')), t(' share data'), t(' promptly', del('s2', 'Lin Wei', 'u-lin')), t('.')),
    p(t('Second'), t(' paragraph', ins('s3')), t('.')),
  ],
}

describe('tracked changes in the stored document', () => {
  it('survive y-tiptap and render as ins and del with who and when', async () => {
    const json = stored(DRAFT)
    expect(json).toEqual(DRAFT)
    const html = await toHTML(json)
    expect(html).toContain(`<del class="suggestion suggestion-deletion" data-suggestion-id="s1" data-author-id="u-ana" data-author="Ana Ruiz" data-at="${AT}">shall</del>`)
    expect(html).toContain(`<ins class="suggestion suggestion-insertion" data-suggestion-id="s1" data-author-id="u-ana" data-author="Ana Ruiz" data-at="${AT}">should</ins>`)
    expect(html).toContain('data-suggestion-id="s3"')
  })

  it('are listed one per suggestion, in document order, with kind, texts and author', () => {
    expect(trackedSuggestions(stored(DRAFT))).toEqual([
      { id: 's1', kind: 'replacement', deleted: 'shall', inserted: 'should', breaks: false, authorId: 'u-ana', authorName: 'Ana Ruiz', at: AT },
      { id: 's2', kind: 'deletion', deleted: ' promptly', inserted: '', breaks: false, authorId: 'u-lin', authorName: 'Lin Wei', at: AT },
      { id: 's3', kind: 'insertion', deleted: '', inserted: ' paragraph', breaks: false, authorId: 'u-lin', authorName: 'Lin Wei', at: AT },
    ])
    expect(trackedSuggestions({ type: 'doc', content: [p(t('Nothing open.'))] })).toEqual([])
  })

  it('an author’s name is text in the HTML, never markup', async () => {
    const html = await toHTML(stored({ type: 'doc', content: [p(t('x', ins('s9', '"><script>alert(1)</script>')))] }))
    // The quote is escaped, so the name stays inside its attribute.
    expect(html).toContain('data-author="&quot;><script>alert(1)</script>"')
    expect(html.match(/"/g)).toHaveLength(10)
  })
})

describe('the published text', () => {
  it('drops every open suggestion: insertions removed with their text, deletions kept as plain text', async () => {
    const published = stripSuggestions(stored(DRAFT))
    expect(published).toEqual({ type: 'doc', content: [p(t('The parties shall share data promptly.')), p(t('Second.'))] })
    expect(hasSuggestionMarks(published)).toBe(false)
    expect(await toHTML(published)).not.toMatch(/<ins|<del|suggestion/)
    expect(toMarkdown(published)).toBe('The parties shall share data promptly.\n\nSecond.')
  })

  it('undoes a suggested paragraph break and keeps a suggested join as two paragraphs, without the zero-width markers', () => {
    const split: PMNode = { type: 'doc', content: [p(t('One'), t('\u200B', ins('b1'))), p(t('\u200B', ins('b1')), t(' two.'))] }
    expect(trackedSuggestions(stored(split))).toMatchObject([{ id: 'b1', kind: 'insertion', inserted: '\n', breaks: true }])
    expect(stripSuggestions(stored(split))).toEqual({ type: 'doc', content: [p(t('One two.'))] })

    const across: PMNode = { type: 'doc', content: [p(t('One '), t('more', ins('b2'))), p(t('and', ins('b2')), t(' two.'))] }
    expect(trackedSuggestions(stored(across))).toMatchObject([{ id: 'b2', inserted: 'more\nand', breaks: false }])

    const join: PMNode = { type: 'doc', content: [p(t('One.'), t('\u200B', del('j1'))), p(t('\u200B', del('j1')), t('Two.'))] }
    const kept = stripSuggestions(stored(join))
    expect(kept).toEqual({ type: 'doc', content: [p(t('One.')), p(t('Two.'))] })
    expect(toPlainText(kept)).not.toContain('\u200B')
  })

  it('leaves a text without suggestions as it is', () => {
    const plain: PMNode = { type: 'doc', content: [p(t('Agreed text.'))] }
    expect(stripSuggestions(plain)).toBe(plain)
  })

  it('copes with suggestion marks a hostile client made up', async () => {
    const doc = new Y.Doc()
    const para = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    text.insert(0, 'kept ', { deletion: { id: { nested: true }, authorName: 42 } })
    text.insert(5, 'gone', { insertion: { id: null } })
    text.insert(9, ' odd', { modification: { id: 'm', type: 'attr' } })
    para.insert(0, [text])
    doc.getXmlFragment('default').insert(0, [para])
    const json = toProsemirrorJSON(docFromUpdate(Y.encodeStateAsUpdate(doc)))
    // The library's reject also takes one of the two spaces around a removed insertion.
    expect(await toHTML(stripSuggestions(json))).toBe('<p>kept odd</p>')
  })
})
