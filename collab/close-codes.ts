/**
 * Websocket close codes the collab server uses. 4400–4499 mirror HTTP 4xx: the y-websocket client treats
 * them as final and stops reconnecting. 4500 is "try again later" (the client reconnects with backoff),
 * 1001 is a server shutdown (the client reconnects to the restarted server).
 */
export const CLOSE = {
  goingAway: 1001,
  badMessage: 4400,
  sessionEnded: 4401,
  forbidden: 4403,
  notFound: 4404,
  tooLarge: 4413,
  rateLimited: 4429,
  loadFailed: 4500,
} as const

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE]
