/**
 * Password-guess throttling (sign-in, and the current password when changing it): at most 10 failed
 * attempts per email within 15 minutes; after that every further attempt gets 429 until the window ends,
 * whether the password is right or not.
 *
 * An attempt takes its slot *before* the password is checked (`reserve`, synchronous, so two requests
 * can never both see the last free slot), and the slot counts as a failure unless the attempt reports
 * success. A check takes ~50 ms, so a throttle that counted failures only afterwards would let any number
 * of parallel guesses through. Counted in memory: a restart forgets, which errs on the side of letting
 * people in (the audit log still holds every failure).
 */
export const MAX_FAILURES = 10
export const WINDOW_MS = 15 * 60 * 1000

export interface Attempt {
  ok: true
  /** The password was right: frees this slot and forgets the settled failures. */
  succeeded(): void
  /** It was wrong: the slot stays, as a failure. */
  failed(): void
}

export type Reservation = Attempt | { ok: false; retryAfterMs: number }

export interface SignInThrottle {
  reserve(email: string, now: number): Reservation
}

interface Slot {
  at: number
  /** Still being checked: a success elsewhere must not forget it. */
  pending: boolean
}

export function createSignInThrottle(): SignInThrottle {
  const slots = new Map<string, Slot[]>()
  const recent = (key: string, now: number) => (slots.get(key) ?? []).filter((s) => now - s.at < WINDOW_MS)
  const prune = (now: number) => {
    if (slots.size <= 50_000) return
    for (const [k, v] of slots) if (v.every((s) => now - s.at >= WINDOW_MS)) slots.delete(k)
  }
  return {
    reserve(email, now) {
      const key = email.trim().toLowerCase()
      const taken = recent(key, now)
      if (taken.length >= MAX_FAILURES) {
        slots.set(key, taken)
        return { ok: false, retryAfterMs: Math.max(1, taken[0].at + WINDOW_MS - now) }
      }
      const slot: Slot = { at: now, pending: true }
      taken.push(slot)
      slots.set(key, taken)
      prune(now)
      return {
        ok: true,
        succeeded() {
          // The person proved they know the password: earlier failures no longer count, but guesses still
          // in flight do (they settle as failures of their own).
          const left = (slots.get(key) ?? []).filter((s) => s !== slot && s.pending)
          if (left.length > 0) slots.set(key, left)
          else slots.delete(key)
        },
        failed() {
          slot.pending = false
        },
      }
    },
  }
}
