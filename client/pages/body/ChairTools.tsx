/**
 * The chair's side panel: invite by email (the link is shown to copy: the hub sends no mail), open
 * invitations to withdraw, requests to join to approve (with a role) or decline.
 */
import { createResource, createSignal, For, Show } from 'solid-js'
import type { Role } from '../../../domain/roles.ts'
import { api, call } from '../../http/client.ts'
import type { BodyDetail, JoinRequest } from '../../http/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatDate, relativeTime } from '../../i18n/locale.ts'
import { Choice } from '../../ui/Choice.tsx'
import { Empty, ErrorNotice, FormError } from '../../ui/feedback.tsx'
import { IconShield, IconUserPlus } from '../../ui/icons.ts'
import { Localized } from '../../ui/Localized.tsx'
import { createRowErrors } from '../../ui/row-errors.ts'
import { notify } from '../../ui/toasts.tsx'
import { InviteDialog } from './InviteDialog.tsx'
import { roleOptions } from './options.ts'

function RequestItem(props: { request: JoinRequest; slug: string; onDecided: () => void }) {
  const { t, locale } = useI18n()
  const [role, setRole] = createSignal<Role>('member')
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<unknown>(null)
  const r = () => props.request
  const decide = async (approve: boolean) => {
    setBusy(true)
    setError(null)
    try {
      const param = { slug: props.slug, id: r().id }
      if (approve) {
        await call(api.bodies[':slug']['join-requests'][':id'].approve.$post({ param, json: { role: role() } }))
        notify.success(t('chair.approved', { name: r().user.displayName, role: t(`roles.${role()}`) }))
      } else {
        await call(api.bodies[':slug']['join-requests'][':id'].decline.$post({ param }))
        notify.success(t('chair.declined', { name: r().user.displayName }))
      }
      props.onDecided()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <li class="request">
      <div class="request-head">
        <span class="cell-main">{r().user.displayName}</span>
        <time class="muted" dateTime={r().createdAt}>
          {relativeTime(r().createdAt, locale())}
        </time>
      </div>
      <div class="cell-sub">
        {r().user.email}
        <Show when={r().user.institution}>
          {(inst) => (
            <>
              {' · '}
              <Localized en={inst().nameEn} zh={inst().nameZh} />
            </>
          )}
        </Show>
      </div>
      <Show when={r().message}>
        <blockquote class="request-message">{r().message}</blockquote>
      </Show>
      <div class="request-actions">
        <Choice
          label={`${t('chair.approveAs')} (${r().user.displayName})`}
          hideLabel
          size="sm"
          value={role()}
          options={roleOptions(t)}
          onChange={setRole}
        />
        <button
          type="button"
          class="btn btn-sm btn-primary"
          aria-label={`${t('chair.approve')}: ${r().user.displayName}`}
          disabled={busy()}
          onClick={() => void decide(true)}
        >
          {t('chair.approve')}
        </button>
        <button
          type="button"
          class="btn btn-sm"
          aria-label={`${t('chair.decline')}: ${r().user.displayName}`}
          disabled={busy()}
          onClick={() => void decide(false)}
        >
          {t('chair.decline')}
        </button>
      </div>
      <FormError error={error()} />
    </li>
  )
}

export function ChairTools(props: { detail: BodyDetail; onChanged: () => void }) {
  const { t, locale, pick } = useI18n()
  const slug = () => props.detail.body.slug
  const [inviteOpen, setInviteOpen] = createSignal(false)
  const [invitations, { refetch: refetchInvitations }] = createResource(slug, (s) => call(api.bodies[':slug'].invitations.$get({ param: { slug: s } })))
  const [requests, { refetch: refetchRequests }] = createResource(slug, (s) =>
    call(api.bodies[':slug']['join-requests'].$get({ param: { slug: s }, query: {} })),
  )

  const revokeErrors = createRowErrors()
  const revoke = async (id: string, email: string) => {
    const done = await revokeErrors.run(id, () => call(api.bodies[':slug'].invitations[':id'].$delete({ param: { slug: slug(), id } })))
    if (!done) return
    notify.success(t('chair.revoked', { email }))
    void refetchInvitations()
  }

  return (
    <aside class="stack" aria-label={t('chair.tools')}>
      <section class="card chair-card" aria-labelledby="chair-h">
        <div class="card-header">
          <h2 id="chair-h" class="card-title">
            <IconShield size={18} aria-hidden="true" />
            {t('chair.tools')}
          </h2>
        </div>
        <button type="button" class="btn btn-primary" onClick={() => setInviteOpen(true)}>
          <IconUserPlus size={16} aria-hidden="true" />
          {t('chair.invite')}
        </button>

        <h3 id="requests-h" class="card-subtitle card-subtitle-row">
          {t('chair.requests')}
          <Show when={requests.latest?.requests.length}>
            <span class="badge badge-accent">{requests.latest!.requests.length}</span>
          </Show>
        </h3>
        <Show when={!requests.error} fallback={<ErrorNotice error={requests.error} onRetry={refetchRequests} />}>
          <Show when={requests.latest?.requests.length} fallback={<Empty>{t('chair.noRequests')}</Empty>}>
            <ul class="plain-list requests">
              <For each={requests.latest!.requests}>
                {(r) => (
                  <RequestItem
                    request={r}
                    slug={slug()}
                    onDecided={() => {
                      void refetchRequests()
                      props.onChanged()
                    }}
                  />
                )}
              </For>
            </ul>
          </Show>
        </Show>

        <h3 id="invitations-h" class="card-subtitle">
          {t('chair.invitations')}
        </h3>
        <Show when={!invitations.error} fallback={<ErrorNotice error={invitations.error} onRetry={refetchInvitations} />}>
          <Show when={invitations.latest?.invitations.length} fallback={<Empty>{t('chair.noInvitations')}</Empty>}>
            <ul class="plain-list invitations">
              <For each={invitations.latest!.invitations}>
                {(inv) => (
                  <li class="invitation">
                    <div class="invitation-main">
                      <span class="cell-main truncate">{inv.email}</span>
                      <span class="cell-sub">{t('chair.invitedAs', { role: t(`roles.${inv.role}`), date: formatDate(inv.expiresAt, locale()) })}</span>
                    </div>
                    <button
                      type="button"
                      class="btn btn-sm btn-ghost btn-danger"
                      aria-label={`${t('chair.revoke')}: ${inv.email}`}
                      onClick={() => void revoke(inv.id, inv.email)}
                    >
                      {t('chair.revoke')}
                    </button>
                    <FormError error={revokeErrors.error(inv.id)} />
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
      </section>

      <InviteDialog
        open={inviteOpen()}
        onOpenChange={setInviteOpen}
        slug={slug()}
        bodyName={pick(props.detail.body.nameEn, props.detail.body.nameZh).text}
        onInvited={() => void refetchInvitations()}
      />
    </aside>
  )
}
