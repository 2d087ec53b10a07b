/**
 * The document's consensus calls: the latest one in full, and the earlier ones (a document goes back to
 * draft and is called again) each collapsed to one line, loaded when opened, with the same record: the
 * finding, every position and reason, and the dispositions of formal objections.
 */
import { createResource, createSignal, For, Show } from 'solid-js'
import { api, call } from '../../http/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatDate } from '../../i18n/locale.ts'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { CallDetailView } from './CallDetail.tsx'
import type { CallSummary } from './workflow-types.ts'
import { useWorkflowT } from './workflow-i18n.ts'
import './consensus.css'

function PastCall(props: { call: CallSummary }) {
  const w = useWorkflowT()
  const { locale } = useI18n()
  const [opened, setOpened] = createSignal(false)
  const summary = () =>
    w('consensus.pastCall', {
      number: props.call.versionNumber,
      finding: props.call.finding ? w(`consensus.findings.${props.call.finding}`) : w('consensus.closed'),
      date: formatDate(props.call.closedAt ?? props.call.closesAt, locale()),
    })
  return (
    <li>
      <details class="past-call" onToggle={(e) => setOpened(e.currentTarget.open)}>
        <summary>{summary()}</summary>
        <Show when={opened()}>
          <CallDetailView callId={props.call.id} onChanged={() => {}} />
        </Show>
      </details>
    </li>
  )
}

export function ConsensusPanel(props: { documentId: string; state: string; onChanged: () => void }) {
  const w = useWorkflowT()
  // Refetched when the document's state changes (a call opened or closed).
  const [calls, { refetch }] = createResource(
    () => ({ id: props.documentId, state: props.state }),
    (q) => call(api.documents[':id']['consensus-calls'].$get({ param: { id: q.id } })),
  )
  const earlier = () => calls.latest?.calls.slice(1) ?? []
  return (
    <section class="workflow-panel" aria-labelledby="consensus-title">
      <h2 id="consensus-title" class="workflow-title">
        {w('consensus.title')}
      </h2>
      <Show when={!calls.error} fallback={<ErrorNotice error={calls.error} onRetry={refetch} />}>
        <Show when={calls.latest} fallback={<Loading inline />}>
          <Show when={calls.latest!.calls[0]} fallback={<p class="empty">{w('consensus.none')}</p>} keyed>
            {(latest) => <CallDetailView callId={latest.id} onChanged={props.onChanged} />}
          </Show>
          <Show when={earlier().length > 0}>
            <h3 class="workflow-subtitle">{w('consensus.pastCalls', { count: earlier().length })}</h3>
            <ul class="past-calls">
              <For each={earlier()}>{(c) => <PastCall call={c} />}</For>
            </ul>
          </Show>
        </Show>
      </Show>
    </section>
  )
}
