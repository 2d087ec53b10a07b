/** UI strings: Chinese complete and consistent with English, English as fallback, names in both languages. */
import { flatten } from '@solid-primitives/i18n'
import { describe, expect, test } from 'vitest'
import { dictionaryFor, withFallback } from '../../client/i18n/dictionary.ts'
import { en, type Messages } from '../../client/i18n/en.ts'
import { countryName, detectLocale, pickLocalized, relativeTime } from '../../client/i18n/locale.ts'
import { zh } from '../../client/i18n/zh.ts'

const leaves = (m: Messages) => Object.entries(flatten(m)).filter(([, v]) => typeof v === 'string' || typeof v === 'function') as [string, string | ((a: never) => string)][]
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

describe('dictionaries', () => {
  test('Chinese has every English string, none empty, with the same placeholders', () => {
    const zhLeaves = new Map(leaves(zh))
    for (const [key, value] of leaves(en)) {
      const other = zhLeaves.get(key)
      expect(other, key).toBeDefined()
      if (typeof value === 'string') {
        expect(typeof other, key).toBe('string')
        expect((other as string).trim(), key).not.toBe('')
        expect(placeholders(other as string), key).toEqual(placeholders(value))
      }
    }
  })

  test('a string missing or empty in Chinese falls back to English, never to a raw key', () => {
    const partial = { ...zh, auth: { ...zh.auth, signIn: '' }, home: { ...zh.home, title: undefined as unknown as string } }
    const dict = dictionaryFor('zh', { en, zh: partial })
    expect(dict['auth.signIn']).toBe('Sign in')
    expect(dict['home.title']).toBe('Home')
    expect(dict['auth.email']).toBe('邮箱')
    expect(withFallback({ a: 'A', b: 'B' }, { a: 'x', b: '' })).toEqual({ a: 'x', b: 'B' })
  })

  test('plural forms are functions in English and read naturally in both', () => {
    expect(dictionaryFor('en')['bodies.members']({ count: 1 })).toBe('1 member')
    expect(dictionaryFor('en')['bodies.members']({ count: 3 })).toBe('3 members')
    expect(dictionaryFor('zh')['bodies.members']({ count: 3 })).toBe('3 名成员')
  })
})

describe('choosing the language', () => {
  test('a remembered choice wins, then the browser’s languages, then English', () => {
    expect(detectLocale('zh', ['en-US'])).toBe('zh')
    expect(detectLocale(null, ['zh-TW', 'en'])).toBe('zh')
    expect(detectLocale('fr', ['de-DE', 'en-GB'])).toBe('en')
    expect(detectLocale(undefined, ['de-DE'])).toBe('en')
  })
})

describe('titles and names kept in both languages', () => {
  test('show the chosen language, else the other one (marked as such), else nothing', () => {
    expect(pickLocalized('zh', 'Data Working Group', '数据工作组')).toEqual({ text: '数据工作组', lang: 'zh' })
    expect(pickLocalized('en', 'Data Working Group', '数据工作组')).toEqual({ text: 'Data Working Group', lang: 'en' })
    expect(pickLocalized('zh', 'Only English', '  ')).toEqual({ text: 'Only English', lang: 'en' })
    expect(pickLocalized('en', '', '只有中文')).toEqual({ text: '只有中文', lang: 'zh' })
    expect(pickLocalized('en', null, undefined)).toEqual({ text: '', lang: 'en' })
  })

  test('countries and times are named in the chosen language', () => {
    expect(countryName('CN', 'en')).toBe('China')
    expect(countryName('DE', 'zh')).toBe('德国')
    expect(countryName('', 'en')).toBe('')
    const now = Date.parse('2026-03-01T12:00:00Z')
    expect(relativeTime('2026-03-01T09:00:00Z', 'en', now)).toBe('3 hours ago')
    expect(relativeTime('2026-03-01T09:00:00Z', 'zh', now)).toBe('3小时前')
  })
})
