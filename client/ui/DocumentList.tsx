/** Documents as a list: title in the chosen language (or the other), kind, body, state, last change. */
import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import type { DocumentSummary, HomeDocument } from '../http/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { formatDateTime, relativeTime } from '../i18n/locale.ts'
import { StateBadge } from './badges.tsx'
import { IconFile } from './icons.ts'
import { Localized } from './Localized.tsx'

type Doc = DocumentSummary & { body?: HomeDocument['body'] }

export function DocumentList(props: { documents: readonly Doc[]; showBody?: boolean; label?: string }) {
  const { t, locale } = useI18n()
  return (
    <ul class="doc-list" aria-label={props.label}>
      <For each={props.documents}>
        {(d) => (
          <li class="doc-item">
            <IconFile size={18} class="doc-icon" aria-hidden="true" />
            <div class="doc-main">
              <A href={`/documents/${d.id}`} class="doc-title">
                <Localized en={d.titleEn} zh={d.titleZh} fallback={t('documents.untitled')} />
              </A>
              <div class="doc-meta">
                <span>{t(`documentKinds.${d.kind}`)}</span>
                <Show when={props.showBody && d.body}>
                  {(b) => (
                    <>
                      <span aria-hidden="true">·</span>
                      <A href={`/bodies/${b().slug}`} class="muted-link">
                        <Localized en={b().nameEn} zh={b().nameZh} />
                      </A>
                    </>
                  )}
                </Show>
                <span aria-hidden="true">·</span>
                <time dateTime={d.updatedAt} title={formatDateTime(d.updatedAt, locale())}>
                  {relativeTime(d.updatedAt, locale())}
                </time>
              </div>
            </div>
            <StateBadge state={d.state} />
          </li>
        )}
      </For>
    </ul>
  )
}
