/**
 * Sign-in throttling: after 10 failed attempts for one email within 15 minutes, every further attempt gets
 * 429 until that window ends, whether the password is right or not. Counted in memory: a restart forgets,
 * which errs on the side of letting people in (the audit log still holds every failure).
 */
export const MAX_FAILURES = 10
export const WINDOW_MS = 15 * 60 * 1000

export interface SignInThrottle {
  /** Milliseconds until attempts are allowed again, or 0 when they are. */
  blockedFor(email: string, now: number): number
  recordFailure(email: string, now: number): void
  reset(email: string): void
}

export function createSignInThrottle(): SignInThrottle {
  const failures = new Map<string, number[]>()
  const recent = (email: string, now: number) => (failures.get(email) ?? []).filter((t) => now - t < WINDOW_MS)
  return {
    blockedFor(email, now) {
      const times = recent(email.toLowerCase(), now)
      if (times.length < MAX_FAILURES) return 0
      return times[0] + WINDOW_MS - now
    },
    recordFailure(email, now) {
      const key = email.toLowerCase()
      const times = recent(key, now)
      times.push(now)
      failures.set(key, times)
      if (failures.size > 50_000) {
        for (const [k, v] of failures) if (v.every((t) => now - t >= WINDOW_MS)) failures.delete(k)
      }
    },
    reset(email) {
      failures.delete(email.toLowerCase())
    },
  }
}
