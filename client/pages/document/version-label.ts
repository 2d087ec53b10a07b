/**
 * A version's name as people read it. The hub names the versions it saves itself in English on the server
 * ("Frozen for consensus call" when a call opens without a label, "Restored from version N" on a restore);
 * those two are recognised by their origin and exact wording and shown in the chosen language. A label a
 * person typed is theirs and shown as typed.
 */
import type { WorkflowT } from './workflow-i18n.ts'

const FROZEN = 'Frozen for consensus call'
const RESTORED = /^Restored from version (\d+)$/

export function versionLabel(v: { origin: string; label: string }, w: WorkflowT): string {
  if (v.origin === 'freeze' && v.label === FROZEN) return w('versions.frozenLabel')
  const restored = v.origin === 'restore' ? RESTORED.exec(v.label) : null
  if (restored) return w('versions.restoredLabel', { number: restored[1] })
  return v.label
}
