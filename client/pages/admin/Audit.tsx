/**
 * The audit log (secretariat): newest first, filtered by person, action, subject and dates (in the URL);
 * each event as a sentence in the chosen language, with its details named for people (AuditRow).
 */
import { useSearchParams } from '@solidjs/router'
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js'
import { api, call } from '../../http/client.ts'
import type { AuditEvent } from '../../http/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { usePageTitle } from '../../layout/page-title.ts'
import { Choice } from '../../ui/Choice.tsx'
import { Empty, ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { TextField } from '../../ui/Field.tsx'
import { useActivityT } from '../activity-i18n.ts'
import { useWorkflowT } from '../document/workflow-i18n.ts'
import type { Names } from './audit-details.ts'
import { useAuditT } from './audit-i18n.ts'
import { AuditRow } from './AuditRow.tsx'

type Filters = { actor: string; action: string; subjectType: string; subject: string; from: string; to: string }
const KEYS: (keyof Filters)[] = ['actor', 'action', 'subjectType', 'subject', 'from', 'to']
const ANY = '-'
const SUBJECT_TYPES = ['user', 'body', 'document', 'institution'] as const
export default function Audit() {
  const { t, pick } = useI18n()
  usePageTitle(() => t('admin.audit'))
  const texts = { a: useActivityT(), t, w: useWorkflowT(), d: useAuditT() }
  const [params, setParams] = useSearchParams<Filters>()
  const current = (): Filters => Object.fromEntries(KEYS.map((k) => [k, (params[k] as string | undefined) ?? ''])) as Filters
  const [draft, setDraft] = createSignal<Filters>(current())
  createEffect(on(() => KEYS.map((k) => params[k]).join('|'), () => setDraft(current())))

  const [people] = createResource(() => call(api.users.$get({ query: { limit: '500' } })))
  // Ids in events become names from the lists the secretariat can read anyway; a failed list leaves ids.
  const [institutions] = createResource(() => call(api.institutions.$get({ query: {} })).catch(() => null))
  const [bodies] = createResource(() => call(api.bodies.$get({ query: { archived: 'include' } })).catch(() => null))
  const names: Names = {
    person: (id) => people.latest?.users.find((u) => u.id === id)?.displayName ?? null,
    institution: (id) => {
      const i = institutions.latest?.institutions.find((x) => x.id === id)
      return i ? pick(i.nameEn, i.nameZh).text : null
    },
    body: (id) => {
      const b = bodies.latest?.bodies.find((x) => x.id === id)
      return b ? pick(b.nameEn, b.nameZh).text : null
    },
  }
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
                    <AuditRow
                      event={e}
                      texts={texts}
                      names={names}
                      onFilterAction={(action) => apply({ ...current(), action })}
                      onFilterSubject={(subjectType, subject) => apply({ ...current(), subjectType, subject })}
                    />
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
