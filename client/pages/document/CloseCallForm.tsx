/**
 * The chair closes a consensus call with a finding. For consensus with dissent every standing formal
 * objection needs a disposition (addressed, withdrawn, or overruled with a rationale).
 */
import { createSignal, For, Show } from 'solid-js'
import { createStore } from 'solid-js/store'
import { DISPOSITIONS, FINDINGS, type DispositionKind, type Finding } from '../../../domain/consensus.ts'
import { api, call } from '../../http/client.ts'
import { FormError } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'
import { notify } from '../../ui/toasts.tsx'
import { dispositionProblems, type DraftDisposition } from './consensus-rules.ts'
import { useWorkflowT } from './workflow-i18n.ts'

export interface Objection {
  positionId: number
  name: string
  reason: string
}

export function CloseCallForm(props: { callId: string; objections: Objection[]; onClosed: () => void }) {
  const w = useWorkflowT()
  const [finding, setFinding] = createSignal<Finding | null>(null)
  const [note, setNote] = createSignal('')
  const [drafts, setDrafts] = createStore<Record<number, DraftDisposition>>({})
  const [tried, setTried] = createSignal(false)
  const [error, setError] = createSignal<unknown>(null)
  const [busy, setBusy] = createSignal(false)
  const problems = () => dispositionProblems(finding(), props.objections.map((o) => o.positionId), drafts)

  async function submit(e: Event) {
    e.preventDefault()
    setTried(true)
    const f = finding()
    if (!f || Object.keys(problems()).length > 0) return
    setBusy(true)
    setError(null)
    try {
      const dispositions = f === 'consensus_with_dissent' ? props.objections.map((o) => ({ positionId: o.positionId, disposition: drafts[o.positionId]!.disposition!, rationale: drafts[o.positionId]!.rationale.trim() })) : []
      await call(api['consensus-calls'][':id'].close.$post({ param: { id: props.callId }, json: { finding: f, note: note().trim(), dispositions } }))
      notify.success(w('consensus.closedDone'))
      props.onClosed()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const setDisposition = (id: number, disposition: DispositionKind) => setDrafts(id, { disposition, rationale: drafts[id]?.rationale ?? '' })
  const setRationale = (id: number, rationale: string) => setDrafts(id, { disposition: drafts[id]?.disposition ?? null, rationale })

  return (
    <form class="form close-call-form" onSubmit={submit} novalidate>
      <fieldset class="stance-set">
        <legend>{w('consensus.finding')}</legend>
        <For each={FINDINGS}>
          {(f) => (
            <label class="stance-option">
              <input type="radio" name="finding" value={f} checked={finding() === f} onChange={() => setFinding(f)} />
              <span>{w(`consensus.findings.${f}`)}</span>
            </label>
          )}
        </For>
      </fieldset>
      <Show when={finding() === 'consensus_with_dissent'}>
        <For each={props.objections}>
          {(o) => (
            <fieldset class="disposition" classList={{ 'field-invalid': tried() && !!problems()[o.positionId] }}>
              <legend>{w('consensus.dispositionFor', { name: o.name })}</legend>
              <p class="disposition-reason">{o.reason}</p>
              <div class="segmented-radios">
                <For each={DISPOSITIONS}>
                  {(d) => (
                    <label class="stance-option">
                      <input type="radio" name={`disposition-${o.positionId}`} value={d} checked={drafts[o.positionId]?.disposition === d} onChange={() => setDisposition(o.positionId, d)} />
                      <span>{w(`consensus.dispositions.${d}`)}</span>
                    </label>
                  )}
                </For>
              </div>
              <TextField label={w('consensus.rationale')} value={drafts[o.positionId]?.rationale ?? ''} onInput={(v) => setRationale(o.positionId, v)} multiline rows={2} maxLength={5000} />
              <Show when={tried() && problems()[o.positionId]}>
                {(p) => <p class="field-error">{p() === 'missing' ? w('consensus.dispositionMissing') : w('consensus.rationaleMissing')}</p>}
              </Show>
            </fieldset>
          )}
        </For>
      </Show>
      <TextField label={w('consensus.note')} value={note()} onInput={setNote} multiline rows={2} maxLength={5000} />
      <FormError error={error()} />
      <button type="submit" class="btn btn-primary btn-sm" disabled={busy() || !finding()}>
        {w('consensus.close')}
      </button>
    </form>
  )
}
