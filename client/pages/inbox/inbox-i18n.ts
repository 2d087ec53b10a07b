/**
 * Words for the inbox's two lists, in English and Chinese: the documents awaiting my action (one sentence
 * per reason code of domain/awaiting.ts) and the notifications. The notifications' own sentences live with
 * the workflow texts (workflow-i18n.ts, `inbox.*`), which the bell shares.
 */
import { flatten, resolveTemplate, translator } from '@solid-primitives/i18n'
import { createMemo } from 'solid-js'
import type { AwaitingReason } from '../../../domain/awaiting.ts'
import type { Locale } from '../../../domain/roles.ts'
import { withFallback } from '../../i18n/dictionary.ts'
import { useI18n } from '../../i18n/i18n.tsx'

export const inboxEn = {
  awaiting: {
    title: 'Awaiting your action',
    count: '{{ count }} waiting',
    empty: 'Nothing awaits your action.',
    lead: 'Documents whose next step is yours. They leave this list once the step is taken; marking notifications read does not clear them.',
    reason: {
      open_call: 'Ready for a consensus call',
      record_finding: 'The consensus call has closed: record the finding',
      submit: 'Agreed: submit it to the secretariat',
      state_position: 'State your institution’s position',
      review: 'Submitted: publish it or return it',
    } satisfies Record<AwaitingReason, string>,
    closes: 'the call closes {{ date }}',
    closed: 'the call closed {{ date }}',
  },
  notifications: 'Notifications',
}

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
export type InboxMessages = Shape<typeof inboxEn>

export const inboxZh: InboxMessages = {
  awaiting: {
    title: '待我处理',
    count: '{{ count }} 项待处理',
    empty: '目前没有待您处理的事项。',
    lead: '下一步由您处理的文件。完成该步骤后即从此列表移除；将通知标为已读不会清除它们。',
    reason: {
      open_call: '可以发起共识征询',
      record_finding: '共识征询已截止：请记录结论',
      submit: '已达成一致：请提交秘书处',
      state_position: '请表明本机构的立场',
      review: '已提交：请发布或退回',
    },
    closes: '征询截止于 {{ date }}',
    closed: '征询已于 {{ date }} 截止',
  },
  notifications: '通知',
}

export const flatInboxEn = flatten(inboxEn)
export const flatInboxZh = withFallback(flatInboxEn, flatten(inboxZh) as Partial<typeof flatInboxEn>)

export const inboxTranslator = (locale: () => Locale) => translator(() => (locale() === 'zh' ? flatInboxZh : flatInboxEn), resolveTemplate)
export type InboxT = ReturnType<typeof inboxTranslator>

export function useInboxT(): InboxT {
  const { locale } = useI18n()
  const current = createMemo(locale)
  return inboxTranslator(current)
}
