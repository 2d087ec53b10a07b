/**
 * Suggesting mode under collaboration, with real Tiptap editors (jsdom) on separate Y.Docs whose updates
 * are delivered by hand, so "concurrent" means exactly that: neither side has seen the other's change.
 *
 * The first block reproduces what fails with the library's defaults; the rest checks our extension
 * (client/editor/suggest-changes.ts): remote changes stay remote, ids and authors stay apart, decisions
 * converge, and changes that cannot be suggestions are refused rather than applied untracked.
 */
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { Schema } from '@tiptap/pm/model'
import { EditorState, PluginKey, TextSelection } from '@tiptap/pm/state'
import { prosemirrorToYXmlFragment, ySyncPluginKey, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { suggestChanges, transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes'
import fc from 'fast-check'
import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { SuggestChanges, type RefusedReason } from '../../client/editor/suggest-changes.ts'
import { documentExtensions } from '../../domain/editor-extensions.ts'
import { trackedSuggestions } from '../../domain/suggestion-marks.ts'
import { replaceContent } from '../../domain/document-content.ts'

const TEXT = 'The parties shall share data promptly.'

interface Peer {
  name: string
  doc: Y.Doc
  editor: Editor
  refused: RefusedReason[]
  /** Updates made here and not yet delivered to the others. */
  outbox: Uint8Array[]
}

const peers: Peer[] = []
afterEach(() => {
  for (const p of peers.splice(0)) {
    p.editor.destroy()
    p.doc.destroy()
  }
})

function peer(name: string, seed: Y.Doc): Peer {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed), 'remote')
  const p: Peer = { name, doc, refused: [], outbox: [], editor: null as unknown as Editor }
  doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') p.outbox.push(u)
  })
  let n = 0
  p.editor = new Editor({
    element: document.createElement('div'),
    extensions: [
      ...documentExtensions(),
      SuggestChanges.configure({ user: { id: `id-${name}`, name }, newId: () => `${name}-${++n}`, onRefused: (r) => p.refused.push(r) }),
      Collaboration.configure({ document: doc, field: 'default' }),
    ],
  })
  peers.push(p)
  return p
}

function seedDoc(paragraphs: string[]): Y.Doc {
  const seed = new Y.Doc()
  replaceContent(seed, { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) })
  return seed
}

/** Delivers every pending update to every other peer. */
function sync(all: Peer[]): void {
  for (let round = 0; round < 3; round++) {
    for (const from of all) {
      const batch = from.outbox.splice(0)
      for (const u of batch) for (const to of all) if (to !== from) Y.applyUpdate(to.doc, u, 'remote')
    }
  }
}

function find(editor: Editor, needle: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null
  editor.state.doc.descendants((node, pos) => {
    const i = node.isText && !found ? (node.text ?? '').indexOf(needle) : -1
    if (i >= 0) found = { from: pos + i, to: pos + i + needle.length }
  })
  if (!found) throw new Error(`not in the document: ${needle}`)
  return found
}

/** Types over the first occurrence of `needle` (or deletes it with ''), as a person selecting it would. */
function replace(p: Peer, needle: string, text: string): void {
  const { from, to } = find(p.editor, needle)
  const { view } = p.editor
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)))
  view.dispatch(text ? view.state.tr.insertText(text) : view.state.tr.deleteSelection())
}

const text = (p: Peer) => p.editor.state.doc.textContent
const suggestions = (p: Peer) => trackedSuggestions(p.editor.getJSON())

describe('the library with its defaults, under collaboration', () => {
  test('two people suggesting at the same time get the same id, so accepting one would accept both', () => {
    const schema = new Schema({
      nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*', toDOM: () => ['p', 0] }, text: {} },
      marks: { insertion: { attrs: { id: {} }, excludes: 'insertion deletion modification' }, deletion: { attrs: { id: {} }, excludes: 'insertion deletion modification' }, modification: { attrs: { id: {} } } },
    })
    const start = EditorState.create({ schema, doc: schema.node('doc', null, [schema.node('paragraph', null, [schema.text(TEXT)])]), plugins: [suggestChanges()] })
    const a = start.apply(transformToSuggestionTransaction(start.tr.insertText('very ', 5), start))
    const b = start.apply(transformToSuggestionTransaction(start.tr.delete(30, 38), start))
    const idOf = (s: EditorState) => {
      let id: unknown
      s.doc.descendants((n) => {
        id ??= n.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion')?.attrs.id
      })
      return id
    }
    expect(idOf(a)).toBe(1)
    expect(idOf(b)).toBe(1)
  })

  test('it recognises remote changes by the string "y-sync$", which another copy of the plugin key would change', () => {
    // Today our bundle has one y-tiptap, so its key is that string; a second PluginKey('y-sync') is not.
    const keyOf = (k: PluginKey) => (k as unknown as { key: string }).key
    expect(keyOf(ySyncPluginKey)).toBe('y-sync$')
    expect(keyOf(new PluginKey('y-sync'))).not.toBe('y-sync$')
  })

  test('y-tiptap does not carry node marks, which the library uses for whole blocks and block types', () => {
    const schema = new Schema({
      nodes: { doc: { content: 'paragraph+', marks: 'deletion' }, paragraph: { content: 'text*', toDOM: () => ['p', 0] }, text: {} },
      marks: { deletion: { attrs: { id: {} } } },
    })
    const marked = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('Gone?')], [schema.mark('deletion', { id: 'x' })])])
    const y = new Y.Doc()
    prosemirrorToYXmlFragment(marked, y.getXmlFragment('default'))
    const back = yXmlFragmentToProseMirrorRootNode(y.getXmlFragment('default'), schema)
    expect(marked.firstChild!.marks).toHaveLength(1)
    expect(back.firstChild!.marks).toHaveLength(0)
  })
})

describe('suggesting mode with our extension, three people on one document', () => {
  test('two editors suggest concurrently; a third accepts one and rejects the other; every copy agrees', () => {
    const seed = seedDoc([TEXT])
    const [ana, lin, chair] = [peer('Ana', seed), peer('Lin', seed), peer('Chair', seed)]
    ana.editor.commands.setSuggesting(true)
    lin.editor.commands.setSuggesting(true)
    replace(ana, 'shall', 'should')
    replace(lin, 'promptly', 'without delay')
    // Neither has seen the other's suggestion yet; both made their first one.
    expect(suggestions(ana).map((s) => s.authorName)).toEqual(['Ana'])
    expect(suggestions(lin).map((s) => s.authorName)).toEqual(['Lin'])
    sync([ana, lin, chair])

    for (const p of [ana, lin, chair]) {
      const list = suggestions(p)
      expect(list.map((s) => [s.kind, s.deleted, s.inserted, s.authorId, s.authorName]), p.name).toEqual([
        ['replacement', 'shall', 'should', 'id-Ana', 'Ana'],
        ['replacement', 'promptly', 'without delay', 'id-Lin', 'Lin'],
      ])
      expect(new Set(list.map((s) => s.id)).size).toBe(2)
    }
    const [fromAna, fromLin] = suggestions(chair)
    expect(chair.editor.commands.acceptSuggestion(fromAna.id)).toBe(true)
    expect(chair.editor.commands.rejectSuggestion(fromLin.id)).toBe(true)
    sync([ana, lin, chair])

    for (const p of [ana, lin, chair]) {
      expect(text(p), p.name).toBe('The parties should share data promptly.')
      expect(suggestions(p), p.name).toEqual([])
      expect(p.refused).toEqual([])
    }
    expect(ana.doc.getXmlFragment('default').toJSON()).toBe(chair.doc.getXmlFragment('default').toJSON())
    expect(lin.doc.getXmlFragment('default').toJSON()).toBe(chair.doc.getXmlFragment('default').toJSON())
  })

  test('an edit arriving from another person is never turned into a suggestion here', () => {
    const seed = seedDoc([TEXT])
    const [ana, lin] = [peer('Ana', seed), peer('Lin', seed)]
    ana.editor.commands.setSuggesting(true)
    replace(lin, 'data', 'information')
    sync([ana, lin])
    expect(text(ana)).toBe('The parties shall share information promptly.')
    expect(suggestions(ana)).toEqual([])
    expect(ana.outbox).toEqual([])
  })

  test('text typed next to someone else’s suggestion is a suggestion of one’s own', () => {
    const seed = seedDoc([TEXT])
    const [ana, lin] = [peer('Ana', seed), peer('Lin', seed)]
    ana.editor.commands.setSuggesting(true)
    lin.editor.commands.setSuggesting(true)
    const at = find(ana.editor, ' share').from
    ana.editor.view.dispatch(ana.editor.state.tr.insertText(' always', at))
    sync([ana, lin])
    const after = find(lin.editor, ' always').to
    lin.editor.view.dispatch(lin.editor.state.tr.insertText(' and freely', after))
    sync([ana, lin])
    for (const p of [ana, lin]) {
      expect(suggestions(p).map((s) => [s.inserted, s.authorName])).toEqual([
        [' always', 'Ana'],
        [' and freely', 'Lin'],
      ])
    }
    // Typing on, letter by letter, stays one suggestion with its first time.
    const list = suggestions(lin)
    const end = find(lin.editor, ' and freely').to
    lin.editor.view.dispatch(lin.editor.state.tr.insertText('!', end))
    const [, linNow] = suggestions(lin)
    expect(linNow).toMatchObject({ id: list[1].id, inserted: ' and freely!', at: list[1].at })
  })

  test('deleting right after someone else’s deletion keeps the two apart', () => {
    const seed = seedDoc([TEXT])
    const [ana, lin] = [peer('Ana', seed), peer('Lin', seed)]
    ana.editor.commands.setSuggesting(true)
    lin.editor.commands.setSuggesting(true)
    replace(ana, 'share', '')
    sync([ana, lin])
    replace(lin, ' data', '')
    sync([ana, lin])
    for (const p of [ana, lin]) {
      expect(suggestions(p).map((s) => [s.kind, s.deleted, s.authorName])).toEqual([
        ['deletion', 'share', 'Ana'],
        ['deletion', ' data', 'Lin'],
      ])
    }
  })

  test('a change that cannot be a suggestion is refused and nothing is sent', () => {
    const seed = seedDoc(['First paragraph.', 'Second paragraph.'])
    const lin = peer('Lin', seed)
    lin.editor.commands.setSuggesting(true)
    const before = lin.editor.getJSON()
    lin.editor.chain().setTextSelection(3).toggleHeading({ level: 2 }).run()
    lin.editor.chain().selectAll().deleteSelection().run()
    expect(lin.refused).toEqual(['unsupported', 'unsupported'])
    expect(lin.editor.getJSON()).toEqual(before)
    expect(lin.outbox).toEqual([])
  })

  test('text typed into inline code (whose mark excludes every other) is refused, not applied untracked', () => {
    const seed = new Y.Doc()
    replaceContent(seed, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Run ' }, { type: 'text', text: 'make', marks: [{ type: 'code' }] }] }] })
    const lin = peer('Lin', seed)
    lin.editor.commands.setSuggesting(true)
    const at = find(lin.editor, 'make').from + 2
    lin.editor.view.dispatch(lin.editor.state.tr.insertText('XX', at))
    expect(lin.refused).toEqual(['untracked'])
    expect(text(lin)).toBe('Run make')
  })

  test('a suggested paragraph break is one suggestion, and rejecting it joins the paragraphs again', () => {
    const seed = seedDoc([TEXT])
    const [lin, chair] = [peer('Lin', seed), peer('Chair', seed)]
    lin.editor.commands.setSuggesting(true)
    lin.editor.chain().setTextSelection(find(lin.editor, ' share').from).splitBlock().run()
    sync([lin, chair])
    expect(chair.editor.state.doc.childCount).toBe(2)
    const [s] = suggestions(chair)
    expect(s).toMatchObject({ kind: 'insertion', breaks: true, authorName: 'Lin' })
    chair.editor.commands.rejectSuggestion(s.id)
    sync([lin, chair])
    for (const p of [lin, chair]) {
      expect(p.editor.state.doc.childCount).toBe(1)
      expect(text(p)).toBe(TEXT)
    }
  })

  test('a modification mark a hostile client put on text does not stop anyone deciding', () => {
    const seed = new Y.Doc()
    replaceContent(seed, {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Odd ', marks: [{ type: 'modification', attrs: { id: 'm', type: 'attr' } }] }, { type: 'text', text: 'text' }] }],
    })
    const [lin, chair] = [peer('Lin', seed), peer('Chair', seed)]
    lin.editor.commands.setSuggesting(true)
    lin.editor.view.dispatch(lin.editor.state.tr.insertText(' here', lin.editor.state.doc.content.size - 1))
    expect(lin.refused).toEqual([])
    sync([lin, chair])
    expect(chair.editor.commands.acceptAllSuggestions()).toBe(true)
    sync([lin, chair])
    for (const p of [lin, chair]) {
      expect(text(p)).toBe('Odd text here')
      expect(JSON.stringify(p.editor.getJSON())).not.toMatch(/modification|insertion/)
    }
  })

  test('any run of typing and deleting in suggesting mode, all rejected, gives the original text back', () => {
    const seed = seedDoc(['Alpha beta gamma.', 'Delta epsilon.'])
    let made = 0
    let refused = 0
    fc.assert(
      fc.property(
        fc.array(fc.record({ del: fc.boolean(), at: fc.nat(1000), len: fc.integer({ min: 1, max: 4 }), text: fc.constantFrom('x', 'yz', '数据', ' ') }), { minLength: 1, maxLength: 12 }),
        (edits) => {
          const p = peer(`P${peers.length}`, seed)
          p.editor.commands.setSuggesting(true)
          const original = p.editor.getJSON()
          for (const e of edits) {
            const { state } = p.editor
            const textPositions: number[] = []
            state.doc.descendants((n, pos) => {
              if (n.isText) for (let i = 0; i <= n.nodeSize; i++) textPositions.push(pos + i)
            })
            const from = textPositions[e.at % textPositions.length]
            const tr = e.del ? state.tr.delete(from, Math.min(from + e.len, state.doc.resolve(from).end())) : state.tr.insertText(e.text, from)
            if (tr.docChanged) p.editor.view.dispatch(tr)
          }
          made += suggestions(p).length
          refused += p.refused.length
          p.editor.commands.rejectAllSuggestions()
          expect(p.editor.getJSON()).toEqual(original)
          p.editor.destroy()
          peers.pop()
        },
      ),
      { numRuns: 40 },
    )
    // The runs did make suggestions (a refused edit changes nothing and would pass trivially).
    expect(made).toBeGreaterThan(40)
    expect(refused).toBeLessThan(made / 10)
  })
})
