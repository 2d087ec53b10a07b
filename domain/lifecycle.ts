/**
 * Document lifecycle (DESIGN.md §4), as data.
 *
 *   draft ──► consultation ──► consensus_call ──► agreed ──► submitted ──► published
 *     ▲            │                 │               │           │
 *     └────────────┴─────────────────┴───────────────┴───────────┘  (back to draft, with a reason)
 *   any state before published ──► withdrawn
 *   published ──► draft (a revision, which will be published as a new edition; the old one stays)
 *
 * Text is editable in draft and consultation only; from consensus_call on it is frozen. Two moves have
 * their own routes because they carry more than a reason: consultation → consensus_call opens a call (with
 * a closing date), and consensus_call → agreed records the call's finding.
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
  /** Made through another route: opening a consensus call, or closing it with a finding. */
  via?: 'open_call' | 'close_call'
}

const forward: Transition[] = [
  { from: 'draft', to: 'consultation', by: 'chair', reasonRequired: false },
  { from: 'consultation', to: 'consensus_call', by: 'chair', reasonRequired: false, via: 'open_call' },
  { from: 'consensus_call', to: 'agreed', by: 'chair', reasonRequired: false, via: 'close_call' },
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
const revision: Transition = { from: 'published', to: 'draft', by: 'chair', reasonRequired: true }
const withdrawals: Transition[] = (['draft', 'consultation', 'consensus_call', 'agreed', 'submitted'] as const).map(
  (from) => ({ from, to: 'withdrawn', by: 'chair', reasonRequired: true }),
)

export const TRANSITIONS: readonly Transition[] = [...forward, ...backToDraft, returned, revision, ...withdrawals]

export function findTransition(from: DocumentState, to: DocumentState): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to)
}

/** States in which chairs and members may change the text. */
export const EDITABLE_STATES: readonly DocumentState[] = ['draft', 'consultation']

/** Restoring an old version rewrites the text wholesale: only while nobody outside the body reads it. */
export const RESTORABLE_STATES: readonly DocumentState[] = ['draft']

export function isEditable(state: DocumentState): boolean {
  return EDITABLE_STATES.includes(state)
}

/** States in which the text is frozen on the version the consensus call runs on, or was agreed. */
export const FROZEN_STATES: readonly DocumentState[] = ['consensus_call', 'agreed', 'submitted', 'published']
