/** The audit log (secretariat): newest first, filtered by person, action, subject and dates; in the URL. */
import { useSearchParams } from '@solidjs/router'
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js'
import { api, call } from '../../http/client.ts'
import type { AuditEvent } from '../../http/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatDateTime } from '../../i18n/locale.ts'
import { usePageTitle } from '../../layout/page-title.ts'
import { Choice } from '../../ui/Choice.tsx'
import { Empty, ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'

type Filters = { actor: string; action: string; subjectType: string; subject: string; from: string; to: string }
const KEYS: (keyof Filters)[] = ['actor', 'action', 'subjectType', 'subject', 'from', 'to']
const ANY = '-'
const SUBJECT_TYPES = ['user', 'body', 'document', 'institution'] as const
const isKnownSubject = (s: string): s is (typeof SUBJECT_TYPES)[number] => (SUBJECT_TYPES as readonly string[]).includes(s)

/** Compact "key: value" text for an event's data. */
export function summarizeData(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ')
}

export default function Audit() {
  const { t, locale } = useI18n()
  usePageTitle(() => t('admin.audit'))
  const [params, setParams] = useSearchParams<Filters>()
  const current = (): Filters => Object.fromEntries(KEYS.map((k) => [k, (params[k] as string | undefined) ?? ''])) as Filters
  const [draft, setDraft] = createSignal<Filters>(current())
  createEffect(on(() => KEYS.map((k) => params[k]).join('|'), () => setDraft(current())))

  const [people] = createResource(() => call(api.users.$get({ query: { limit: '500' } })))
  const [older, setOlder] = createSignal<AuditEvent[]>([])
  const [next, setNext] = createSignal<number | null>(null)
  const [loadingMore, setLoadingMore] = createSignal(false)
  const query = (f: Filters, before?: number) => {
    const q: Record<string, string> = { limit: '50' }
    for (const k of KEYS) if (f[k]) q[k] = f[k]
    if (before) q.before = String(before)
    return call(api.audit.$get({ query: q }))
  }
  const [page, { refetch }] = createResource(current, async (f) => {
    const res = await query(f)
    setOlder([])
    setNext(res.nextBefore)
    return res
  })
  const loadMore = async () => {
    const before = next()
    if (!before) return
    setLoadingMore(true)
    try {
      const res = await query(current(), before)
      setOlder((list) => [...list, ...res.events])
      setNext(res.nextBefore)
    } finally {
      setLoadingMore(false)
    }
  }
  const events = () => [...(page.latest?.events ?? []), ...older()]
  const apply = (f: Filters) => setParams(Object.fromEntries(KEYS.map((k) => [k, f[k] || undefined])))
  const set = (k: keyof Filters, v: string) => setDraft((d) => ({ ...d, [k]: v === ANY ? '' : v }))

  return (
    <section class="stack" aria-label={t('admin.audit')}>
      <form
        class="card audit-filters"
        onSubmit={(e) => {
          e.preventDefault()
          apply(draft())
        }}
      >
        <div class="form-grid">
          <Choice
            label={t('admin.filterActor')}
            value={draft().actor || ANY}
            options={[{ value: ANY, label: t('admin.anyone') }, ...(people.latest?.users ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }))]}
            onChange={(v) => set('actor', v)}
          />
          <TextField label={t('admin.filterAction')} placeholder={t('admin.filterActionHint')} value={draft().action} onInput={(v) => set('action', v.trim())} />
          <Choice
            label={t('admin.filterSubjectType')}
            value={draft().subjectType || ANY}
            options={[{ value: ANY, label: t('admin.any') }, ...SUBJECT_TYPES.map((s) => ({ value: s, label: t(`admin.subjectTypes.${s}`) }))]}
            onChange={(v) => set('subjectType', v)}
          />
          <TextField label={t('admin.from')} type="date" value={draft().from} onInput={(v) => set('from', v)} />
          <TextField label={t('admin.to')} type="date" value={draft().to} onInput={(v) => set('to', v)} />
        </div>
        <div class="btn-row">
          <button type="button" class="btn" onClick={() => apply({ actor: '', action: '', subjectType: '', subject: '', from: '', to: '' })}>
            {t('admin.reset')}
          </button>
          <button type="submit" class="btn btn-primary">
            {t('admin.apply')}
          </button>
        </div>
      </form>
      <Show when={!page.error} fallback={<ErrorNotice error={page.error} onRetry={refetch} />}>
        <Show when={events().length} fallback={<Empty>{t('admin.noEvents')}</Empty>}>
          <div class="table-wrap">
            <table class="table audit-table">
              <caption class="sr-only">{t('admin.audit')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.when')}</th>
                  <th scope="col">{t('admin.actor')}</th>
                  <th scope="col">{t('admin.action')}</th>
                  <th scope="col">{t('admin.subject')}</th>
                  <th scope="col">{t('admin.details')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={events()}>
                  {(e) => (
                    <tr>
                      <td class="nowrap">
                        <time dateTime={e.at}>{formatDateTime(e.at, locale())}</time>
                      </td>
                      <td>{e.actor?.displayName ?? t('admin.system')}</td>
                      <td>
                        <code class="code">{e.action}</code>
                      </td>
                      <td class="cell-sub">
                        {isKnownSubject(e.subjectType) ? t(`admin.subjectTypes.${e.subjectType}`) : e.subjectType}
                        <Show when={e.subjectId}>
                          {' '}
                          <button type="button" class="link-btn" onClick={() => apply({ ...current(), subjectType: e.subjectType, subject: e.subjectId! })}>
                            {e.subjectId!.slice(0, 8)}
                          </button>
                        </Show>
                      </td>
                      <td class="cell-sub audit-data">{summarizeData(e.data)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <Show when={next()}>
            <div class="btn-row" style={{ 'justify-content': 'center' }}>
              <Show when={!loadingMore()} fallback={<Loading inline />}>
                <button type="button" class="btn" onClick={() => void loadMore()}>
                  {t('admin.loadMore')}
                </button>
              </Show>
            </div>
          </Show>
        </Show>
      </Show>
    </section>
  )
}
