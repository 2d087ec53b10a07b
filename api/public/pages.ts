/**
 * Public pages, rendered on the server: the archive at /publications (search and filters as a plain GET
 * form) and each publication at /p/<slug> (latest edition) or /p/<slug>/<edition>, with its consensus
 * summary, endorsements, edition history, sha256 and downloads as HTML, Markdown and DOCX.
 */
import { Hono, type Context } from 'hono'
import { html, raw } from 'hono/html'
import { findEdition, listEditions, searchArchive } from '../../db/queries/publications.ts'
import type { PMNode } from '../../domain/document-content.ts'
import { DOCUMENT_KINDS, type DocumentKind } from '../../domain/roles.ts'
import type { AppEnv } from '../env.ts'
import type { PublicationRecord } from '../workflow/publish.ts'
import { toDocx } from './docx.ts'
import { page } from './layout.ts'
import wic from '../../db/seed/wic.json' with { type: 'json' }

const KIND_NAMES = Object.fromEntries(wic.document_kinds.map((k) => [k.kind, `${k.name_en} · ${k.name_zh}`])) as Record<string, string>
const FINDING_NAMES: Record<string, string> = {
  unanimous: 'Unanimous · 一致同意',
  consensus: 'Consensus · 协商一致',
  consensus_with_dissent: 'Consensus with dissent · 有异议的协商一致',
}
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const regions = new Intl.DisplayNames(['en'], { type: 'region' })

function notFoundPage(c: Context<AppEnv>) {
  return c.html(page({ title: 'Not found', body: html`<h1>Not found · 未找到</h1><p>No publication at this address. <a href="/publications">Browse the archive</a>.</p>` }), 404)
}

async function loadEdition(c: Context<AppEnv>) {
  const slug = c.req.param('slug') ?? ''
  const n = c.req.param('edition')
  const edition = n === undefined ? undefined : Number(n)
  if (!/^[a-z0-9-]{1,80}$/.test(slug) || (edition !== undefined && !(Number.isInteger(edition) && edition > 0))) return null
  return findEdition(c.var.deps.db, slug, edition)
}

export const publicPages = new Hono<AppEnv>()
  .get('/publications', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 200)
    const body = (c.req.query('body') ?? '').slice(0, 60)
    const kindParam = c.req.query('kind') ?? ''
    const kind = (DOCUMENT_KINDS as readonly string[]).includes(kindParam) ? (kindParam as DocumentKind) : undefined
    const year = Number(c.req.query('year')) || undefined
    const rows = await searchArchive(c.var.deps.db, { q, body: body || undefined, kind, year, limit: 100, offset: 0 })
    const bodies = await c.var.deps.db.selectFrom('bodies').select(['slug', 'name_en', 'name_zh']).where('archived_at', 'is', null).orderBy('created_at').execute()
    return c.html(
      page({
        title: 'Publications · 出版物',
        body: html`<h1>Publications</h1>
<p class="zh">出版物 · documents agreed by the organisation's bodies and published by the Secretariat</p>
<form class="search" method="get" action="/publications" role="search">
  <label class="sr-only" for="q" hidden>Search</label>
  <input id="q" name="q" type="search" value="${q}" placeholder="Search English or 中文…" aria-label="Search publications">
  <select name="body" aria-label="Body"><option value="">All bodies · 全部机构</option>${bodies.map((b) => html`<option value="${b.slug}" ${b.slug === body ? 'selected' : ''}>${b.name_en}</option>`)}</select>
  <select name="kind" aria-label="Kind"><option value="">All kinds · 全部类型</option>${DOCUMENT_KINDS.map((k) => html`<option value="${k}" ${k === kind ? 'selected' : ''}>${KIND_NAMES[k]}</option>`)}</select>
  <input name="year" type="number" min="1990" max="2200" value="${year ?? ''}" placeholder="Year" aria-label="Year">
  <button type="submit">Search · 搜索</button>
</form>
<p class="meta">${rows.length} ${rows.length === 1 ? 'publication' : 'publications'}</p>
<ul class="plain">${rows.map((r) => {
          const record = JSON.parse(r.record) as PublicationRecord
          return html`<li><a href="/p/${r.slug}"><strong>${r.title_en}</strong></a><div class="zh">${r.title_zh}</div>
<div class="meta">${r.body_name_en} · ${KIND_NAMES[r.kind]} · ${r.year} · edition ${r.edition}${record.endorsements.length ? ` · endorsed by ${record.endorsements.length} institutions` : ''}</div></li>`
        })}</ul>`,
      }),
    )
  })
  .get('/p/:slug/:edition?', async (c) => {
    const p = await loadEdition(c)
    if (!p) return notFoundPage(c)
    const record = JSON.parse(p.record) as PublicationRecord
    const editions = await listEditions(c.var.deps.db, p.slug)
    const countries = new Set(record.endorsements.map((e) => e.country))
    const base = `/p/${p.slug}/${p.edition}`
    const t = record.consensus.tally
    return c.html(
      page({
        title: `${p.title_en} · ${p.title_zh}`,
        lang: p.language === 'zh' ? 'zh' : 'en',
        body: html`<p class="meta"><a href="/publications">Publications</a> · ${p.body_name_en} · ${KIND_NAMES[p.kind]}</p>
<h1>${p.title_en}</h1>
<p class="zh">${p.title_zh}</p>
<p class="meta">Edition ${p.edition} · published ${date(p.published_at)}${editions[0].edition !== p.edition ? html` · <strong>a newer edition exists: <a href="/p/${p.slug}">edition ${editions[0].edition}</a></strong>` : ''}</p>
<p class="downloads"><a href="${base}/download.html">HTML</a><a href="${base}/download.md">Markdown</a><a href="${base}/download.docx">Word (DOCX)</a></p>
<article class="text">${raw(p.html)}</article>
<section class="card" aria-labelledby="consensus"><h2 id="consensus">Consensus · 共识</h2>
<p><span class="badge">${FINDING_NAMES[record.consensus.finding] ?? record.consensus.finding}</span> reached on ${record.consensus.closedAt ? date(record.consensus.closedAt) : ''} by ${t.responded} of ${t.participants} participating institutions:
${t.support} support, ${t.no_objection} no objection, ${t.abstain} abstain, ${t.concern} concern, ${t.formal_objection} formal objection, ${t.recuse} recused.</p>
${record.consensus.note ? html`<p>${record.consensus.note}</p>` : ''}
${record.consensus.dispositions.length ? html`<p>Formal objections: ${record.consensus.dispositions.map((d) => html`${d.disposition}${d.rationale ? html` (${d.rationale})` : ''}`)}</p>` : ''}
</section>
<section class="card" aria-labelledby="endorsements"><h2 id="endorsements">Endorsements · 联署</h2>
${record.endorsements.length
  ? html`<p>Endorsed by ${record.endorsements.length} institutions from ${countries.size} countries and regions.</p>
<ul>${record.endorsements.map((e) => html`<li>${e.nameEn} <span class="meta">${e.nameZh} · ${regions.of(e.country) ?? e.country}</span></li>`)}</ul>`
  : html`<p class="meta">No endorsements were recorded.</p>`}
</section>
<section class="card" aria-labelledby="integrity"><h2 id="integrity">Integrity · 完整性</h2>
<p class="meta">Agreed text: version ${record.version.number} (${record.version.label}). SHA-256 of this edition's HTML:</p>
<p><code class="hash">${p.html_sha256}</code></p>
<p class="meta">SHA-256 of the Markdown: <code class="hash">${p.markdown_sha256}</code></p></section>
<nav class="card editions" aria-labelledby="editions"><h2 id="editions">Editions · 版本</h2><ul>${editions.map((e) => html`<li>${e.edition === p.edition ? html`<strong>Edition ${e.edition}</strong>` : html`<a href="/p/${p.slug}/${e.edition}">Edition ${e.edition}</a>`} · ${date(e.published_at)}</li>`)}</ul></nav>`,
      }),
    )
  })
  .get('/p/:slug/:edition/:file{download\\.(?:html|md|docx)}', async (c) => {
    const p = await loadEdition(c)
    if (!p) return notFoundPage(c)
    const name = `${p.slug}-edition-${p.edition}`
    const format = c.req.param('file').slice('download.'.length)
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    if (format === 'md') {
      c.header('Content-Disposition', `attachment; filename="${name}.md"`)
      return c.body(p.markdown, 200, { 'content-type': 'text/markdown; charset=utf-8' })
    }
    if (format === 'html') {
      c.header('Content-Disposition', `attachment; filename="${name}.html"`)
      return c.html(page({ title: p.title_en, body: html`<h1>${p.title_en}</h1><p class="zh">${p.title_zh}</p><article class="text">${raw(p.html)}</article>` }))
    }
    const version = p.version_id ? await c.var.deps.db.selectFrom('versions').select('prosemirror_json').where('id', '=', p.version_id).executeTakeFirst() : undefined
    const json = version ? (JSON.parse(version.prosemirror_json) as PMNode) : { type: 'doc', content: [] }
    const docx = await toDocx({ title: p.title_en, subtitle: p.title_zh, json, footer: `Edition ${p.edition}, published ${date(p.published_at)}. HTML SHA-256 ${p.html_sha256}` })
    c.header('Content-Disposition', `attachment; filename="${name}.docx"`)
    return c.body(new Uint8Array(docx), 200, { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
  })
