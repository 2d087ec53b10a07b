/**
 * One consensus call: its state and dates, the finding once closed, the tally, each participant's position
 * or "not responded" with every reason, the record of formal objections and their dispositions, the
 * history of casts; the position form for participants and the close form for chairs while it is open.
 */
import { createResource, For, Show } from 'solid-js'
import { STANCES } from '../../../domain/consensus.ts'
import { api, call } from '../../http/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { countryName, formatDate, formatDateTime } from '../../i18n/locale.ts'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { CloseCallForm } from './CloseCallForm.tsx'
import { ObjectionList } from './ObjectionList.tsx'
import { PositionForm } from './PositionForm.tsx'
import { useWorkflowT } from './workflow-i18n.ts'

export function CallDetailView(props: { callId: string; onChanged: () => void }) {
  const w = useWorkflowT()
  const { pick, locale } = useI18n()
  const [detail, { refetch }] = createResource(() => props.callId, (id) => call(api['consensus-calls'][':id'].$get({ param: { id } })))
  const changed = () => {
    void refetch()
    props.onChanged()
  }
  const participantName = (key: string) => {
    const p = detail.latest?.participants.find((x) => x.key === key)
    return p ? pick(p.name, p.nameZh).text : w('consensus.formerParticipant')
  }
  return (
    <Show when={!detail.error} fallback={<ErrorNotice error={detail.error} onRetry={refetch} />}>
      <Show when={detail.latest} fallback={<Loading inline />}>
        {(d) => (
          <div class="call-detail">
            <p class="call-meta">
              <span class={`badge ${d().call.status === 'open' ? 'badge-consensus' : 'badge-agreed'}`}>{d().call.status === 'open' ? w('consensus.open') : w('consensus.closed')}</span>{' '}
              {w('consensus.onVersion', { number: d().call.versionNumber })} ·{' '}
              <Show when={d().call.closedAt} fallback={w('consensus.closes', { date: formatDate(d().call.closesAt, locale()) })}>
                {(closedAt) => w('consensus.closedOn', { date: formatDate(closedAt(), locale()) })}
              </Show>
            </p>
            <Show when={d().call.finding}>
              {(f) => (
                <p class="call-finding">
                  <strong>{w('consensus.findingLabel', { finding: w(`consensus.findings.${f()}`) })}</strong>
                  <Show when={d().call.findingNote}> — {d().call.findingNote}</Show>
                </p>
              )}
            </Show>
            <h3 class="workflow-subtitle">{w('consensus.tally')}</h3>
            <p>{w('consensus.responded', { responded: d().tally.responded, participants: d().tally.participants })}</p>
            <ul class="tally" aria-label={w('consensus.tally')}>
              <For each={STANCES}>
                {(s) => (
                  <li class={`tally-item stance-${s}`}>
                    <span>{w(`consensus.stance.${s}`)}</span> <strong>{d().tally[s]}</strong>
                  </li>
                )}
              </For>
            </ul>
            <Show when={d().call.status === 'closed'}>
              <ObjectionList detail={d()} />
            </Show>
            <h3 class="workflow-subtitle">{w('consensus.participants')}</h3>
            <ul class="participant-list">
              <For each={d().participants}>
                {(p) => (
                  <li class="participant" data-key={p.key}>
                    <div>
                      <strong>{pick(p.name, p.nameZh).text}</strong>
                      <Show when={p.country}>{(c) => <span class="muted"> · {countryName(c(), locale())}</span>}</Show>
                    </div>
                    <Show when={p.position} fallback={<span class="badge">{w('consensus.notResponded')}</span>}>
                      {(pos) => (
                        <div>
                          <span class={`badge stance-badge stance-${pos().stance}`}>{w(`consensus.stance.${pos().stance}`)}</span> <span class="muted">{pos().castBy.displayName}</span>
                          <Show when={pos().reason}>
                            <p class="position-reason">{pos().reason}</p>
                          </Show>
                        </div>
                      )}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <Show when={d().viewer.canCast}>
              <PositionForm
                callId={d().call.id}
                current={(() => {
                  const mine = d().participants.find((p) => p.key === d().viewer.participantKey)?.position
                  return mine ? { stance: mine.stance, reason: mine.reason } : null
                })()}
                onCast={changed}
              />
            </Show>
            <Show when={d().viewer.canClose}>
              <CloseCallForm
                callId={d().call.id}
                objections={d()
                  .participants.filter((p) => p.position?.stance === 'formal_objection')
                  .map((p) => ({ positionId: p.position!.id, name: pick(p.name, p.nameZh).text, reason: p.position!.reason }))}
                onClosed={changed}
              />
            </Show>
            <Show when={d().history.length > 0}>
              <details class="call-history">
                <summary>
                  {w('consensus.history')} ({d().history.length})
                </summary>
                <ol>
                  <For each={d().history}>
                    {(h) => (
                      <li>
                        {formatDateTime(h.at, locale())} · {participantName(h.participantKey)} · {h.castBy.displayName}: {w(`consensus.stance.${h.stance}`)}
                        <Show when={h.reason}> — {h.reason}</Show>
                      </li>
                    )}
                  </For>
                </ol>
              </details>
            </Show>
          </div>
        )}
      </Show>
    </Show>
  )
}
