/**
 * One version, rendered. The HTML comes from the server's own renderer (the editor's Tiptap schema,
 * api/routes/versions.ts), and it goes into an element that holds nothing else and takes no other input.
 */
import { createResource, Show } from 'solid-js'
import { api, call } from '../../http/client.ts'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'

export function VersionView(props: { documentId: string; number: number; lang: string }) {
  const [view, { refetch }] = createResource(
    () => ({ id: props.documentId, number: props.number }),
    (q) => call(api.documents[':id'].versions[':number'].$get({ param: { id: q.id, number: String(q.number) } })),
  )
  return (
    <Show when={!view.error} fallback={<ErrorNotice error={view.error} onRetry={refetch} />}>
      <Show when={view.latest} fallback={<Loading inline />}>
        {(v) => <div class="prose version-rendered" lang={props.lang} innerHTML={v().html} />}
      </Show>
    </Show>
  )
}
