/**
 * The public pages' two languages. The language is `?lang=en|zh` when given (the header's switch sets it,
 * and every link on the page keeps it), else the first of English or Chinese in the Accept-Language
 * header (by q-value), else English. Labels, kinds, findings, stances, dates and country names follow it;
 * names kept in both languages (titles, bodies, institutions) show the chosen one first.
 */
import wic from '../../db/seed/wic.json' with { type: 'json' }
import { FROZEN_LABEL, restoredLabel } from '../../domain/version-labels.ts'

export type Lang = 'en' | 'zh'

export interface LangChoice {
  lang: Lang
  /** Chosen in the URL: links keep it. Otherwise the browser's preference decides on every page. */
  explicit: boolean
}

export function chooseLang(query: string | undefined, acceptLanguage: string | undefined): LangChoice {
  if (query === 'en' || query === 'zh') return { lang: query, explicit: true }
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';')
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1')
      return { tag, q: Number.isFinite(q) ? q : 0, i }
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return { lang: 'zh', explicit: false }
    if (tag === 'en' || tag.startsWith('en-')) return { lang: 'en', explicit: false }
  }
  return { lang: 'en', explicit: false }
}

export const langTag = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB')

/** The chosen one of two texts, else the other; with the language it is actually in. */
export function pick(lang: Lang, en: string, zh: string): { text: string; lang: Lang } {
  const chosen = (lang === 'zh' ? zh : en).trim()
  if (chosen) return { text: chosen, lang }
  return { text: (lang === 'zh' ? en : zh).trim(), lang: lang === 'zh' ? 'en' : 'zh' }
}

const KINDS = new Map(wic.document_kinds.map((k) => [k.kind, { en: k.name_en, zh: k.name_zh }]))
export const kindName = (kind: string, lang: Lang) => KINDS.get(kind)?.[lang] ?? kind

const regionNames = { en: new Intl.DisplayNames(['en-GB'], { type: 'region', fallback: 'code' }), zh: new Intl.DisplayNames(['zh-CN'], { type: 'region', fallback: 'code' }) }
export function countryName(code: string, lang: Lang): string {
  try {
    return regionNames[lang].of(code.toUpperCase()) ?? code
  } catch {
    return code
  }
}

const dates = { en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }), zh: new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' }) }
export const formatDate = (ms: number, lang: Lang) => dates[lang].format(new Date(ms))

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/**
 * The hub names the versions it saves itself in English (domain/version-labels.ts); shown here in the
 * page's language. A published record keeps only the label, so the server matches its own constants.
 */
export function versionLabel(label: string, lang: Lang): string {
  if (lang === 'en') return label
  if (label === FROZEN_LABEL) return '为共识征询冻结'
  const restored = /^Restored from version (\d+)$/.exec(label)
  return restored && label === restoredLabel(Number(restored[1])) ? `由版本 ${restored[1]} 恢复` : label
}

const en = {
  site: 'Consensus Hub · Publications',
  signIn: 'Sign in',
  language: 'Language',
  otherLanguage: '中文',
  archiveTitle: 'Publications',
  archiveLead: 'Documents agreed by the organisation’s bodies and published by the Secretariat.',
  search: 'Search',
  searchLabel: 'Search publications',
  searchPlaceholder: 'Search in English or 中文…',
  body: 'Body',
  allBodies: 'All bodies',
  kind: 'Kind',
  allKinds: 'All kinds',
  year: 'Year',
  count: (n: number) => plural(n, 'publication', 'publications'),
  edition: (n: number) => `edition ${n}`,
  editionTitle: (n: number) => `Edition ${n}`,
  endorsedBy: (n: number) => `endorsed by ${plural(n, 'institution', 'institutions')}`,
  notFound: 'Not found',
  notFoundLead: 'No publication at this address.',
  browse: 'Browse the archive',
  published: (date: string) => `published ${date}`,
  newer: 'a newer edition exists:',
  downloads: 'Downloads',
  consensus: 'Consensus',
  reached: (date: string, responded: number, participants: number) => `Reached on ${date}; ${responded} of ${plural(participants, 'participating institution', 'participating institutions')} responded.`,
  findings: { unanimous: 'Unanimous', consensus: 'Consensus', consensus_with_dissent: 'Consensus with dissent', no_consensus: 'No consensus' } as Record<string, string>,
  stances: { support: 'Support', no_objection: 'No objection', abstain: 'Abstain', concern: 'Concern', formal_objection: 'Formal objection', recuse: 'Recused' } as Record<string, string>,
  tally: 'Positions',
  colon: ': ',
  objections: 'Formal objections and their dispositions',
  dispositions: { addressed: 'Addressed', withdrawn: 'Withdrawn', overruled: 'Overruled' } as Record<string, string>,
  endorsements: 'Endorsements',
  endorsedSummary: (institutions: number, countries: number) =>
    `Endorsed by ${plural(institutions, 'institution', 'institutions')} from ${plural(countries, 'country or region', 'countries and regions')}.`,
  noEndorsements: 'No endorsements were recorded.',
  integrity: 'Integrity',
  agreedText: (n: number, label: string) => `Agreed text: version ${n} (${label}). SHA-256 of this edition’s HTML:`,
  markdownHash: 'SHA-256 of the Markdown:',
  editions: 'Editions',
  docxFooter: (edition: number, date: string, sha: string) => `Edition ${edition}, published ${date}. HTML SHA-256 ${sha}`,
}

export type PublicTexts = typeof en

const zh: PublicTexts = {
  site: '协商中心 · 出版物',
  signIn: '登录',
  language: '语言',
  otherLanguage: 'English',
  archiveTitle: '出版物',
  archiveLead: '由本组织各机构协商一致、经秘书处发布的文件。',
  search: '搜索',
  searchLabel: '搜索出版物',
  searchPlaceholder: '搜索中文或 English…',
  body: '机构',
  allBodies: '全部机构',
  kind: '类型',
  allKinds: '全部类型',
  year: '年份',
  count: (n) => `共 ${n} 份出版物`,
  edition: (n) => `第 ${n} 版`,
  editionTitle: (n) => `第 ${n} 版`,
  endorsedBy: (n) => `${n} 个机构联署`,
  notFound: '未找到',
  notFoundLead: '此地址没有出版物。',
  browse: '浏览出版物',
  published: (date) => `发布于 ${date}`,
  newer: '已有更新的版本：',
  downloads: '下载',
  consensus: '共识',
  reached: (date, responded, participants) => `于 ${date} 达成；${participants} 个参与机构中有 ${responded} 个作出回应。`,
  findings: { unanimous: '一致同意', consensus: '协商一致', consensus_with_dissent: '有异议的协商一致', no_consensus: '未达成共识' },
  stances: { support: '支持', no_objection: '不反对', abstain: '弃权', concern: '关切', formal_objection: '正式反对', recuse: '回避' },
  tally: '各方立场',
  colon: '：',
  objections: '正式反对及其处理',
  dispositions: { addressed: '已解决', withdrawn: '已撤回', overruled: '已否决' },
  endorsements: '联署',
  endorsedSummary: (institutions, countries) => `已获来自 ${countries} 个国家和地区的 ${institutions} 个机构联署。`,
  noEndorsements: '没有联署记录。',
  integrity: '完整性',
  agreedText: (n, label) => `协商一致的文本：版本 ${n}（${label}）。本版 HTML 的 SHA-256：`,
  markdownHash: 'Markdown 的 SHA-256：',
  editions: '版本',
  docxFooter: (edition, date, sha) => `第 ${edition} 版，发布于 ${date}。HTML SHA-256 ${sha}`,
}

export const texts = (lang: Lang): PublicTexts => (lang === 'zh' ? zh : en)
