/**
 * The names the hub gives the versions it saves itself. They are stored in English and the API and the
 * archive keep them as written; the app never reads these words back: a version the hub named is put into
 * words in the reader's language from its origin (and, for a restored copy, the number it restores), and a
 * label a person typed is shown as typed. Only the server compares a label with these, its own constants.
 */
export const FROZEN_LABEL = 'Frozen for consensus call'

export const restoredLabel = (number: number) => `Restored from version ${number}`

/** Whether the hub named this version itself (a freeze nobody labelled, a restored copy). */
export function namedByHub(v: { origin: 'named' | 'freeze' | 'restore'; label: string; restoredFrom: number | null }): boolean {
  if (v.origin === 'restore') return v.restoredFrom !== null && v.label === restoredLabel(v.restoredFrom)
  return v.origin === 'freeze' && v.label === FROZEN_LABEL
}
