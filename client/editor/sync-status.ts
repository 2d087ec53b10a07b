/**
 * What the status line says, as a pure state machine over what the websocket and the server report.
 *
 * "All changes saved" must mean the server committed every local change. The server acknowledges per
 * socket: "your first n step-2/update frames are stored". So, per socket, we count the frames we sent and
 * keep the highest acknowledged count; everything is saved when acked == sent and nothing is held back.
 * Changes are "held back" when they were made while no socket was open, or were sent on a socket that
 * closed before confirming them: both reach the server in the sync step 2 we send when it asks (its
 * step 1 after a reconnect), which carries every change it lacks; sending that frame clears the flag.
 *
 *   connecting ──open──► (open, syncing) ──synced──► live / saving / saved
 *        ▲                                                   │
 *        └──────────────── closed (offline / offline-kept) ◄─┘
 *   denied (signed out, no access, rejected) is final until the page starts a new connection.
 */
import type { DocumentFrame } from './frames.ts'

export type DeniedReason = 'signed-out' | 'no-access' | 'rejected'

export interface SyncState {
  connection: 'connecting' | 'open' | 'closed' | 'denied'
  everOpened: boolean
  synced: boolean
  /** Step-2/update frames sent on the current socket. */
  sent: number
  /** The server's latest "saved" count on the current socket. */
  acked: number
  /** Local changes not yet handed to an open socket, or lost with one that closed unconfirmed. */
  heldBack: boolean
  /** This tab changed the document at least once. */
  edited: boolean
  /** The server accepts our changes (write access). */
  writable: boolean
  denied: DeniedReason | null
}

export type SyncEvent =
  | { type: 'connecting' }
  | { type: 'open' }
  | { type: 'synced' }
  | { type: 'closed' }
  | { type: 'sent'; frame: DocumentFrame }
  | { type: 'acked'; count: number }
  | { type: 'local-change'; delivered: boolean }
  | { type: 'access'; writable: boolean }
  | { type: 'denied'; reason: DeniedReason }

export type SyncStatus = 'connecting' | 'live' | 'saving' | 'saved' | 'offline' | 'offline-kept' | DeniedReason

export const initialSyncState = (writable = true): SyncState => ({
  connection: 'connecting',
  everOpened: false,
  synced: false,
  sent: 0,
  acked: 0,
  heldBack: false,
  edited: false,
  writable,
  denied: null,
})

export function hasUnsaved(s: SyncState): boolean {
  return s.heldBack || s.acked < s.sent
}

export function reduceSync(s: SyncState, e: SyncEvent): SyncState {
  switch (e.type) {
    case 'connecting':
      return { ...s, connection: 'connecting', synced: false, sent: 0, acked: 0, denied: null }
    case 'open':
      return { ...s, connection: 'open', everOpened: true, synced: false, sent: 0, acked: 0 }
    case 'synced':
      return s.connection === 'open' ? { ...s, synced: true } : s
    case 'closed':
      if (s.connection === 'denied') return { ...s, heldBack: hasUnsaved(s), sent: 0, acked: 0 }
      return { ...s, connection: 'closed', synced: false, heldBack: hasUnsaved(s), sent: 0, acked: 0 }
    case 'sent':
      if (s.connection !== 'open') return s
      return { ...s, sent: s.sent + 1, heldBack: e.frame === 'step2' ? false : s.heldBack }
    case 'acked':
      return { ...s, acked: Math.min(Math.max(s.acked, e.count), s.sent) }
    case 'local-change':
      return { ...s, edited: true, heldBack: s.heldBack || !e.delivered }
    case 'access':
      return { ...s, writable: e.writable }
    case 'denied':
      return { ...s, connection: 'denied', denied: e.reason }
  }
}

export function statusOf(s: SyncState): SyncStatus {
  if (s.connection === 'denied' && s.denied) return s.denied
  if (s.connection === 'open' && s.synced) {
    if (!s.writable) return 'live'
    if (hasUnsaved(s)) return 'saving'
    return s.edited ? 'saved' : 'live'
  }
  if (!s.everOpened || s.connection === 'open') return 'connecting'
  return hasUnsaved(s) ? 'offline-kept' : 'offline'
}
