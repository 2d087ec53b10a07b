/**
 * A closed call's formal objections: who objected (named from the position, even after leaving the body)
 * and why, and the disposition recorded with its rationale.
 */
import { For, Show } from 'solid-js'
import { useI18n } from '../../i18n/i18n.tsx'
import { countryName } from '../../i18n/locale.ts'
import { objectionRecords } from './objection-record.ts'
import type { CallDetail } from './workflow-types.ts'
import { useWorkflowT } from './workflow-i18n.ts'

export function ObjectionList(props: { detail: CallDetail }) {
  const w = useWorkflowT()
  const { pick, locale } = useI18n()
  const records = () => objectionRecords(props.detail)
  return (
    <Show when={records().length > 0}>
      <h3 class="workflow-subtitle">{w('consensus.objections')}</h3>
      <ul class="objection-list">
        <For each={records()}>
          {(r) => (
            <li class="objection" data-position={r.positionId}>
              <div>
                <strong>{pick(r.participant.nameEn, r.participant.nameZh).text}</strong>
                <Show when={r.participant.country}>{(c) => <span class="muted"> · {countryName(c(), locale())}</span>}</Show>
                <Show when={r.castBy}>
                  <span class="muted"> · {r.castBy}</span>
                </Show>
              </div>
              <Show when={r.reason}>
                <p class="position-reason">
                  <span class="muted">{w('consensus.objection')}: </span>
                  {r.reason}
                </p>
              </Show>
              <p class="disposition-reason">
                <Show when={r.disposition} fallback={<span class="badge">{w('consensus.noDisposition')}</span>}>
                  {(d) => <span class={`badge disposition-${d()}`}>{w(`consensus.dispositions.${d()}`)}</span>}
                </Show>
                <Show when={r.rationale}>
                  {' '}
                  <span>
                    {w('consensus.rationale')}: {r.rationale}
                  </span>
                </Show>
              </p>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}
