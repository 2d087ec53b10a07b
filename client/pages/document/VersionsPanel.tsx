/**
 * Version history: save a named version, view any version rendered, compare two, and (chairs, in draft)
 * restore an old one as a new forward edit.
 */
import { createResource, createSignal, For, Show } from 'solid-js'
import { api, call } from '../../http/client.ts'
import type { DocumentDetail } from '../../http/types.ts'
import { formatDateTime, langTag } from '../../i18n/locale.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { actorOf, bodySubjectOf } from '../../session/actor.ts'
import { useSession } from '../../session/session.tsx'
import { ErrorNotice, FormError, Loading } from '../../ui/feedback.tsx'
import { Modal } from '../../ui/Modal.tsx'
import { notify } from '../../ui/toasts.tsx'
import { ComparePanel } from './ComparePanel.tsx'
import { mayRestore } from './moves.ts'
import { versionLabel } from './version-label.ts'
import { VersionView } from './VersionView.tsx'
import { useWorkflowT } from './workflow-i18n.ts'
import type { Version } from './workflow-types.ts'

export function VersionsPanel(props: { data: DocumentDetail; onChanged: () => void }) {
  const w = useWorkflowT()
  const { locale } = useI18n()
  const session = useSession()
  const id = () => props.data.document.id
  const [versions, { refetch }] = createResource(id, (docId) => call(api.documents[':id'].versions.$get({ param: { id: docId } })))
  const list = () => versions.latest?.versions ?? []
  const canSave = () => props.data.viewer.access === 'write'
  const canRestore = () => {
    const me = session.me.latest
    return !!me && mayRestore(props.data.document.state, bodySubjectOf(props.data.body), actorOf(me))
  }

  const [name, setName] = createSignal('')
  const [saveError, setSaveError] = createSignal<unknown>(null)
  const [viewing, setViewing] = createSignal<{ number: number; label: string } | null>(null)
  const [from, setFrom] = createSignal<number | null>(null)
  const [to, setTo] = createSignal<number | 'current'>('current')
  const [comparing, setComparing] = createSignal(false)

  async function save(e: Event) {
    e.preventDefault()
    if (!name().trim()) return
    setSaveError(null)
    try {
      const v = await call(api.documents[':id'].versions.$post({ param: { id: id() }, json: { label: name().trim() } }))
      setName('')
      notify.success(w('versions.saved', { number: v.number }))
      void refetch()
    } catch (err) {
      setSaveError(err)
    }
  }

  const [restoring, setRestoring] = createSignal<number | null>(null)
  const [restoreError, setRestoreError] = createSignal<unknown>(null)
  const [restoreBusy, setRestoreBusy] = createSignal(false)
  const askRestore = (number: number | null) => {
    setRestoreError(null)
    setRestoring(number)
  }
  // A refusal (not a draft any more, not a chair) stays in the dialog, next to the button that failed.
  async function restore(number: number) {
    setRestoreBusy(true)
    setRestoreError(null)
    try {
      const v = await call(api.documents[':id'].versions[':number'].restore.$post({ param: { id: id(), number: String(number) } }))
      setRestoring(null)
      notify.success(w('versions.restored', { number: v.number }))
      void refetch()
      props.onChanged()
    } catch (err) {
      setRestoreError(err)
    } finally {
      setRestoreBusy(false)
    }
  }
  const label = (v: Version) => versionLabel(v, w)

  const fromValue = () => from() ?? list()[1]?.number ?? list()[0]?.number ?? null

  return (
    <section class="workflow-panel" aria-labelledby="versions-title">
      <h2 id="versions-title" class="workflow-title">
        {w('versions.title')}
      </h2>
      <Show when={canSave()}>
        <form class="inline-form" onSubmit={save}>
          <label class="sr-only" for="version-label">
            {w('versions.labelField')}
          </label>
          <input id="version-label" class="input" value={name()} maxLength={200} placeholder={w('versions.labelField')} onInput={(e) => setName(e.currentTarget.value)} />
          <button type="submit" class="btn btn-sm" disabled={!name().trim()}>
            {w('versions.save')}
          </button>
        </form>
        <FormError error={saveError()} />
      </Show>
      <Show when={!versions.error} fallback={<ErrorNotice error={versions.error} onRetry={refetch} />}>
        <Show when={versions.latest} fallback={<Loading inline />}>
          <Show when={list().length > 0} fallback={<p class="empty">{w('versions.empty')}</p>}>
            <ol class="version-list">
              <For each={list()}>
                {(v) => (
                  <li class="version-item">
                    <div class="version-main">
                      <strong>
                        {v.number}. {label(v)}
                      </strong>
                      <span class="version-meta">
                        {w(`versions.origin.${v.origin}`)} · {formatDateTime(v.createdAt, locale())} · {w('versions.by', { name: v.createdBy.displayName ?? '' })}
                      </span>
                    </div>
                    <div class="btn-row">
                      <button type="button" class="btn btn-sm btn-ghost" onClick={() => setViewing({ number: v.number, label: label(v) })}>
                        {w('versions.view')}
                      </button>
                      <Show when={canRestore()}>
                        <button type="button" class="btn btn-sm btn-ghost" onClick={() => askRestore(v.number)}>
                          {w('versions.restore')}
                        </button>
                      </Show>
                    </div>
                  </li>
                )}
              </For>
            </ol>
            <div class="compare-picker">
              <label>
                {w('versions.from')}{' '}
                <select class="input input-sm" value={String(fromValue() ?? '')} onChange={(e) => setFrom(Number(e.currentTarget.value))}>
                  <For each={list()}>{(v) => <option value={String(v.number)}>{`${v.number}. ${label(v)}`}</option>}</For>
                </select>
              </label>
              <label>
                {w('versions.to')}{' '}
                <select class="input input-sm" value={String(to())} onChange={(e) => setTo(e.currentTarget.value === 'current' ? 'current' : Number(e.currentTarget.value))}>
                  <option value="current">{w('versions.current')}</option>
                  <For each={list()}>{(v) => <option value={String(v.number)}>{`${v.number}. ${label(v)}`}</option>}</For>
                </select>
              </label>
              <button type="button" class="btn btn-sm" onClick={() => setComparing(true)}>
                {w('versions.compare')}
              </button>
            </div>
          </Show>
        </Show>
      </Show>
      <Modal open={!!viewing()} onOpenChange={(open) => !open && setViewing(null)} title={viewing() ? w('versions.versionTitle', { number: viewing()!.number, label: viewing()!.label }) : ''} size="lg">
        <Show when={viewing()}>{(v) => <VersionView documentId={id()} number={v().number} lang={langTag(props.data.document.language)} />}</Show>
      </Modal>
      <Modal open={restoring() !== null} onOpenChange={(open) => !open && askRestore(null)} title={w('versions.restore')} description={w('versions.restoreConfirm', { number: restoring() ?? 0 })} size="sm">
        <FormError error={restoreError()} />
        <div class="btn-row">
          <button type="button" class="btn" onClick={() => askRestore(null)}>
            {w('state.cancel')}
          </button>
          <button type="button" class="btn btn-primary" disabled={restoreBusy()} onClick={() => void restore(restoring()!)}>
            {w('versions.restore')}
          </button>
        </div>
      </Modal>
      <Modal open={comparing()} onOpenChange={setComparing} title={w('versions.compareTitle')} size="lg">
        <Show when={comparing() && fromValue()}>{(f) => <ComparePanel documentId={id()} from={f()} to={to()} />}</Show>
      </Modal>
    </section>
  )
}
