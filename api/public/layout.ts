/**
 * The frame of the public, server-rendered pages (archive and publications): no account, no JavaScript,
 * escaped by hono/html, readable on screen and printable to a clean PDF (print stylesheet below), in the
 * chosen language with a switch to the other one in the header (see i18n.ts).
 */
import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { langTag, texts, type Lang } from './i18n.ts'

const STYLE = `
:root { --ink:#1d2433; --muted:#5b6474; --line:#e3e6ec; --accent:#2f5bd3; --bg:#fbfbfd; --card:#fff; color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { --ink:#e6e9ef; --muted:#a3abb9; --line:#2c3240; --accent:#8fb0ff; --bg:#14171e; --card:#1b1f28; } }
* { box-sizing: border-box }
body { margin:0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color:var(--ink); background:var(--bg) }
a { color:var(--accent) }
header.site { display:flex; gap:1rem; align-items:center; justify-content:space-between; padding:.9rem 1.5rem; border-bottom:1px solid var(--line); background:var(--card) }
header.site a.brand { font-weight:650; text-decoration:none; color:var(--ink); margin-right:auto }
header.site .links { display:flex; gap:1rem; align-items:center }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 4rem }
h1 { font-size:1.9rem; line-height:1.25; margin:.2rem 0 }
.alt { color:var(--muted); font-size:1.15rem; margin:0 0 1rem }
.meta { color:var(--muted); font-size:.92rem }
.card { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:1rem 1.25rem; margin:1rem 0 }
.badge { display:inline-block; padding:.05rem .55rem; border-radius:99px; border:1px solid var(--line); font-size:.8rem; color:var(--muted) }
article.text { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:1.5rem 2rem; margin:1.5rem 0 }
article.text table { border-collapse: collapse; width:100% } article.text td, article.text th { border:1px solid var(--line); padding:.35rem .5rem; vertical-align:top }
article.text blockquote { border-left:3px solid var(--line); margin-left:0; padding-left:1rem; color:var(--muted) }
code.hash { font-size:.78rem; word-break:break-all }
ul.tally { list-style:none; padding:0; display:flex; flex-wrap:wrap; gap:.4rem 1rem }
ul.plain { list-style:none; padding:0 } ul.plain li { padding:.35rem 0; border-bottom:1px solid var(--line) }
form.search { display:flex; flex-wrap:wrap; gap:.5rem; margin:1rem 0 }
form.search input, form.search select { font:inherit; padding:.45rem .6rem; border:1px solid var(--line); border-radius:8px; background:var(--card); color:var(--ink) }
form.search button { font:inherit; padding:.45rem 1rem; border-radius:8px; border:0; background:var(--accent); color:#fff; cursor:pointer }
.downloads { margin:1rem 0 } .downloads a { margin-right:1rem }
@media print {
  header.site, form.search, .downloads, nav.editions { display:none }
  body { background:#fff; color:#000; font-size:11pt }
  main { max-width:none; padding:0 }
  article.text, .card { border:0; padding:0; margin:0 0 1rem }
  a { color:#000; text-decoration:none }
  h1, h2, h3 { break-after: avoid } tr, blockquote { break-inside: avoid }
  @page { margin: 2cm }
}`

export function page(p: {
  title: string
  lang: Lang
  /** This page in the other language (the same address with ?lang= switched). */
  switchHref: string
  /** The archive's address in the chosen language. */
  homeHref: string
  body: HtmlEscapedString | Promise<HtmlEscapedString>
}) {
  const t = texts(p.lang)
  const other: Lang = p.lang === 'zh' ? 'en' : 'zh'
  return html`<!doctype html>
<html lang="${langTag(p.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header class="site"><a class="brand" href="${p.homeHref}">${t.site}</a><span class="links"><a href="${p.switchHref}" lang="${langTag(other)}" hreflang="${other}" title="${t.language}">${t.otherLanguage}</a><a href="/">${t.signIn}</a></span></header>
<main>${p.body}</main>
</body>
</html>`
}
