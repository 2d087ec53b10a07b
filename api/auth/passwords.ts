/**
 * Password hashing with argon2id (m=19456 KiB, t=2, p=1: OWASP's minimum). Each hash takes ~50 ms and 19 MiB,
 * so at most two run at once; the rest wait their turn rather than exhaust the 2-core machine.
 */
import { hash, verify, type Algorithm } from '@node-rs/argon2'

// Algorithm.Argon2id is an ambient const enum (2), which isolated modules cannot read by name.
const OPTIONS = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export interface PasswordHasher {
  hash(password: string): Promise<string>
  verify(hashed: string, password: string): Promise<boolean>
  /** Spends the same time as a real verification, for unknown accounts (no timing oracle). */
  verifyDummy(password: string): Promise<void>
}

class Semaphore {
  private waiting: Array<() => void> = []
  private active = 0
  constructor(private readonly limit: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.active++
    try {
      return await task()
    } finally {
      this.active--
      this.waiting.shift()?.()
    }
  }
}

export function createPasswordHasher(concurrency = 2): PasswordHasher {
  const gate = new Semaphore(concurrency)
  let dummy: Promise<string> | null = null
  const hasher: PasswordHasher = {
    hash: (password) => gate.run(() => hash(password, OPTIONS)),
    verify: (hashed, password) => gate.run(() => verify(hashed, password, OPTIONS).catch(() => false)),
    async verifyDummy(password) {
      dummy ??= hasher.hash('not a real password, only for timing')
      await hasher.verify(await dummy, password)
    },
  }
  return hasher
}
