/** "Who wrote this": the current text, read-only, in spans coloured by author, with a legend. Text only. */
import { createResource, For, Show } from 'solid-js'
import { api, call } from '../../http/client.ts'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { useWorkflowT } from './workflow-i18n.ts'

export function AuthorshipView(props: { documentId: string; lang: string }) {
  const w = useWorkflowT()
  const [data, { refetch }] = createResource(() => props.documentId, (id) => call(api.documents[':id'].authorship.$get({ param: { id } })))
  const colour = (authorId: string | null) => data.latest?.authors.find((a) => a.id === authorId)?.colour ?? 'transparent'
  const name = (authorId: string | null) => data.latest?.authors.find((a) => a.id === authorId)?.displayName ?? w('authorship.unknown')
  return (
    <Show when={!data.error} fallback={<ErrorNotice error={data.error} onRetry={refetch} />}>
      <Show when={data.latest} fallback={<Loading inline />}>
        {(d) => (
          <div class="authorship">
            <ul class="authorship-legend" aria-label={w('authorship.legend')}>
              <For each={d().authors}>
                {(a) => (
                  <li class="authorship-author">
                    <span class="authorship-swatch" style={{ background: a.colour }} aria-hidden="true" />
                    <span>{a.displayName}</span> <span class="muted">{w('authorship.chars', { count: a.characters })}</span>
                  </li>
                )}
              </For>
            </ul>
            <div class="prose authorship-text" lang={props.lang}>
              <For each={d().blocks}>
                {(block) => (
                  <p>
                    <For each={block}>
                      {(span) => (
                        <span class="authored" style={{ 'text-decoration-color': colour(span.authorId), 'background-color': `color-mix(in srgb, ${colour(span.authorId)} 18%, transparent)` }} title={name(span.authorId)} data-author={span.authorId ?? ''}>
                          {span.text}
                        </span>
                      )}
                    </For>
                  </p>
                )}
              </For>
            </div>
          </div>
        )}
      </Show>
    </Show>
  )
}
