/**
 * Members of a body with institution (and its country), and role. Those who manage the body change roles and remove
 * members here; a refusal (the last-chair rule) is explained right above the table.
 */
import { createSignal, For, Show } from 'solid-js'
import type { Role } from '../../../domain/roles.ts'
import { api, call } from '../../http/client.ts'
import type { BodyDetail, Member } from '../../http/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { countryName } from '../../i18n/locale.ts'
import { useSession } from '../../session/session.tsx'
import { Avatar } from '../../ui/Avatar.tsx'
import { RoleBadge } from '../../ui/badges.tsx'
import { Choice } from '../../ui/Choice.tsx'
import { errorMessage } from '../../ui/errors.ts'
import { Empty, FormError } from '../../ui/feedback.tsx'
import { IconUsers, IconX } from '../../ui/icons.ts'
import { Localized } from '../../ui/Localized.tsx'
import { Modal } from '../../ui/Modal.tsx'
import { notify } from '../../ui/toasts.tsx'
import { roleOptions } from './options.ts'

export function Members(props: { detail: BodyDetail; onChanged: () => void }) {
  const { t, locale } = useI18n()
  const session = useSession()
  const [error, setError] = createSignal<string | null>(null)
  const [removing, setRemoving] = createSignal<Member | null>(null)
  const [removeError, setRemoveError] = createSignal<unknown>(null)
  const [busy, setBusy] = createSignal(false)
  const slug = () => props.detail.body.slug
  const canManage = () => props.detail.viewer.canManage

  const changeRole = async (m: Member, role: Role) => {
    setError(null)
    try {
      await call(api.bodies[':slug'].members[':userId'].$patch({ param: { slug: slug(), userId: m.userId }, json: { role } }))
      notify.success(t('body.roleChanged', { name: m.displayName, role: t(`roles.${role}`) }))
      props.onChanged()
    } catch (err) {
      setError(errorMessage(err, t))
    }
  }

  const remove = async () => {
    const m = removing()
    if (!m) return
    setBusy(true)
    setRemoveError(null)
    try {
      await call(api.bodies[':slug'].members[':userId'].$delete({ param: { slug: slug(), userId: m.userId } }))
      notify.success(t('body.removed', { name: m.displayName }))
      setRemoving(null)
      props.onChanged()
    } catch (err) {
      setRemoveError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="card" aria-labelledby="members-h">
      <h2 id="members-h" class="card-title">
        <IconUsers size={18} aria-hidden="true" />
        {t('body.members')}
        <span class="badge">{props.detail.members.length}</span>
      </h2>
      <Show when={error()}>
        <div class="notice notice-error" role="alert">
          <p class="notice-body">{error()}</p>
          <button type="button" class="icon-btn icon-btn-sm" aria-label={t('app.close')} onClick={() => setError(null)}>
            <IconX size={14} aria-hidden="true" />
          </button>
        </div>
      </Show>
      <Show when={props.detail.members.length} fallback={<Empty>{t('body.noMembers')}</Empty>}>
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('body.name')}</th>
                <th scope="col">{t('body.institution')}</th>
                <th scope="col">{t('body.role')}</th>
                <Show when={canManage()}>
                  <th scope="col">
                    <span class="sr-only">{t('body.actions')}</span>
                  </th>
                </Show>
              </tr>
            </thead>
            <tbody>
              <For each={props.detail.members}>
                {(m) => (
                  <tr>
                    <td>
                      <span class="person">
                        <Avatar name={m.displayName} size="sm" />
                        <span class="cell-main">{m.displayName}</span>
                        <Show when={m.userId === session.user()?.id}>
                          <span class="muted">{t('body.you')}</span>
                        </Show>
                      </span>
                    </td>
                    {/* Country under the institution, not a column of its own: the table fits a 1280 px window with the actions in view. */}
                    <td>
                      <Localized en={m.institution?.nameEn} zh={m.institution?.nameZh} fallback="—" />
                      <Show when={countryName(m.institution?.country, locale())}>
                        {(country) => <div class="cell-sub">{country()}</div>}
                      </Show>
                    </td>
                    <td>
                      <Show when={canManage()} fallback={<RoleBadge role={m.role} />}>
                        <Choice
                          label={t('body.changeRole', { name: m.displayName })}
                          hideLabel
                          size="sm"
                          value={m.role}
                          options={roleOptions(t)}
                          onChange={(role) => void changeRole(m, role)}
                        />
                      </Show>
                    </td>
                    <Show when={canManage()}>
                      <td class="actions">
                        <button
                          type="button"
                          class="btn btn-sm btn-ghost btn-danger"
                          aria-label={`${t('body.remove')}: ${m.displayName}`}
                          onClick={() => {
                            setRemoveError(null)
                            setRemoving(m)
                          }}
                        >
                          {t('body.remove')}
                        </button>
                      </td>
                    </Show>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Modal
        open={!!removing()}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={t('body.removeTitle', { name: removing()?.displayName ?? '' })}
        description={t('body.removeLead', { name: removing()?.displayName ?? '' })}
        size="sm"
      >
        <FormError error={removeError()} />
        <div class="btn-row">
          <button type="button" class="btn" onClick={() => setRemoving(null)}>
            {t('app.cancel')}
          </button>
          <button type="button" class="btn btn-danger-solid" disabled={busy()} onClick={() => void remove()}>
            {t('body.remove')}
          </button>
        </div>
      </Modal>
    </section>
  )
}
