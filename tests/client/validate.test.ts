/** Form checks mirror the server's rules, so people see the problem next to the field before sending. */
import { describe, expect, test } from 'vitest'
import { countryCode, email, isValid, linkUrl, newPassword, oneOf, sameAs, slug, validate } from '../../client/forms/validate.ts'

describe('form checks', () => {
  test('email addresses', () => {
    expect(email('', {})).toBe('validation.required')
    expect(email('lin@example', {})).toBe('validation.email')
    expect(email(' lin.wei@tsinghua.edu.cn ', {})).toBeNull()
  })

  test('new passwords: 10 to 256 characters, repeated identically', () => {
    expect(newPassword('short', {})).toBe('validation.passwordLength')
    expect(newPassword('x'.repeat(257), {})).toBe('validation.tooLong')
    expect(newPassword('long enough now', {})).toBeNull()
    const confirm = sameAs<{ password: string }>((v) => v.password)
    expect(confirm('abc', { password: 'abd' })).toBe('validation.passwordMismatch')
    expect(confirm('abc', { password: 'abc' })).toBeNull()
  })

  test('links in documents: web and mail addresses only, never javascript:', () => {
    expect(linkUrl('https://www.wicinternet.org/', {})).toBeNull()
    expect(linkUrl('mailto:secretariat@wic.org', {})).toBeNull()
    expect(linkUrl('javascript:alert(1)', {})).toBe('validation.url')
    expect(linkUrl('data:text/html,hi', {})).toBe('validation.url')
    // A character a DOCX cannot hold is refused here too, not dropped silently by the editor later.
    expect(linkUrl('https://example.org/\uFFFF', {})).toBe('validation.url')
    expect(linkUrl('www.example.org', {})).toBe('validation.url')
  })

  test('short names, country codes, and a title in at least one language', () => {
    expect(slug('data-governance', {})).toBeNull()
    expect(slug('Data Governance', {})).toBe('validation.slug')
    expect(countryCode('br', {})).toBeNull()
    expect(countryCode('BRA', {})).toBe('validation.country')
    const titleEn = oneOf<{ titleZh: string }>((v) => v.titleZh)
    expect(titleEn('', { titleZh: '数据' })).toBeNull()
    expect(titleEn(' ', { titleZh: '' })).toBe('validation.required')
  })

  test('validate collects the first failing check of each field', () => {
    const errors = validate({ email: 'nope', password: 'short' }, { email, password: newPassword })
    expect(errors).toEqual({ email: 'validation.email', password: 'validation.passwordLength' })
    expect(isValid(errors)).toBe(false)
    expect(isValid(validate({ email: 'a@b.cd' }, { email }))).toBe(true)
  })
})
