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

/**
 * One identity object per session, shared by all its connections (tabs, documents): what a connection
 * carries of the person (ids, token, name, institution, colour) is then held once per session rather than
 * once per socket. Counted: the entry goes when the session's last connection closes. A connection opened
 * after the person was renamed brings a different identity, which replaces the entry for later
 * connections; the earlier ones keep theirs.
 */
export class SharedIdentities {
  private readonly bySession = new Map<string, { identity: Identity; connections: number }>()

  acquire(identity: Identity): Identity {
    const entry = this.bySession.get(identity.sessionId)
    if (entry && sameIdentity(entry.identity, identity)) {
      entry.connections++
      return entry.identity
    }
    this.bySession.set(identity.sessionId, { identity, connections: 1 })
    return identity
  }

  release(identity: Identity): void {
    const entry = this.bySession.get(identity.sessionId)
    if (entry?.identity === identity && --entry.connections === 0) this.bySession.delete(identity.sessionId)
  }

  get size(): number {
    return this.bySession.size
  }
}

/**
 * Within one session only what is shown can differ: the session id is the token's hash and belongs to one
 * user (whose colour follows from the id).
 */
function sameIdentity(a: Identity, b: Identity): boolean {
  return a.name === b.name && a.institution === b.institution
}
