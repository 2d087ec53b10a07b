/** Asking to join a body (with a message for its chairs), and leaving it. */
import { createSignal } from 'solid-js'
import { api, call } from '../../http/client.ts'
import { createForm } from '../../forms/form.ts'
import { maxLength } from '../../forms/validate.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { FormError } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'
import { Modal } from '../../ui/Modal.tsx'
import { notify } from '../../ui/toasts.tsx'

export function JoinDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; slug: string; bodyName: string; onDone: () => void }) {
  const { t } = useI18n()
  const form = createForm({ message: '' }, { message: maxLength(2000) }, async (v) => {
    await call(api.bodies[':slug']['join-requests'].$post({ param: { slug: props.slug }, json: { message: v.message } }))
    notify.success(t('body.requestSent'))
    props.onOpenChange(false)
    form.reset()
    props.onDone()
  })
  return (
    <Modal open={props.open} onOpenChange={props.onOpenChange} title={t('body.joinTitle', { body: props.bodyName })}>
      <form class="form" onSubmit={(e) => void form.submit(e)} novalidate>
        <TextField
          label={t('body.joinMessage')}
          hint={t('body.joinMessageHint')}
          multiline
          rows={4}
          value={form.values.message}
          onInput={(v) => form.set('message', v)}
          error={form.error('message')}
          optionalLabel={t('app.optional')}
        />
        <FormError error={form.serverError()} />
        <div class="btn-row">
          <button type="button" class="btn" onClick={() => props.onOpenChange(false)}>
            {t('app.cancel')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={form.pending()}>
            {t('body.sendRequest')}
          </button>
        </div>
      </form>
    </Modal>
  )
}

export function LeaveDialog(props: {
  open: boolean
  onOpenChange: (open: boolean) => void
  slug: string
  bodyName: string
  userId: string
  onDone: () => void
}) {
  const { t } = useI18n()
  const [error, setError] = createSignal<unknown>(null)
  const [pending, setPending] = createSignal(false)
  const leave = async () => {
    setPending(true)
    setError(null)
    try {
      await call(api.bodies[':slug'].members[':userId'].$delete({ param: { slug: props.slug, userId: props.userId } }))
      notify.success(t('body.left', { body: props.bodyName }))
      props.onOpenChange(false)
      props.onDone()
    } catch (err) {
      setError(err)
    } finally {
      setPending(false)
    }
  }
  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => {
        setError(null)
        props.onOpenChange(open)
      }}
      title={t('body.leaveTitle', { body: props.bodyName })}
      description={t('body.leaveLead')}
      size="sm"
    >
      <FormError error={error()} />
      <div class="btn-row">
        <button type="button" class="btn" onClick={() => props.onOpenChange(false)}>
          {t('app.cancel')}
        </button>
        <button type="button" class="btn btn-danger-solid" disabled={pending()} onClick={() => void leave()}>
          {t('body.leave')}
        </button>
      </div>
    </Modal>
  )
}
