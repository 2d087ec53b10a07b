/** What every route can reach: the dependencies passed in by main.ts and the signed-in person, if any. */
import type { Kysely } from 'kysely'
import type { CollabNotifier } from '../domain/collab-notifier.ts'
import type { Actor } from '../domain/permissions.ts'
import type { Database } from '../db/schema.ts'
import type { ValidSession } from '../db/session-auth.ts'
import type { PasswordHasher } from './auth/passwords.ts'
import type { SignInThrottle } from './auth/throttle.ts'

export interface ApiConfig {
  /** HUB_PUBLIC_URL: the origin users reach the hub at behind a proxy; also decides Secure cookies. */
  publicUrl: string | null
  /** HUB_TRUST_PROXY=1: believe X-Forwarded-For / X-Forwarded-Proto. */
  trustProxy: boolean
}

export interface ApiDeps {
  db: Kysely<Database>
  now: () => number
  notifier: CollabNotifier
  passwords: PasswordHasher
  throttle: SignInThrottle
  config: ApiConfig
}

export interface AppEnv {
  Variables: {
    deps: ApiDeps
    session: ValidSession | null
    actor: import('../domain/permissions.ts').Actor | null
  }
}

export type { Actor }
