/** Small labels for states, roles and kinds, translated. */
import type { DocumentState } from '../../domain/lifecycle.ts'
import type { Role } from '../../domain/roles.ts'
import { useI18n } from '../i18n/i18n.tsx'

export function StateBadge(props: { state: DocumentState }) {
  const { t } = useI18n()
  return <span class={`badge badge-state badge-${props.state}`}>{t(`states.${props.state}`)}</span>
}

export function RoleBadge(props: { role: Role }) {
  const { t } = useI18n()
  return <span class={`badge badge-role badge-${props.role}`}>{t(`roles.${props.role}`)}</span>
}
