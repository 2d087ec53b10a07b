/**
 * One audit event as a table row: when, who, a sentence saying what happened, what it was about (named,
 * with a button to show only events about it), and the details of its data, readable (audit-details.ts).
 */
import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import type { AuditEvent } from '../../http/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatDateTime } from '../../i18n/locale.ts'
import { describeActivity, type ActivityTexts } from '../activity.ts'
import type { WorkflowT } from '../document/workflow-i18n.ts'
import { auditDetails, type Names } from './audit-details.ts'
import type { AuditT } from './audit-i18n.ts'

const SUBJECT_TYPES = ['user', 'body', 'document', 'institution'] as const
const isKnownSubject = (s: string): s is (typeof SUBJECT_TYPES)[number] => (SUBJECT_TYPES as readonly string[]).includes(s)

export function AuditRow(props: {
  event: AuditEvent
  texts: ActivityTexts & { w: WorkflowT; d: AuditT }
  names: Names
  onFilterAction: (action: string) => void
  onFilterSubject: (type: string, id: string) => void
}) {
  const { t, locale } = useI18n()
  const e = () => props.event
  const subjectName = () => {
    const id = e().subjectId
    if (!id) return null
    if (e().subjectType === 'user') return props.names.person(id)
    if (e().subjectType === 'body') return props.names.body(id)
    if (e().subjectType === 'institution') return props.names.institution(id)
    if (e().subjectType === 'document' && typeof e().data.titleEn === 'string') return e().data.titleEn as string
    return null
  }
  const subjectType = () => {
    const type = e().subjectType
    return isKnownSubject(type) ? t(`admin.subjectTypes.${type}`) : type
  }
  const details = () => auditDetails(e(), { t, w: props.texts.w, d: props.texts.d, locale: locale(), names: props.names })
  return (
    <tr>
      <td class="nowrap">
        <time dateTime={e().at}>{formatDateTime(e().at, locale())}</time>
      </td>
      <td>{e().actor?.displayName ?? t('admin.system')}</td>
      <td>
        <span class="audit-sentence">{describeActivity({ action: e().action, actorName: e().actor?.displayName ?? null, data: e().data }, props.texts)}</span>
        <button type="button" class="link-btn audit-code" title={props.texts.d('filterByAction', { action: e().action })} onClick={() => props.onFilterAction(e().action)}>
          {e().action}
        </button>
      </td>
      <td class="cell-sub">
        {subjectType()}
        <Show when={e().subjectId}>
          {(id) => (
            <>
              {' '}
              <button type="button" class="link-btn audit-subject" title={props.texts.d('filterBySubject', { name: subjectName() ?? id() })} onClick={() => props.onFilterSubject(e().subjectType, id())}>
                {subjectName() ?? `${id().slice(0, 8)}…`}
              </button>
              <Show when={e().subjectType === 'document'}>
                {' · '}
                <A href={`/documents/${id()}`}>{props.texts.d('openDocument')}</A>
              </Show>
            </>
          )}
        </Show>
      </td>
      <td class="cell-sub audit-data">
        <Show when={details().length > 0}>
          <dl class="audit-details">
            <For each={details()}>
              {(item) => (
                <div>
                  <dt>{item.label}</dt>
                  <dd>{item.value}</dd>
                </div>
              )}
            </For>
          </dl>
        </Show>
      </td>
    </tr>
  )
}
