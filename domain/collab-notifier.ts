/**
 * How the API tells the collab server that access changed, so open websocket connections follow at once.
 * main.ts passes the collab server's implementation to the API; tests may pass a recorder.
 */
export interface CollabNotifier {
  /** A person's roles changed, they were removed from a body or their account was disabled. */
  userAccessChanged(userId: string): void
  /** Sessions ended (sign-out, revoke, password change, disabled account): their sockets close with 4401. */
  sessionsEnded(sessionIds: readonly string[]): void
  /** A document's state changed (for example frozen by its lifecycle): re-evaluate every connection to it. */
  documentChanged(documentId: string): void
}

export const noopNotifier: CollabNotifier = {
  userAccessChanged: () => {},
  sessionsEnded: () => {},
  documentChanged: () => {},
}
