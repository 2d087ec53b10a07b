/** Endorsements of the agreed version: the list, "endorsed by N institutions from M countries", and the button. */
import { createResource, createSignal, For, Show } from 'solid-js'
import { api, call } from '../../http/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { countryName } from '../../i18n/locale.ts'
import { ErrorNotice, FormError, Loading } from '../../ui/feedback.tsx'
import { notify } from '../../ui/toasts.tsx'
import { useWorkflowT } from './workflow-i18n.ts'

export function EndorsePanel(props: { documentId: string; state: string }) {
  const w = useWorkflowT()
  const { pick, locale } = useI18n()
  const [data, { refetch, mutate }] = createResource(
    () => ({ id: props.documentId, state: props.state }),
    (q) => call(api.documents[':id'].endorsements.$get({ param: { id: q.id } })),
  )
  const [error, setError] = createSignal<unknown>(null)
  const [busy, setBusy] = createSignal(false)
  async function endorse() {
    setBusy(true)
    setError(null)
    try {
      mutate(await call(api.documents[':id'].endorsements.$post({ param: { id: props.documentId } })))
      notify.success(w('endorse.done'))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="workflow-panel" aria-labelledby="endorse-title">
      <h2 id="endorse-title" class="workflow-title">
        {w('endorse.title')}
      </h2>
      <Show when={!data.error} fallback={<ErrorNotice error={data.error} onRetry={refetch} />}>
        <Show when={data.latest} fallback={<Loading inline />}>
          {(d) => (
            <>
              <Show when={d().institutions > 0} fallback={<p class="empty">{w('endorse.none')}</p>}>
                <p class="endorse-summary">{w('endorse.summary', { institutions: d().institutions, countries: d().countries })}</p>
                <ul class="endorse-list">
                  <For each={d().endorsements}>
                    {(e) => (
                      <li>
                        <strong>{pick(e.institution.nameEn, e.institution.nameZh).text}</strong> ({countryName(e.institution.country, locale())}) · <span class="muted">{w('endorse.signedBy', { name: e.signedBy })}</span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <Show when={d().viewer.endorsed}>
                <p class="notice notice-success">{w('endorse.endorsed')}</p>
              </Show>
              <Show when={d().viewer.canEndorse}>
                <button type="button" class="btn btn-primary btn-sm" disabled={busy()} onClick={() => void endorse()}>
                  {w('endorse.endorse')}
                </button>
              </Show>
              <FormError error={error()} />
            </>
          )}
        </Show>
      </Show>
    </section>
  )
}
