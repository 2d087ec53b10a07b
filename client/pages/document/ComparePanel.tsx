/**
 * Two versions side by side (or a version and the current text): blocks aligned by the server, words
 * marked as inserted or deleted, and who wrote the new text of each row. Text only, never HTML.
 */
import { createResource, For, Show } from 'solid-js'
import { api, call } from '../../http/client.ts'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'
import type { CompareRow } from './workflow-types.ts'
import { useWorkflowT } from './workflow-i18n.ts'

function Segments(props: { segments: CompareRow['left'] }) {
  return (
    <For each={props.segments}>
      {(s) => (s.op === 'ins' ? <ins>{s.text}</ins> : s.op === 'del' ? <del>{s.text}</del> : <span>{s.text}</span>)}
    </For>
  )
}

export function ComparePanel(props: { documentId: string; from: number; to: number | 'current' }) {
  const w = useWorkflowT()
  const [rows, { refetch }] = createResource(
    () => ({ id: props.documentId, from: props.from, to: props.to }),
    (q) => call(api.documents[':id'].compare.$get({ param: { id: q.id }, query: { from: String(q.from), to: String(q.to) } })),
  )
  const changed = () => rows.latest?.rows.filter((r) => r.kind !== 'same') ?? []
  return (
    <Show when={!rows.error} fallback={<ErrorNotice error={rows.error} onRetry={refetch} />}>
      <Show when={rows.latest} fallback={<Loading inline />}>
        <Show when={changed().length > 0} fallback={<p class="empty">{w('versions.noChanges')}</p>}>
          <table class="compare-table">
            <thead>
              <tr>
                <th scope="col">{w('versions.before')}</th>
                <th scope="col">{w('versions.after')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows.latest!.rows}>
                {(row) => (
                  <tr class={`compare-row compare-${row.kind}`}>
                    <td>
                      <Segments segments={row.left} />
                    </td>
                    <td>
                      <Segments segments={row.right} />
                      <Show when={row.authors.length > 0}>
                        <p class="compare-authors">{w('versions.authors', { names: row.authors.join(', ') })}</p>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </Show>
    </Show>
  )
}
