/**
 * Who is behind a connection, as the server knows it from the session cookie. The awareness `user` field
 * every other participant sees is built from this, never from what the client claims.
 */
export interface Identity {
  userId: string
  sessionId: string
  /** The raw session token, kept to re-validate the session when its known expiry passes. */
  token: string
  name: string
  institution: string | null
  color: string
}

/**
 * The `user` field written into every awareness state of the connection (Tiptap's caret reads name and
 * colour; the presence list tells people apart by id, as two of them may share a name).
 */
export function awarenessUser(identity: Identity): { id: string; name: string; institution: string | null; color: string } {
  return { id: identity.userId, name: identity.name, institution: identity.institution, color: identity.color }
}

export { userColor } from '../domain/colours.ts'
