import { describe, expect, it } from 'vitest'
import { contrastRatio, userColor } from '../../domain/colours.ts'

describe('userColor', () => {
  it('gives every person a colour that white text (caret names, initials) meets WCAG AA on', () => {
    const worst = Array.from({ length: 5000 }, (_, i) => `user-${i}-${(i * 7919).toString(36)}`)
      .map((id) => ({ id, color: userColor(id) }))
      .map(({ id, color }) => ({ id, color, ratio: contrastRatio(color, '#ffffff') }))
      .sort((a, b) => a.ratio - b.ratio)[0]
    expect(worst.ratio, `${worst.id} → ${worst.color}`).toBeGreaterThanOrEqual(4.5)
  })

  it('is stable per person and spreads people over many hues', () => {
    expect(userColor('u-42')).toBe(userColor('u-42'))
    const colours = new Set(Array.from({ length: 200 }, (_, i) => userColor(`u-${i}`)))
    expect(colours.size).toBeGreaterThan(150)
  })
})

describe('contrastRatio', () => {
  it('follows WCAG: black on white is 21, a colour on itself is 1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5)
    expect(contrastRatio('#3b5bdb', '#3b5bdb')).toBe(1)
  })
})
