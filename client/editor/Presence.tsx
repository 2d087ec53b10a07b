/** Who has the document open: a coloured avatar per person (the colour of their caret), named. */
import { For, Show } from 'solid-js'
import { userColor } from '../../domain/colours.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { Avatar } from '../ui/Avatar.tsx'
import type { Peer } from './collab-session.ts'

/**
 * One entry per person (the same person in two tabs is shown once), keyed by account, never by display
 * name: two people may share one. Remote peers carry the account id once the server puts it in awareness
 * (`user.id`); until then the caret colour, which the server derives from the account id, tells them
 * apart (our own tab's colour is set locally, so ours is derived here the same way).
 */
export function distinctPeople(peers: readonly Peer[], selfUserId: string | null = null): Peer[] {
  const byId = peers.some((p) => !p.self && p.userId)
  const key = (p: Peer) => {
    if (byId) return `id:${(p.self ? selfUserId : null) ?? p.userId ?? `client:${p.clientId}`}`
    return `as:${p.name}\u0000${p.self && selfUserId ? userColor(selfUserId) : p.color}`
  }
  const seen = new Map<string, Peer>()
  for (const p of peers) {
    const k = key(p)
    const prev = seen.get(k)
    if (!prev || (p.self && !prev.self)) seen.set(k, p)
  }
  return [...seen.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name))
}

export function Presence(props: { peers: readonly Peer[]; selfName: string; selfUserId: string | null }) {
  const { t } = useI18n()
  const people = () => {
    const list = distinctPeople(props.peers, props.selfUserId)
    return list.some((p) => p.self) ? list : [{ clientId: -1, userId: null, name: props.selfName, color: '', institution: null, self: true }, ...list]
  }
  return (
    <div class="presence">
      <h2 class="sr-only">{t('editor.presence')}</h2>
      <ul class="presence-list" aria-label={t('editor.presence')}>
        <For each={people().slice(0, 6)}>
          {(p) => {
            const label = () => (p.self ? t('editor.you', { name: p.name }) : p.institution ? `${p.name} · ${p.institution}` : p.name)
            return (
              <li class="presence-item" title={label()} data-peer={p.self ? 'self' : 'other'}>
                <Avatar name={p.name} color={p.color || undefined} size="sm" />
                <span class="sr-only">{label()}</span>
              </li>
            )
          }}
        </For>
        <Show when={people().length > 6}>
          <li class="presence-more">+{people().length - 6}</li>
        </Show>
      </ul>
      <span class="presence-names">
        {people()
          .filter((p) => !p.self)
          .map((p) => p.name)
          .join(', ')}
      </span>
    </div>
  )
}
