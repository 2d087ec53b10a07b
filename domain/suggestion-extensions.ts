/**
 * Tracked changes as marks, in the shape `@handlewithcare/prosemirror-suggest-changes` looks for: mark
 * types named `insertion`, `deletion` and `modification` (it finds them by name in the schema). Ours add
 * who made the suggestion and when (`authorId`, `authorName`, `at`), stamped by the editor from the
 * signed-in person (client/editor/suggest-changes.ts), never typed by anyone.
 *
 * The marks are part of the one schema the browser and the server share (editor-extensions.ts), so they
 * travel through Yjs (y-tiptap stores a mark as a formatting attribute holding its attrs) and survive the
 * server's Yjs → ProseMirror JSON → HTML path. No attribute has a `validate` rule on purpose: y-tiptap
 * deletes a text from the shared document when building its marks throws, so one malformed attribute from
 * a hostile client would erase text for everyone.
 */
import { Mark, mergeAttributes, type Attributes } from '@tiptap/core'

export const INSERTION = 'insertion'
export const DELETION = 'deletion'
export const MODIFICATION = 'modification'

function suggestionAttributes(): Attributes {
  return {
    id: {
      default: null,
      parseHTML: (el) => el.getAttribute('data-suggestion-id'),
      renderHTML: (a) => (a.id === null || a.id === undefined ? {} : { 'data-suggestion-id': String(a.id) }),
    },
    authorId: {
      default: null,
      parseHTML: (el) => el.getAttribute('data-author-id'),
      renderHTML: (a) => (typeof a.authorId === 'string' ? { 'data-author-id': a.authorId } : {}),
    },
    authorName: {
      default: null,
      parseHTML: (el) => el.getAttribute('data-author'),
      renderHTML: (a) => (typeof a.authorName === 'string' ? { 'data-author': a.authorName } : {}),
    },
    at: {
      default: null,
      parseHTML: (el) => {
        const n = Number(el.getAttribute('data-at'))
        return Number.isFinite(n) && n > 0 ? n : null
      },
      renderHTML: (a) => (typeof a.at === 'number' ? { 'data-at': String(a.at) } : {}),
    },
  }
}

export const SuggestionInsertion = Mark.create({
  name: INSERTION,
  inclusive: false,
  excludes: `${DELETION} ${MODIFICATION} ${INSERTION}`,
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: 'ins[data-suggestion-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['ins', mergeAttributes({ class: 'suggestion suggestion-insertion' }, HTMLAttributes), 0],
})

export const SuggestionDeletion = Mark.create({
  name: DELETION,
  inclusive: false,
  excludes: `${INSERTION} ${MODIFICATION} ${DELETION}`,
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: 'del[data-suggestion-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['del', mergeAttributes({ class: 'suggestion suggestion-deletion' }, HTMLAttributes), 0],
})

/**
 * The library's mark for a change of formatting or block type. Our editor never keeps one (y-tiptap does
 * not carry node marks, see suggest-changes.ts), but the library requires the type to exist.
 */
export const SuggestionModification = Mark.create({
  name: MODIFICATION,
  inclusive: false,
  excludes: `${INSERTION} ${DELETION}`,
  addAttributes: () => ({
    ...suggestionAttributes(),
    type: { default: null, rendered: false },
    attrName: { default: null, rendered: false },
    previousValue: { default: null, rendered: false },
    newValue: { default: null, rendered: false },
  }),
  parseHTML: () => [{ tag: 'span[data-suggestion-modification]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes({ 'data-suggestion-modification': '' }, HTMLAttributes), 0],
})

export function suggestionMarks() {
  return [SuggestionInsertion, SuggestionDeletion, SuggestionModification]
}
