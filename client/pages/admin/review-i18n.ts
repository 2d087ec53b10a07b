/**
 * Words for the secretariat's review queue, in English and Chinese. Loaded only by that page; the tab
 * that leads to it is named with the other admin tabs (`admin.review` in en.ts / zh.ts).
 */
import { flatten, resolveTemplate, translator } from '@solid-primitives/i18n'
import { createMemo } from 'solid-js'
import type { Locale } from '../../../domain/roles.ts'
import { withFallback } from '../../i18n/dictionary.ts'
import { useI18n } from '../../i18n/i18n.tsx'

export const reviewEn = {
  title: 'Submitted for review',
  lead: 'Documents the bodies have agreed and submitted. Publish one to make it public at its own address, or return it to draft with a reason the chairs will read.',
  empty: 'No document is waiting for review.',
  document: 'Document',
  body: 'Body',
  submitted: 'Submitted',
  submittedBy: 'by {{ name }}',
  endorsements: 'Endorsements',
  endorsedBy: (a: { institutions: number; countries: number }) =>
    a.institutions === 0
      ? 'None yet'
      : `${a.institutions === 1 ? '1 institution' : `${a.institutions} institutions`}, ${a.countries === 1 ? '1 country or region' : `${a.countries} countries and regions`}`,
  actions: 'Actions',
  open: 'Open',
  publish: 'Publish',
  return: 'Return…',
  publishTitle: 'Publish “{{ title }}”',
  publishLead: 'The agreed version becomes a public edition at /p/…, with its consensus record and endorsements. A published edition never changes.',
  returnTitle: 'Return “{{ title }}” to draft',
  returnLead: 'The document goes back to draft for its body to revise. Say what needs to change.',
  reason: 'Reason',
  reasonRequired: 'Give a reason for returning it.',
  cancel: 'Cancel',
  confirmPublish: 'Publish',
  confirmReturn: 'Return to draft',
  published: 'Published.',
  returned: 'Returned to draft.',
}

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends (...args: infer A) => string ? (...args: A) => string : Shape<T[K]> }
export type ReviewMessages = Shape<typeof reviewEn>

export const reviewZh: ReviewMessages = {
  title: '待审文件',
  lead: '各机构已达成一致并提交的文件。发布后，文件将在其专属地址公开；也可以附上理由退回草稿，供主席参阅。',
  empty: '目前没有待审的文件。',
  document: '文件',
  body: '机构',
  submitted: '提交',
  submittedBy: '提交人：{{ name }}',
  endorsements: '背书',
  endorsedBy: (a) => (a.institutions === 0 ? '暂无' : `${a.institutions} 个机构，${a.countries} 个国家和地区`),
  actions: '操作',
  open: '打开',
  publish: '发布',
  return: '退回…',
  publishTitle: '发布“{{ title }}”',
  publishLead: '经一致同意的版本将作为公开版次发布于 /p/…，并附共识记录和背书。已发布的版次不会再改变。',
  returnTitle: '将“{{ title }}”退回草稿',
  returnLead: '文件将退回草稿，由所属机构修订。请说明需要修改的内容。',
  reason: '理由',
  reasonRequired: '请填写退回理由。',
  cancel: '取消',
  confirmPublish: '发布',
  confirmReturn: '退回草稿',
  published: '已发布。',
  returned: '已退回草稿。',
}

export const flatReviewEn = flatten(reviewEn)
export const flatReviewZh = withFallback(flatReviewEn, flatten(reviewZh) as Partial<typeof flatReviewEn>)

export const reviewTranslator = (locale: () => Locale) => translator(() => (locale() === 'zh' ? flatReviewZh : flatReviewEn), resolveTemplate)
export type ReviewT = ReturnType<typeof reviewTranslator>

export function useReviewT(): ReviewT {
  const { locale } = useI18n()
  const current = createMemo(locale)
  return reviewTranslator(current)
}
