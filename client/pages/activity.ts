/** One line per audit event, in the chosen language; unknown actions still read sensibly. */
import type { HomeData } from '../http/types.ts'
import type { I18n } from '../i18n/i18n.tsx'
import { en } from '../i18n/en.ts'

type Event = HomeData['activity'][number]
type KnownAction = Exclude<keyof typeof en.activity, 'someone' | 'other'>

export function describeActivity(e: Pick<Event, 'action' | 'actorName'>, t: I18n['t']): string {
  const actor = e.actorName ?? t('activity.someone')
  if (e.action in en.activity && e.action !== 'someone' && e.action !== 'other') {
    return t(`activity.${e.action as KnownAction}`, { actor })
  }
  return t('activity.other', { actor, action: e.action })
}
