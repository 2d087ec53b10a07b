/** What every route can reach: the dependencies passed in by main.ts and the signed-in person, if any. */
import type { Kysely } from 'kysely'
import type { CollabNotifier } from '../domain/collab-notifier.ts'
import type { Actor } from '../domain/permissions.ts'
import type { DataVersion } from '../db/data-version.ts'
import type { Database } from '../db/schema.ts'
import type { ValidSession } from '../db/session-auth.ts'
import type { PasswordHasher } from './auth/passwords.ts'
import type { SessionCache } from './auth/session-cache.ts'
import type { SignInThrottle } from './auth/throttle.ts'
import type { ReadCache } from './read-cache.ts'

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
  /** Moves whenever data the API serves may have changed; what the caches below hold is valid until then. */
  dataVersion: DataVersion
  readCache: ReadCache
  sessions: SessionCache
}

export interface AppEnv {
  Variables: {
    deps: ApiDeps
    session: ValidSession | null
    actor: import('../domain/permissions.ts').Actor | null
    /** The security headers of this request (middleware/security-headers.ts) … */
    securityHeaders: Readonly<Record<string, string>>
    /** … already in the response the handler built, so the middleware need not add them. */
    secured: boolean
  }
}

export type { Actor }
