import type { DocumentState } from './lifecycle.ts'

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
  /**
   * Applies a change made by the hub on someone's behalf (restoring a version, accepting a proposed change) as an
   * ordinary Yjs update: committed to the log, then sent to every open editor. Resolves once committed.
   * `onlyIn`: the states the document must still be in when the update is committed (the caller's own
   * check ran before, and a lifecycle move may land in between); otherwise it rejects with 409
   * `state_changed` and the text is unchanged.
   */
  applyUpdate(documentId: string, userId: string, update: Uint8Array, onlyIn: readonly DocumentState[]): Promise<void>
}

export const noopNotifier: CollabNotifier = {
  userAccessChanged: () => {},
  sessionsEnded: () => {},
  documentChanged: () => {},
  applyUpdate: () => Promise.reject(new Error('The collaboration server is not running.')),
}
