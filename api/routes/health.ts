import { createRoute, z } from '@hono/zod-openapi'
import { ok } from '../openapi.ts'
import { newRouter } from '../router.ts'

const health = createRoute({
  method: 'get',
  path: '/',
  tags: ['Meta'],
  summary: 'Liveness: answers { ok: true } when the hub serves requests',
  responses: { 200: ok(z.object({ ok: z.literal(true) })) },
})

export const healthRoutes = newRouter().openapi(health, (c) => c.json({ ok: true as const }, 200))
