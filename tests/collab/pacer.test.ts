/** The batch window policy and the arrival-rate meter it follows (pacer.ts). */
import { describe, expect, it } from 'vitest'
import { batchWindowMs, RateMeter } from '../../collab/pacer.ts'

describe('batchWindowMs', () => {
  it('sends at once to a pair or a small group, whatever their pace', () => {
    expect(batchWindowMs(1, 50)).toBe(2)
    expect(batchWindowMs(2, 0)).toBe(2)
    expect(batchWindowMs(8, 400)).toBeCloseTo(6.4)
  })

  it('waits longer the more people receive each batch, up to 80 ms', () => {
    expect(batchWindowMs(50, 100)).toBeCloseTo(40)
    expect(batchWindowMs(100, 200)).toBe(80)
    expect(batchWindowMs(1000, 1)).toBe(80)
  })

  it('waits only as long as a busy room needs to fill a batch', () => {
    expect(batchWindowMs(400, 800)).toBeCloseTo(30)
    expect(batchWindowMs(200, 400)).toBeCloseTo(60)
    expect(batchWindowMs(1000, 100_000)).toBe(2)
  })
})

describe('RateMeter', () => {
  it('reads zero before anything happened', () => {
    expect(new RateMeter().perSecond(5000)).toBe(0)
  })

  it('converges on a steady rate and falls off when the room goes quiet', () => {
    const meter = new RateMeter(1000)
    let t = 0
    for (; t < 10_000; t += 5) meter.add(t) // 200 a second for 10 s
    expect(meter.perSecond(t)).toBeGreaterThan(190)
    expect(meter.perSecond(t)).toBeLessThan(210)
    expect(meter.perSecond(t + 3000)).toBeLessThan(12) // e^-3 of it
    expect(meter.perSecond(t + 20_000)).toBeLessThan(0.001)
  })

  it('follows a room that speeds up within a few seconds', () => {
    const meter = new RateMeter(1000)
    let t = 0
    for (; t < 5000; t += 50) meter.add(t) // 20 a second
    for (const end = t + 3000; t < end; t += 1.25) meter.add(t) // then 800 a second
    expect(meter.perSecond(t)).toBeGreaterThan(750)
  })
})
