/**
 * The body of a publication's page (/p/<slug>[/<edition>]) in the chosen language: titles, the text (in
 * the document's own language), the consensus record (finding, positions, formal objections and their
 * dispositions), endorsements by institution and country, the hashes, and every edition.
 */
import { html, raw } from 'hono/html'
import type { findEdition, listEditions } from '../../db/queries/publications.ts'
import { STANCES } from '../../domain/consensus.ts'
import type { PublicationRecord } from '../workflow/publish.ts'
import { countryName, formatDate, kindName, langTag, pick, texts, versionLabel, type Lang } from './i18n.ts'

/** An edition as db/queries/publications.ts loads it (with its body's names). */
export type EditionRow = NonNullable<Awaited<ReturnType<typeof findEdition>>>

export function publicationBody(p: {
  row: EditionRow
  record: PublicationRecord
  editions: Awaited<ReturnType<typeof listEditions>>
  lang: Lang
  href: (path: string) => string
}) {
  const { row, record, lang, href } = p
  const t = texts(lang)
  const title = pick(lang, row.title_en, row.title_zh)
  const otherTitle = title.lang === 'zh' ? row.title_en : row.title_zh
  const body = pick(lang, row.body_name_en, row.body_name_zh)
  const base = `/p/${row.slug}/${row.edition}`
  const latest = p.editions[0]?.edition ?? row.edition
  const c = record.consensus
  const countries = new Set(record.endorsements.map((e) => e.country)).size
  return html`<p class="meta"><a href="${href('/publications')}">${t.archiveTitle}</a> · <span lang="${langTag(body.lang)}">${body.text}</span> · ${kindName(row.kind, lang)}</p>
<h1 lang="${langTag(title.lang)}">${title.text}</h1>
${otherTitle.trim() && otherTitle.trim() !== title.text ? html`<p class="alt" lang="${langTag(title.lang === 'zh' ? 'en' : 'zh')}">${otherTitle}</p>` : ''}
<p class="meta">${t.editionTitle(row.edition)} · ${t.published(formatDate(row.published_at, lang))}${latest !== row.edition ? html` · <strong>${t.newer} <a href="${href(`/p/${row.slug}`)}">${t.edition(latest)}</a></strong>` : ''}</p>
<nav class="downloads" aria-label="${t.downloads}"><a href="${href(`${base}/download.html`)}">HTML</a><a href="${href(`${base}/download.md`)}">Markdown</a><a href="${href(`${base}/download.docx`)}">Word (DOCX)</a></nav>
<article class="text" lang="${row.language === 'zh' ? 'zh-CN' : 'en'}">${raw(row.html)}</article>
<section class="card" aria-labelledby="consensus"><h2 id="consensus">${t.consensus}</h2>
<p><span class="badge">${t.findings[c.finding] ?? c.finding}</span> ${t.reached(c.closedAt ? formatDate(c.closedAt, lang) : '—', c.tally.responded, c.tally.participants)}</p>
<ul class="tally" aria-label="${t.tally}">${STANCES.map((s) => html`<li>${t.stances[s]}${t.colon}<strong>${c.tally[s]}</strong></li>`)}</ul>
${c.note ? html`<p>${c.note}</p>` : ''}
${c.dispositions.length
  ? html`<h3>${t.objections}</h3><ul>${c.dispositions.map((d) => {
      // Named from the position (who objected then), so an institution that has since left stays named.
      const who = d.institution ? pick(lang, d.institution.nameEn, d.institution.nameZh) : null
      const objector = who ? html`<span lang="${langTag(who.lang)}">${who.text}</span>${d.institution?.country ? html` <span class="meta">· ${countryName(d.institution.country, lang)}</span>` : ''}${t.colon}` : ''
      return html`<li>${objector}<span class="badge">${t.dispositions[d.disposition] ?? d.disposition}</span>${d.rationale ? html` ${d.rationale}` : ''}</li>`
    })}</ul>`
  : ''}
</section>
<section class="card" aria-labelledby="endorsements"><h2 id="endorsements">${t.endorsements}</h2>
${record.endorsements.length
  ? html`<p>${t.endorsedSummary(record.endorsements.length, countries)}</p>
<ul>${record.endorsements.map((e) => {
      const name = pick(lang, e.nameEn, e.nameZh)
      const other = name.lang === 'zh' ? e.nameEn : e.nameZh
      return html`<li><span lang="${langTag(name.lang)}">${name.text}</span> <span class="meta">${other && other !== name.text ? html`<span lang="${langTag(name.lang === 'zh' ? 'en' : 'zh')}">${other}</span> · ` : ''}${countryName(e.country, lang)}</span></li>`
    })}</ul>`
  : html`<p class="meta">${t.noEndorsements}</p>`}
</section>
<section class="card" aria-labelledby="integrity"><h2 id="integrity">${t.integrity}</h2>
<p class="meta">${t.agreedText(record.version.number, versionLabel(record.version.label, lang))}</p>
<p><code class="hash">${row.html_sha256}</code></p>
<p class="meta">${t.markdownHash} <code class="hash">${row.markdown_sha256}</code></p></section>
<nav class="card editions" aria-labelledby="editions"><h2 id="editions">${t.editions}</h2><ul>${p.editions.map(
    (e) => html`<li>${e.edition === row.edition ? html`<strong>${t.editionTitle(e.edition)}</strong>` : html`<a href="${href(`/p/${row.slug}/${e.edition}`)}">${t.editionTitle(e.edition)}</a>`} · ${formatDate(e.published_at, lang)}</li>`,
  )}</ul></nav>`
}
