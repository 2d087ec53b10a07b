/**
 * The one place errors become HTTP: a HubError keeps its status and code (a 403 is audited on the way,
 * see audit-refusals.ts); Hono's own HTTPExceptions (bad JSON, body too large) get a code of their own;
 * anything else is logged and answered with a bare 500.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { HubError } from '../domain/errors.ts'
import { auditRefusal } from './audit-refusals.ts'
import type { AppEnv } from './env.ts'

export function errorBody(code: string, message: string) {
  return { error: { code, message } }
}

export async function handleError(err: Error, c: Context<AppEnv>): Promise<Response> {
  if (err instanceof HubError) {
    if (err.status === 403) await auditRefusal(c, err)
    return c.json(errorBody(err.code, err.message), err.status)
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode
    const code = status === 413 ? 'payload_too_large' : status === 400 ? 'malformed_request' : 'http_error'
    return c.json(errorBody(code, err.message || 'The request could not be processed.'), status)
  }
  console.error('[api] unexpected error', c.req.method, c.req.path, err)
  return c.json(errorBody('internal', 'Something went wrong on our side. Please try again.'), 500)
}
