/**
 * The one error type of the hub. Rules in domain/ throw it; the API maps it to an HTTP status with a JSON
 * body `{ error: { code, message } }`, the collab server maps it to a websocket close code.
 */
export class HubError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'HubError'
  }
}

export const badRequest = (code: string, message: string) => new HubError(400, code, message)
export const unauthenticated = (message = 'Sign in first.') => new HubError(401, 'unauthenticated', message)
export const forbidden = (message = 'You are not allowed to do this.') => new HubError(403, 'forbidden', message)
export const notFound = (what: string) => new HubError(404, 'not_found', `${what} not found.`)
export const conflict = (code: string, message: string) => new HubError(409, code, message)
export const gone = (code: string, message: string) => new HubError(410, code, message)
