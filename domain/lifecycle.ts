/**
 * Document lifecycle (DESIGN.md §4), as data.
 *
 *   draft ──► consultation ──► consensus_call ──► agreed ──► submitted ──► published
 *     ▲            │                 │               │           │
 *     └────────────┴─────────────────┴───────────────┴───────────┘  (back to draft, with a reason)
 *   any state before published ──► withdrawn
 *
 * Text is editable in draft and consultation only; from consensus_call on it is frozen.
 */
export const DOCUMENT_STATES = [
  'draft',
  'consultation',
  'consensus_call',
  'agreed',
  'submitted',
  'published',
  'withdrawn',
] as const
export type DocumentState = (typeof DOCUMENT_STATES)[number]

/** Who may make a move: the chairs of the document's body, or the secretariat. */
export type TransitionActor = 'chair' | 'secretariat'

export interface Transition {
  from: DocumentState
  to: DocumentState
  by: TransitionActor
  reasonRequired: boolean
}

const forward: Transition[] = [
  { from: 'draft', to: 'consultation', by: 'chair', reasonRequired: false },
  { from: 'consultation', to: 'consensus_call', by: 'chair', reasonRequired: false },
  { from: 'consensus_call', to: 'agreed', by: 'chair', reasonRequired: false },
  { from: 'agreed', to: 'submitted', by: 'chair', reasonRequired: false },
  { from: 'submitted', to: 'published', by: 'secretariat', reasonRequired: false },
]
const backToDraft: Transition[] = (['consultation', 'consensus_call', 'agreed'] as const).map((from) => ({
  from,
  to: 'draft',
  by: 'chair',
  reasonRequired: true,
}))
const returned: Transition = { from: 'submitted', to: 'draft', by: 'secretariat', reasonRequired: true }
const withdrawals: Transition[] = (['draft', 'consultation', 'consensus_call', 'agreed', 'submitted'] as const).map(
  (from) => ({ from, to: 'withdrawn', by: 'chair', reasonRequired: true }),
)

export const TRANSITIONS: readonly Transition[] = [...forward, ...backToDraft, returned, ...withdrawals]

export function findTransition(from: DocumentState, to: DocumentState): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to)
}

/** States in which chairs and members may change the text. */
export const EDITABLE_STATES: readonly DocumentState[] = ['draft', 'consultation']

export function isEditable(state: DocumentState): boolean {
  return EDITABLE_STATES.includes(state)
}
