/**
 * The public pages in both languages, on the demo hub's archive: the language comes from ?lang= or else
 * the Accept-Language header; labels, kinds, titles and country names follow it; links keep a language
 * chosen in the URL; the header switches to the other one; everything stays escaped and printable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseLang } from '../../api/public/i18n.ts'
import { startTestHub, type TestHub } from '../helpers/hub.ts'

let hub: TestHub
let slug: string
beforeAll(async () => {
  hub = await startTestHub({ demo: true, adminEmail: undefined, adminPassword: undefined })
  const all = (await (await fetch(`${hub.url}/api/publications?limit=100`)).json()) as { publications: { slug: string; endorsements: { institutions: number } }[] }
  slug = (all.publications.find((p) => p.endorsements.institutions > 0) ?? all.publications[0]).slug
})
afterAll(() => hub.close())

const get = async (path: string, acceptLanguage?: string) => {
  const res = await fetch(`${hub.url}${path}`, { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} })
  return { res, text: await res.text() }
}

describe('choosing the language of a public page', () => {
  it('takes ?lang first, then the best English or Chinese in Accept-Language, then English', () => {
    expect(chooseLang('zh', 'en-GB')).toEqual({ lang: 'zh', explicit: true })
    expect(chooseLang(undefined, 'fr;q=1, zh-TW;q=0.8, en;q=0.5')).toEqual({ lang: 'zh', explicit: false })
    expect(chooseLang(undefined, 'en;q=0.3, zh-CN;q=0.9')).toEqual({ lang: 'zh', explicit: false })
    expect(chooseLang('xx', 'de-DE')).toEqual({ lang: 'en', explicit: false })
    expect(chooseLang(undefined, undefined)).toEqual({ lang: 'en', explicit: false })
  })
})

describe('the archive', () => {
  it('is in Chinese for a Chinese browser, with a switch to English', async () => {
    const { res, text } = await get('/publications', 'zh-CN,zh;q=0.9,en;q=0.8')
    expect(res.headers.get('vary')).toContain('Accept-Language')
    expect(text).toContain('<html lang="zh-CN">')
    expect(text).toContain('<h1>出版物</h1>')
    expect(text).toContain('全部机构')
    expect(text).toContain('搜索')
    expect(text).toContain('href="/publications?lang=en"')
    expect(text).not.toContain('All bodies')
  })

  it('keeps a language chosen in the URL in its links and its search form', async () => {
    const { text } = await get('/publications?lang=en', 'zh-CN')
    expect(text).toContain('<html lang="en-GB">')
    expect(text).toContain('All bodies')
    expect(text).toContain(`href="/p/${slug}?lang=en"`)
    expect(text).toContain('<input type="hidden" name="lang" value="en">')
  })

  it('refuses a control character in an API search with 400, and the page searches without it', async () => {
    // A NUL ends FTS5's quoted string: the search used to fail with a 500, for anyone, signed in or not.
    for (const q of ['\u0000\u0000\u0000', 'a\u0000b', 'data\u0007']) {
      const api = await fetch(`${hub.url}/api/publications?q=${encodeURIComponent(q)}`)
      expect(api.status).toBe(400)
      expect(((await api.json()) as { error: { code: string } }).error.code).toBe('invalid_request')
      const page = await get(`/publications?q=${encodeURIComponent(q)}`)
      expect(page.res.status).toBe(200)
    }
    const plain = (await get('/publications?q=data')).text
    const withBell = (await get(`/publications?q=${encodeURIComponent('data\u0007')}`)).text
    expect(plain.match(/<li>/g)?.length ?? 0).toBeGreaterThan(0) // the demo archive has matches for it
    expect(withBell.match(/<li>/g)?.length ?? 0).toBe(plain.match(/<li>/g)?.length ?? 0)
  })

  it('escapes what the visitor typed', async () => {
    const { text } = await get(`/publications?q=${encodeURIComponent('"><script>alert(1)</script>')}`)
    expect(text).not.toContain('<script>alert(1)</script>')
    expect(text).toContain('&lt;script&gt;')
  })
})

describe('a publication', () => {
  it('names everything in Chinese when asked: title, consensus, endorsements, countries', async () => {
    const { text } = await get(`/p/${slug}?lang=zh`)
    expect(text).toContain('<html lang="zh-CN">')
    expect(text).toMatch(/<h1 lang="zh-CN">[^<]*[\u4e00-\u9fff]/)
    for (const label of ['共识', '联署', '完整性', '支持', '第 1 版']) expect(text).toContain(label)
    expect(text).not.toMatch(/Endorsed by|Consensus ·|Edition \d/)
    expect(text).toContain('@media print')
  })

  it('reads in English with correct plurals', async () => {
    const { text } = await get(`/p/${slug}?lang=en`)
    expect(text).toMatch(/Endorsed by \d+ institutions? from \d+ (country or region|countries and regions)\./)
    expect(text).not.toMatch(/\b1 institutions\b|\b1 countries\b/)
    expect(text).toContain(`href="/p/${slug}?lang=zh"`)
  })

  it('answers an unknown address in the visitor’s language', async () => {
    const { res, text } = await get('/p/no-such-publication', 'zh')
    expect(res.status).toBe(404)
    expect(text).toContain('此地址没有出版物。')
  })
})
