/**
 * Public pages, rendered on the server: the archive at /publications (search and filters as a plain GET
 * form) and each publication at /p/<slug> (latest edition) or /p/<slug>/<edition>, with its consensus
 * summary, endorsements, edition history, sha256 and downloads as HTML, Markdown and DOCX. Every page is
 * in English or Chinese (i18n.ts): `?lang=` when given, else the Accept-Language header.
 */
import { Hono, type Context } from 'hono'
import { html, raw } from 'hono/html'
import { findEdition, listEditions, searchArchive } from '../../db/queries/publications.ts'
import { stripSuggestions, type PMNode } from '../../domain/document-content.ts'
import { DOCUMENT_KINDS, type DocumentKind } from '../../domain/roles.ts'
import type { AppEnv } from '../env.ts'
import type { PublicationRecord } from '../workflow/publish.ts'
import { chooseLang, formatDate, kindName, langTag, pick, texts, type LangChoice } from './i18n.ts'
import { page } from './layout.ts'
import { publicationBody } from './publication-page.ts'

/** The language of this request, and links that keep it when it was chosen in the URL. */
function languageOf(c: Context<AppEnv>) {
  const choice: LangChoice = chooseLang(c.req.query('lang'), c.req.header('accept-language'))
  // The same address answers in either language: caches must keep them apart.
  c.header('Vary', 'Accept-Language')
  c.header('Content-Language', langTag(choice.lang))
  const href = (path: string, params: Record<string, string> = {}) => {
    const q = new URLSearchParams(params)
    if (choice.explicit) q.set('lang', choice.lang)
    const s = q.toString()
    return s ? `${path}?${s}` : path
  }
  const url = new URL(c.req.url)
  url.searchParams.set('lang', choice.lang === 'zh' ? 'en' : 'zh')
  const frame = { lang: choice.lang, switchHref: `${url.pathname}${url.search}`, homeHref: href('/publications') }
  return { ...choice, t: texts(choice.lang), href, frame }
}

function notFoundPage(c: Context<AppEnv>) {
  const { t, frame } = languageOf(c)
  return c.html(page({ ...frame, title: t.notFound, body: html`<h1>${t.notFound}</h1><p>${t.notFoundLead} <a href="${frame.homeHref}">${t.browse}</a>.</p>` }), 404)
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
    const { lang, explicit, t, href, frame } = languageOf(c)
    const q = (c.req.query('q') ?? '').slice(0, 200)
    const body = (c.req.query('body') ?? '').slice(0, 60)
    const kindParam = c.req.query('kind') ?? ''
    const kind = (DOCUMENT_KINDS as readonly string[]).includes(kindParam) ? (kindParam as DocumentKind) : undefined
    const year = Number(c.req.query('year')) || undefined
    const rows = await searchArchive(c.var.deps.db, { q, body: body || undefined, kind, year, limit: 100, offset: 0 })
    const bodies = await c.var.deps.db.selectFrom('bodies').select(['slug', 'name_en', 'name_zh']).where('archived_at', 'is', null).orderBy('created_at').execute()
    return c.html(
      page({
        ...frame,
        title: t.archiveTitle,
        body: html`<h1>${t.archiveTitle}</h1>
<p class="alt">${t.archiveLead}</p>
<form class="search" method="get" action="/publications" role="search">
  ${explicit ? html`<input type="hidden" name="lang" value="${lang}">` : ''}
  <input id="q" name="q" type="search" value="${q}" placeholder="${t.searchPlaceholder}" aria-label="${t.searchLabel}">
  <select name="body" aria-label="${t.body}"><option value="">${t.allBodies}</option>${bodies.map((b) => html`<option value="${b.slug}" ${b.slug === body ? 'selected' : ''}>${pick(lang, b.name_en, b.name_zh).text}</option>`)}</select>
  <select name="kind" aria-label="${t.kind}"><option value="">${t.allKinds}</option>${DOCUMENT_KINDS.map((k) => html`<option value="${k}" ${k === kind ? 'selected' : ''}>${kindName(k, lang)}</option>`)}</select>
  <input name="year" type="number" min="1990" max="2200" value="${year ?? ''}" placeholder="${t.year}" aria-label="${t.year}">
  <button type="submit">${t.search}</button>
</form>
<p class="meta">${t.count(rows.length)}</p>
<ul class="plain">${rows.map((r) => {
          const record = JSON.parse(r.record) as PublicationRecord
          const title = pick(lang, r.title_en, r.title_zh)
          const other = title.lang === 'zh' ? r.title_en : r.title_zh
          const bodyName = pick(lang, r.body_name_en, r.body_name_zh)
          return html`<li><a href="${href(`/p/${r.slug}`)}"><strong lang="${langTag(title.lang)}">${title.text}</strong></a>${other && other !== title.text ? html`<div class="alt" lang="${langTag(title.lang === 'zh' ? 'en' : 'zh')}">${other}</div>` : ''}
<div class="meta"><span lang="${langTag(bodyName.lang)}">${bodyName.text}</span> · ${kindName(r.kind, lang)} · ${r.year} · ${t.edition(r.edition)}${record.endorsements.length ? ` · ${t.endorsedBy(record.endorsements.length)}` : ''}</div></li>`
        })}</ul>`,
      }),
    )
  })
  .get('/p/:slug/:edition?', async (c) => {
    const p = await loadEdition(c)
    if (!p) return notFoundPage(c)
    const { lang, href, frame } = languageOf(c)
    const record = JSON.parse(p.record) as PublicationRecord
    const editions = await listEditions(c.var.deps.db, p.slug)
    const title = pick(lang, p.title_en, p.title_zh)
    return c.html(page({ ...frame, title: title.text, body: publicationBody({ row: p, record, editions, lang, href }) }))
  })
  .get('/p/:slug/:edition/:file{download\\.(?:html|md|docx)}', async (c) => {
    const p = await loadEdition(c)
    if (!p) return notFoundPage(c)
    const { lang, t, frame } = languageOf(c)
    const name = `${p.slug}-edition-${p.edition}`
    const format = c.req.param('file').slice('download.'.length)
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    if (format === 'md') {
      c.header('Content-Disposition', `attachment; filename="${name}.md"`)
      return c.body(p.markdown, 200, { 'content-type': 'text/markdown; charset=utf-8' })
    }
    const title = pick(lang, p.title_en, p.title_zh)
    const subtitle = title.lang === 'zh' ? p.title_en : p.title_zh
    if (format === 'html') {
      c.header('Content-Disposition', `attachment; filename="${name}.html"`)
      const docLang = p.language === 'zh' ? 'zh-CN' : 'en'
      return c.html(page({ ...frame, title: title.text, body: html`<h1>${title.text}</h1><p class="alt">${subtitle}</p><article class="text" lang="${docLang}">${raw(p.html)}</article>` }))
    }
    const version = p.version_id ? await c.var.deps.db.selectFrom('versions').select('prosemirror_json').where('id', '=', p.version_id).executeTakeFirst() : undefined
    const json = version ? stripSuggestions(JSON.parse(version.prosemirror_json) as PMNode) : { type: 'doc', content: [] }
    // Loaded on first download: the docx package is ~3 MB of heap that only this route uses.
    const { toDocx } = await import('./docx.ts')
    const docx = await toDocx({ title: title.text, subtitle, json, footer: t.docxFooter(p.edition, formatDate(p.published_at, lang), p.html_sha256) })
    c.header('Content-Disposition', `attachment; filename="${name}.docx"`)
    return c.body(new Uint8Array(docx), 200, { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
  })
