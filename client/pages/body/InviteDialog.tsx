/** Invite by email and role; the answer is a one-time link the chair copies and sends themselves. */
import { createSignal, Show } from 'solid-js'
import type { Role } from '../../../domain/roles.ts'
import { api, call } from '../../http/client.ts'
import { createForm } from '../../forms/form.ts'
import { email } from '../../forms/validate.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { Choice } from '../../ui/Choice.tsx'
import { CopyField } from '../../ui/CopyField.tsx'
import { FormError } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'
import { Modal } from '../../ui/Modal.tsx'
import { roleOptions } from './options.ts'

export function InviteDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; slug: string; bodyName: string; onInvited: () => void }) {
  const { t } = useI18n()
  const [result, setResult] = createSignal<{ email: string; link: string } | null>(null)
  const form = createForm({ email: '', role: 'member' as Role }, { email }, async (v) => {
    const res = await call(api.bodies[':slug'].invitations.$post({ param: { slug: props.slug }, json: { email: v.email.trim(), role: v.role } }))
    setResult({ email: res.invitation.email, link: res.link })
    props.onInvited()
  })
  const close = (open: boolean) => {
    if (!open) {
      setResult(null)
      form.reset()
    }
    props.onOpenChange(open)
  }
  return (
    <Modal open={props.open} onOpenChange={close} title={t('chair.inviteTitle', { body: props.bodyName })} description={t('chair.inviteLead')}>
      <Show
        when={result()}
        fallback={
          <form class="form" onSubmit={(e) => void form.submit(e)} novalidate>
            <TextField
              label={t('chair.inviteEmail')}
              type="email"
              autocomplete="off"
              value={form.values.email}
              onInput={(v) => form.set('email', v)}
              error={form.error('email')}
              required
            />
            <Choice label={t('chair.inviteRole')} value={form.values.role} options={roleOptions(t)} onChange={(v) => form.set('role', v)} />
            <FormError error={form.serverError()} />
            <div class="btn-row">
              <button type="button" class="btn" onClick={() => close(false)}>
                {t('app.cancel')}
              </button>
              <button type="submit" class="btn btn-primary" disabled={form.pending()}>
                {t('chair.createInvite')}
              </button>
            </div>
          </form>
        }
      >
        {(r) => (
          <div class="form">
            <CopyField label={t('chair.inviteLink', { email: r().email })} value={r().link} />
            <div class="btn-row">
              <button
                type="button"
                class="btn"
                onClick={() => {
                  setResult(null)
                  form.reset()
                }}
              >
                {t('chair.invite')}
              </button>
              <button type="button" class="btn btn-primary" onClick={() => close(false)}>
                {t('app.close')}
              </button>
            </div>
          </div>
        )}
      </Show>
    </Modal>
  )
}
