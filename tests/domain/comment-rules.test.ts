/** What counts as hostile in a comment: control characters and HTML that runs code; quoted markup is text. */
import { describe, expect, test } from 'vitest'
import { assertNotHostile, hostileReason } from '../../domain/comment-rules.ts'

describe('hostileReason', () => {
  test('control characters other than tab and newline (a CRLF line break is a newline)', () => {
    for (const s of ['bell\u0007', 'nul\u0000', 'vt\u000B', 'esc\u001B[31m', 'del\u007F', 'next line\u0085', 'lone cr\rhere']) expect(hostileReason(s), JSON.stringify(s)).toBe('control_character')
    for (const s of ['tab\tand\nnewline', 'windows\r\nline']) expect(hostileReason(s), JSON.stringify(s)).toBeNull()
  })

  test('script, iframe, object and embed tags and event handlers, in any case, also as character references', () => {
    for (const s of ['<script>alert(1)</script>', '</SCRIPT>', '<script src=x>', '<IFRAME src=x>', '<object data=x>', '<embed src=x>', '<img src=x onerror=alert(2)>', '<svg/onload=alert(1)>', '&#60;script&#62;', '&#x3C;iframe src=x>']) {
      expect(hostileReason(s), s).toBe('active_html')
    }
  })

  test('javascript: URLs, however they are disguised', () => {
    for (const s of ['see javascript:alert(1)', '[x](javascript:alert(1))', 'JAVASCRIPT:void(0)', 'java\tscript:alert(1)', '&#106;avascript:alert(1)', 'javascript&colon;alert(1)', '<a href= "javascript: alert(1)">x</a>']) {
      expect(hostileReason(s), s).toBe('script_url')
    }
  })

  test('ordinary text with < and >, quoted markup and prose stay', () => {
    for (const s of ['a < b and c > d', 'Use <em> for emphasis, not <b>.', '<p>Section 2</p> should be a heading', 'JavaScript: the good parts', 'the <embed-widget> element', '<scripts> is not a tag', '中文 <b>粗体</b> 和 a<b', '@[Ana Ruiz](u1) see §3']) {
      expect(hostileReason(s), s).toBeNull()
    }
  })

  test('the refusal is a 400 with its own code, naming the field', () => {
    expect(() => assertNotHostile('proposal', '<script>')).toThrow(expect.objectContaining({ status: 400, code: 'hostile_content', message: expect.stringMatching(/^proposal: /) }))
    expect(() => assertNotHostile('body', 'fine')).not.toThrow()
  })
})
