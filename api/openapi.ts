/** Small builders for route definitions, so each route states only what is particular to it. */
import { z } from '@hono/zod-openapi'

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error')

const errorContent = { 'application/json': { schema: ErrorSchema } }

/** The error responses every route may give; listed so the reference shows the error shape. */
export const errors = {
  400: { description: 'Invalid request', content: errorContent },
  401: { description: 'Not signed in', content: errorContent },
  403: { description: 'Not allowed', content: errorContent },
  404: { description: 'Not found', content: errorContent },
  409: { description: 'Conflicts with the current state', content: errorContent },
} as const

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } }
}

export function ok<T extends z.ZodType>(schema: T, description = 'OK') {
  return { description, content: { 'application/json': { schema } } }
}

export const OkSchema = z.object({ ok: z.literal(true) }).openapi('Ok')
