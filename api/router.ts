/**
 * Every sub-app is an OpenAPIHono made here, so a request that fails its zod schema gets the same
 * `400 invalid_request` body everywhere, naming the first offending field.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import type { ZodError } from 'zod'
import { badRequest } from '../domain/errors.ts'
import type { AppEnv } from './env.ts'

export function describeZodError(error: ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'The request is not valid.'
  const where = issue.path.length ? issue.path.join('.') : 'request'
  return `${where}: ${issue.message}`
}

export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw badRequest('invalid_request', describeZodError(result.error))
    },
  })
}
