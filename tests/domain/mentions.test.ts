/** Mentions are written by the server with the name of the person they notify, and nothing else can pass for one. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MENTION, mentionedUserIds, withTrueMentionNames } from '../../domain/mentions.ts'

const names = new Map([
  ['victim', 'Vera Victim'],
  ['ann', 'A'],
])
const tokens = (text: string) => [...text.matchAll(MENTION)].map((m) => [m[1], m[2]])

describe('withTrueMentionNames', () => {
  it('names each mention truly, and turns a mention of nobody into text', () => {
    expect(withTrueMentionNames('@[The Secretariat](victim) and @[Ghost](nobody0000)', names)).toBe('@[Vera Victim](victim) and @Ghost')
  })

  it('leaves no token the lookup did not check, however tokens are nested or padded', () => {
    // A mention of nobody, once text, used to join what follows into a new mention of the victim.
    const nested = withTrueMentionNames('@[x@[The Secretariat](nobody0000)](victim)', names)
    expect(tokens(nested)).toEqual([])
    // A true name shorter than the one sent brought an earlier `@[` within reach of the token's end.
    const padded = withTrueMentionNames(`@[${'y'.repeat(100)}@[${'z'.repeat(60)}](ann)`, names)
    expect(tokens(padded)).toEqual([['A', 'ann']])
  })

  it('in any text, every token of the result names the person it points to, and a second pass changes nothing', () => {
    const piece = fc.constantFrom('@[', '@', '[', ']', '(', ')', '](victim)', '](ann)', '](nobody)', 'Sec', 'x'.repeat(60), ' ', '\n')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const out = withTrueMentionNames(parts.join(''), names)
        for (const [name, id] of tokens(out)) expect(name).toBe(names.get(id!))
        expect(mentionedUserIds(out).every((id) => names.has(id))).toBe(true)
        expect(withTrueMentionNames(out, names)).toBe(out)
      }),
      { numRuns: 2000 },
    )
  })
})
