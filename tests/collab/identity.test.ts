import { describe, expect, it } from 'vitest'
import { SharedIdentities, type Identity } from '../../collab/identity.ts'

const person = (over: Partial<Identity> = {}): Identity => ({
  userId: 'u1',
  sessionId: 's1',
  token: 'tok',
  name: 'Mei Chen',
  institution: 'Keio Data Lab',
  color: '#1b6ac9',
  ...over,
})

describe('SharedIdentities', () => {
  it("gives a session's connections one identity object and forgets it with the last connection", () => {
    const pool = new SharedIdentities()
    const first = pool.acquire(person())
    const second = pool.acquire(person())
    expect(second).toBe(first)
    expect(pool.acquire(person({ sessionId: 's2' }))).not.toBe(first)
    pool.release(first)
    expect(pool.acquire(person())).toBe(first) // still held by the second connection
    pool.release(first)
    pool.release(first)
    expect(pool.size).toBe(1) // only s2 is left
    expect(pool.acquire(person())).not.toBe(first)
  })

  it('a renamed person gets a new identity for new connections; closing an old one leaves it alone', () => {
    const pool = new SharedIdentities()
    const before = pool.acquire(person())
    const after = pool.acquire(person({ name: 'Mei Chen-Tanaka' }))
    expect(after).not.toBe(before)
    expect(after.name).toBe('Mei Chen-Tanaka')
    pool.release(before)
    expect(pool.acquire(person({ name: 'Mei Chen-Tanaka' }))).toBe(after)
  })
})
