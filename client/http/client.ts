/**
 * The one way the app talks to the server: Hono's typed client, so request and response types come from
 * the routes' zod schemas and are never written by hand. It is typed by `ApiRoutes` (the chained /api
 * sub-app) with `/api` as base, because `AppType` mounts that sub-app without chaining and so carries no
 * routes. `call` turns a response into its success body or throws an `ApiError` carrying the server's
 * `{ error: { code, message } }`. Only types are imported from the server: nothing of it reaches the bundle.
 */
import { hc, type ClientResponse } from 'hono/client'
import type { SuccessStatusCode } from 'hono/utils/http-status'
import type { ApiRoutes } from '../../api/app.ts'

export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Same-origin requests: the session cookie goes along by default. The server requires
 * `Content-Type: application/json` on every unsafe request (its CSRF guard), but `hc` sets it only when
 * there is a JSON body, so bodyless ones (sign out, resolve, disable…) get it here.
 */
const jsonFetch: typeof fetch = (input, init) => {
  if (!UNSAFE.has((init?.method ?? 'GET').toUpperCase())) return fetch(input, init)
  const headers = new Headers(init?.headers)
  if (!headers.has('content-type')) headers.set('content-type', 'application/json')
  return fetch(input, { ...init, headers })
}

export const api = hc<ApiRoutes>('/api', { fetch: jsonFetch })

type Success<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? T : never) : never

let onSignedOut: () => void = () => {}
/** Called when any request learns that the session has ended (the app then shows the sign-in form). */
export function setSignedOutHandler(handler: () => void): void {
  onSignedOut = handler
}

export async function call<R extends ClientResponse<unknown, number, 'json'>>(request: Promise<R>): Promise<Success<R>> {
  let res: R
  try {
    res = await request
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.')
  }
  if (res.ok) return (await res.json()) as Success<R>
  let body: unknown
  try {
    body = await res.json()
  } catch {
    body = null
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
  const code = typeof error?.code === 'string' ? error.code : `http_${res.status}`
  const message = typeof error?.message === 'string' ? error.message : res.statusText
  if (res.status === 401 && code === 'unauthenticated') onSignedOut()
  throw new ApiError(res.status, code, message)
}
