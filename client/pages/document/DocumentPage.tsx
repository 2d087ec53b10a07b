/**
 * A document: its title and state, who is here, the status line, and the collaborative editor. This page
 * is its own lazily loaded chunk, so Tiptap, Yjs and the websocket client load only here.
 *
 * Access can change while the page is open (the state moves on, a role changes): the server then stops
 * applying our updates or closes the socket. The page asks the API again when that happens, every
 * minute, and when the window regains focus, and makes the editor read-only with the reason.
 */
import { A, useParams } from '@solidjs/router'
import type { Editor } from '@tiptap/core'
import { createEffect, createMemo, createResource, createSignal, ErrorBoundary, on, onCleanup, Show } from 'solid-js'
import { api, ApiError, call } from '../../http/client.ts'
import type { DocumentDetail } from '../../http/types.ts'
import { acquireCollabSession, anyUnsaved, releaseCollabSession, type AccessCheck } from '../../editor/collab-session.ts'
import { CollabEditor } from '../../editor/Editor.tsx'
import { Presence } from '../../editor/Presence.tsx'
import { StatusLine } from '../../editor/StatusLine.tsx'
import '../../editor/editor.css'
import { useI18n } from '../../i18n/i18n.tsx'
import { langTag } from '../../i18n/locale.ts'
import { PageHeader } from '../../layout/PageHeader.tsx'
import { useSession } from '../../session/session.tsx'
import { StateBadge } from '../../ui/badges.tsx'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { IconChevronRight, IconLock } from '../../ui/icons.ts'
import { Localized } from '../../ui/Localized.tsx'
import { readOnlyKind } from './read-only.ts'
import { StateBanner } from './StateBanner.tsx'
import { WorkflowSidebar } from './WorkflowSidebar.tsx'

// Closing the tab with changes the server has not confirmed asks first: they live only in this tab.
window.addEventListener('beforeunload', (e) => {
  if (anyUnsaved()) e.preventDefault()
})

const RECHECK_MS = 60_000

/** The title in the other language, when it says something different: both matter to a bilingual group. */
function OtherTitle(props: { en: string; zh: string }) {
  const { locale } = useI18n()
  const other = () => (locale() === 'zh' ? props.en : props.zh).trim()
  const shown = () => (locale() === 'zh' ? props.zh : props.en).trim()
  return (
    <Show when={other() && shown() && other() !== shown()}>
      <span lang={locale() === 'zh' ? 'en' : 'zh-CN'}>{other()}</span>
    </Show>
  )
}

function DocumentView(props: { data: DocumentDetail; update: (next: DocumentDetail) => void }) {
  const { t, pick } = useI18n()
  const session = useSession()
  const doc = () => props.data.document
  const writable = () => props.data.viewer.access === 'write'

  const check: AccessCheck = async () => {
    try {
      const next = await call(api.documents[':id'].$get({ param: { id: doc().id } }))
      // A change of access usually means a change of role: the reason shown needs the new one.
      if (next.viewer.access !== props.data.viewer.access) void session.refresh()
      props.update(next)
      return next.viewer.access
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return 'signed-out'
      if (err instanceof ApiError && (err.status === 404 || err.status === 403)) return 'no-access'
      return 'unknown'
    }
  }

  const userId = session.user()?.id ?? ''
  const collab = acquireCollabSession(doc().id, { userId, writable: writable(), check })
  onCleanup(() => releaseCollabSession(collab, userId))

  const [editor, setEditor] = createSignal<Editor>()
  const [lostWrite, setLostWrite] = createSignal(false)
  createEffect(
    on(writable, (now, before) => {
      collab.setWritable(now)
      if (before && !now && collab.unsaved()) setLostWrite(true)
      if (now) setLostWrite(false)
    }),
  )
  const denied = () => collab.state().denied !== null
  const editable = () => writable() && !denied()

  const timer = setInterval(() => void check(), RECHECK_MS)
  const onFocus = () => void check()
  window.addEventListener('focus', onFocus)
  onCleanup(() => {
    clearInterval(timer)
    window.removeEventListener('focus', onFocus)
  })

  const myRole = () => session.me.latest?.memberships.find((m) => m.bodyId === props.data.body.id)?.role
  const readOnlyText = () => {
    const kind = readOnlyKind(doc().state, props.data.viewer.readOnlyReason)
    if (kind === 'published') return t('editor.readOnlyPublished')
    if (kind === 'withdrawn') return t('editor.readOnlyWithdrawn')
    if (kind === 'frozen') return t('editor.readOnlyFrozen', { state: t(`states.${doc().state}`) })
    const role = myRole()
    return role ? t('editor.readOnlyRole', { body: pick(props.data.body.nameEn, props.data.body.nameZh).text, role: t(`roles.${role}`) }) : t('editor.readOnlyRoleOther')
  }
  const statusHint = () => {
    const status = collab.status()
    if (status === 'offline-kept') return t('editor.statusHint.offlineKept')
    if (status === 'signed-out') return t('editor.statusHint.signedOut')
    if (status === 'no-access') return t('editor.statusHint.noAccess')
    if (status === 'rejected') return t('editor.statusHint.rejected')
    return null
  }
  const title = createMemo(() => pick(doc().titleEn, doc().titleZh).text || t('documents.untitled'))

  return (
    <div class="page document-page">
      <PageHeader
        titleText={title()}
        title={<Localized en={doc().titleEn} zh={doc().titleZh} fallback={t('documents.untitled')} />}
        lead={<OtherTitle en={doc().titleEn} zh={doc().titleZh} />}
        eyebrow={
          <>
            <A href={`/bodies/${props.data.body.slug}`}>
              <Localized en={props.data.body.nameEn} zh={props.data.body.nameZh} />
            </A>
            <IconChevronRight size={14} aria-hidden="true" />
            <span>{t(`documentKinds.${doc().kind}`)}</span>
            <StateBadge state={doc().state} />
          </>
        }
        actions={
          <div class="document-meta">
            <Presence peers={collab.peers()} selfName={session.user()?.displayName ?? ''} selfUserId={session.user()?.id ?? null} />
            <StatusLine status={collab.status()} />
          </div>
        }
      />
      <StateBanner data={props.data} onChanged={() => void check()} />
      <Show when={statusHint()}>
        {(hint) => (
          <p class="notice notice-warning" role="status">
            {hint()}
          </p>
        )}
      </Show>
      <Show when={lostWrite()}>
        <p class="notice notice-warning" role="alert">
          {t('editor.lostWrite')}
        </p>
      </Show>
      <Show when={!writable()}>
        <p class="notice notice-info readonly-banner">
          <IconLock size={16} aria-hidden="true" />
          <span>
            <strong>{t('editor.readOnly')}.</strong> {readOnlyText()}
          </span>
        </p>
      </Show>
      <div class="document-body">
        <CollabEditor
          session={collab}
          editable={editable()}
          userId={session.user()?.id ?? ''}
          userName={session.user()?.displayName ?? ''}
          lang={langTag(doc().language)}
          onEditor={setEditor}
        />
        <WorkflowSidebar data={props.data} editor={editor()} onChanged={() => void check()} />
      </div>
    </div>
  )
}

export default function DocumentPage() {
  const params = useParams<{ id: string }>()
  const [data, { refetch, mutate }] = createResource(
    () => params.id,
    (id) => call(api.documents[':id'].$get({ param: { id } })),
  )
  return (
    <ErrorBoundary fallback={(err) => <ErrorNotice error={err} onRetry={refetch} />}>
      <Show when={data.latest?.document.id} fallback={<Loading />} keyed>
        {(_id) => <DocumentView data={data.latest!} update={(next) => mutate(next)} />}
      </Show>
    </ErrorBoundary>
  )
}
