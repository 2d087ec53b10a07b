/**
 * The API: one sub-app per resource, chained so `AppType` carries every route to the typed client.
 * Order of middleware: deps → security headers → body limit → session → cached reads → same-origin
 * check → routes.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { HubError } from '../domain/errors.ts'
import { docsRoutes } from './docs.ts'
import type { ApiDeps, AppEnv } from './env.ts'
import { errorBody, handleError } from './errors.ts'
import { sameOriginMiddleware } from './middleware/same-origin.ts'
import { securityHeaders } from './middleware/security-headers.ts'
import { sessionMiddleware } from './middleware/session.ts'
import { cachedReads } from './read-cache.ts'
import { auditRoutes } from './routes/audit.ts'
import { authRoutes } from './routes/auth.ts'
import { bodyRoutes } from './routes/bodies.ts'
import { documentRoutes } from './routes/documents.ts'
import { healthRoutes } from './routes/health.ts'
import { institutionRoutes } from './routes/institutions.ts'
import { bodyInvitationRoutes, invitationRoutes } from './routes/invitations.ts'
import { joinRequestRoutes } from './routes/join-requests.ts'
import { meRoutes } from './routes/me.ts'
import { memberRoutes } from './routes/members.ts'
import { userRoutes } from './routes/users.ts'
import { consensusRoutes } from './routes/consensus.ts'
import { endorsementRoutes } from './routes/endorsements.ts'
import { lifecycleRoutes } from './routes/lifecycle.ts'
import { publicationRoutes } from './routes/publications.ts'
import { reviewRoutes } from './routes/review.ts'
import { versionRoutes } from './routes/versions.ts'
import { publicPages } from './public/pages.ts'
import { authorshipRoutes } from './routes/authorship.ts'
import { commentRoutes } from './routes/comments.ts'
import { notificationRoutes } from './routes/notifications.ts'

export const MAX_BODY_BYTES = 1024 * 1024

function apiRoutes() {
  return new OpenAPIHono<AppEnv>()
    .route('/health', healthRoutes)
    .route('/auth', authRoutes)
    .route('/me', meRoutes)
    .route('/me/notifications', notificationRoutes)
    .route('/institutions', institutionRoutes)
    .route('/users', userRoutes)
    .route('/bodies', bodyRoutes)
    .route('/bodies', memberRoutes)
    .route('/bodies', bodyInvitationRoutes)
    .route('/bodies', joinRequestRoutes)
    .route('/invitations', invitationRoutes)
    .route('/audit', auditRoutes)
    .route('/review', reviewRoutes)
    .route('/', documentRoutes)
    .route('/documents', lifecycleRoutes)
    .route('/documents', versionRoutes)
    .route('/documents', endorsementRoutes)
    .route('/documents', authorshipRoutes)
    .route('/', commentRoutes)
    .route('/', consensusRoutes)
    .route('/publications', publicationRoutes)
}

export type ApiRoutes = ReturnType<typeof apiRoutes>

export function createApi(deps: ApiDeps) {
  const api = apiRoutes()
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Consensus Hub API',
      version: '1',
      description:
        'Sign in with POST /api/auth/login; the session cookie authenticates every other call. Requests that change data must be same-origin JSON.',
    },
  })
  api.route('/docs', docsRoutes)

  const app = new OpenAPIHono<AppEnv>()
  app.use('*', async (c, next) => {
    c.set('deps', deps)
    await next()
  })
  app.use('*', securityHeaders)
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => {
      // The rest of the body is never read: close the connection so the client cannot reuse it.
      c.header('Connection', 'close')
      throw new HubError(413, 'payload_too_large', 'The request body is larger than 1 MiB.')
    },
  })
  // GET and HEAD carry no body; asking for one would make the server build a full fetch Request for
  // every read (a fifth of the cost of a small list route).
  app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)))
  app.use('/api/*', sessionMiddleware)
  app.use('/api/*', cachedReads)
  app.use('/api/*', sameOriginMiddleware)
  app.route('/api', api)
  app.route('/', publicPages)
  app.notFound((c) => c.json(errorBody('not_found', c.req.path.startsWith('/api/') ? 'No such API route.' : 'No such page.'), 404))
  app.onError(handleError)
  return app
}

export type AppType = ReturnType<typeof createApi>
