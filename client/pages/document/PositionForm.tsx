/** A member's position in a consensus call: one of six stances, with a reason required for concern and formal objection. */
import { createSignal, For } from 'solid-js'
import { STANCES, type Stance } from '../../../domain/consensus.ts'
import { api, call } from '../../http/client.ts'
import { FormError } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'
import { notify } from '../../ui/toasts.tsx'
import { reasonMissing } from './consensus-rules.ts'
import { useWorkflowT } from './workflow-i18n.ts'

export function PositionForm(props: { callId: string; current: { stance: Stance; reason: string } | null; onCast: () => void }) {
  const w = useWorkflowT()
  const [stance, setStance] = createSignal<Stance | null>(props.current?.stance ?? null)
  const [reason, setReason] = createSignal(props.current?.reason ?? '')
  const [tried, setTried] = createSignal(false)
  const [error, setError] = createSignal<unknown>(null)
  const [busy, setBusy] = createSignal(false)

  async function submit(e: Event) {
    e.preventDefault()
    setTried(true)
    const s = stance()
    if (!s || reasonMissing(s, reason())) return
    setBusy(true)
    setError(null)
    try {
      await call(api['consensus-calls'][':id'].positions.$post({ param: { id: props.callId }, json: { stance: s, reason: reason().trim() } }))
      notify.success(w('consensus.casted'))
      props.onCast()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="form position-form" onSubmit={submit} novalidate>
      <fieldset class="stance-set">
        <legend>{w('consensus.yourPosition')}</legend>
        <For each={STANCES}>
          {(s) => (
            <label class="stance-option">
              <input type="radio" name="stance" value={s} checked={stance() === s} onChange={() => setStance(s)} />
              <span>{w(`consensus.stance.${s}`)}</span>
            </label>
          )}
        </For>
      </fieldset>
      <TextField
        label={w('consensus.reason')}
        value={reason()}
        onInput={setReason}
        multiline
        rows={3}
        maxLength={5000}
        required={reasonMissing(stance(), '')}
        error={tried() && reasonMissing(stance(), reason()) ? w('consensus.reasonRequired') : null}
      />
      <FormError error={error()} />
      <button type="submit" class="btn btn-primary btn-sm" disabled={busy() || !stance()}>
        {w('consensus.cast')}
      </button>
    </form>
  )
}
