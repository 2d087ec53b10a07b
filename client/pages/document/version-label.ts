/**
 * A version's name as people read it. A version the hub named itself (a freeze nobody labelled, a restored
 * copy: the API says so with `namedByHub`) is put into words in the chosen language from its origin and,
 * for a restored copy, the number it restores; the English label the server stores is never read here. A
 * label a person typed is theirs and shown as typed.
 */
import type { Version } from './workflow-types.ts'
import type { WorkflowT } from './workflow-i18n.ts'

export function versionLabel(v: Pick<Version, 'origin' | 'label' | 'restoredFrom' | 'namedByHub'>, w: WorkflowT): string {
  if (!v.namedByHub) return v.label
  if (v.origin === 'restore' && v.restoredFrom !== null) return w('versions.restoredLabel', { number: v.restoredFrom })
  if (v.origin === 'freeze') return w('versions.frozenLabel')
  return v.label
}
