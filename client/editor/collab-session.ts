/**
 * One open document: a Y.Doc and its y-websocket provider, kept alive across reconnects (and across a
 * sign-in in the middle of editing) so no word typed is lost: edits made while offline stay in the Y.Doc
 * and reach the server in the sync step 2 it asks for after reconnecting.
 *
 * The provider asks for "saved" acknowledgements (`?ack=1`, see frames.ts); a WebSocket subclass counts
 * the document frames each socket sends, and sync-status.ts turns sends, acks and connection events into
 * the status line. A refused connection (upgrade answered 401/403/404, or a 44xx close) is checked with
 * the API once instead of retried forever.
 */
import * as decoding from 'lib0/decoding'
import { createSignal, type Accessor } from 'solid-js'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { classifyOutgoing, MESSAGE_SAVED, MESSAGE_SYNC, SYNC_STEP1, toBytes } from './frames.ts'
import { hasUnsaved, initialSyncState, reduceSync, statusOf, type DeniedReason, type SyncEvent, type SyncState, type SyncStatus } from './sync-status.ts'

export type AccessCheck = () => Promise<'write' | 'read' | DeniedReason | 'unknown'>

export interface Peer {
  clientId: number
  /** The account behind the connection, when the server puts it in awareness (`user.id`). */
  userId: string | null
  name: string
  color: string
  institution: string | null
  self: boolean
}

export interface CollabSession {
  readonly documentId: string
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  state: Accessor<SyncState>
  status: Accessor<SyncStatus>
  peers: Accessor<Peer[]>
  unsaved: () => boolean
  setWritable(writable: boolean): void
  /** Replaces the function that asks the API what this person may do now. */
  setAccessCheck(check: AccessCheck): void
  /** Start again after a denial (e.g. signed in again). */
  reconnect(): void
  destroy(): void
}

const CLOSE_SESSION_ENDED = 4401
const CLOSE_FORBIDDEN = 4403
const CLOSE_NOT_FOUND = 4404
const CLOSE_RATE = 4429
/** An unconfirmed change this old on an open socket means the server stopped taking them: ask why. */
const STALL_MS = 5000

export function openCollabSession(documentId: string, opts: { writable: boolean; check: AccessCheck; url?: string }): CollabSession {
  const doc = new Y.Doc()
  const [state, setState] = createSignal<SyncState>(initialSyncState(opts.writable))
  const [peers, setPeers] = createSignal<Peer[]>([])
  let check = opts.check
  let provider!: WebsocketProvider
  let lastProgress = Date.now()
  const dispatch = (e: SyncEvent) =>
    setState((prev) => {
      const next = reduceSync(prev, e)
      if (!hasUnsaved(next) || next.acked !== prev.acked) lastProgress = Date.now()
      return next
    })

  class CountingWebSocket extends WebSocket {
    override send(data: Parameters<WebSocket['send']>[0]): void {
      super.send(data)
      const bytes = toBytes(data)
      const frame = bytes && classifyOutgoing(bytes)
      if (frame && (provider === undefined || provider.ws === this)) dispatch({ type: 'sent', frame })
    }
  }

  const base = opts.url ?? location.origin.replace(/^http/, 'ws') + '/collab'
  provider = new WebsocketProvider(base, documentId, doc, {
    params: { ack: '1' },
    WebSocketPolyfill: CountingWebSocket,
    disableBc: true,
    maxBackoffTime: 5000,
  })
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    dispatch({ type: 'acked', count: decoding.readVarUint(decoder) })
  }

  // The server asks a read-only connection for its state only after promoting it (collab/server.ts,
  // setAccess): a sync step 1 once synced, while we think we may not write, means "ask the API again".
  const handleSync = provider.messageHandlers[MESSAGE_SYNC]
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, messageType) => {
    if (decoding.peekVarUint(decoder) === SYNC_STEP1 && provider.synced && !state().writable) void runCheck()
    handleSync(encoder, decoder, p, emitSynced, messageType)
  }

  let openedThisSocket = false
  let checking = false
  const runCheck = async () => {
    if (checking) return
    checking = true
    try {
      const answer = await check()
      if (answer === 'write' || answer === 'read') {
        dispatch({ type: 'access', writable: answer === 'write' })
      } else if (answer !== 'unknown') {
        dispatch({ type: 'denied', reason: answer })
        provider.disconnect()
      }
    } finally {
      checking = false
    }
  }

  provider.on('status', ({ status }) => {
    if (status === 'connecting') {
      openedThisSocket = false
      dispatch({ type: 'connecting' })
    } else if (status === 'connected') {
      openedThisSocket = true
      dispatch({ type: 'open' })
    }
  })
  provider.on('sync', (synced) => {
    if (synced) dispatch({ type: 'synced' })
  })
  provider.on('connection-close', () => {
    dispatch({ type: 'closed' })
    // Refused before the websocket opened: a 401/403/404 on the upgrade looks like a network error here.
    if (!openedThisSocket && provider.shouldConnect) void runCheck()
  })
  provider.on('closed', ({ code }) => {
    if (code === CLOSE_SESSION_ENDED) dispatch({ type: 'denied', reason: 'signed-out' })
    else if (code === CLOSE_FORBIDDEN || code === CLOSE_NOT_FOUND) dispatch({ type: 'denied', reason: 'no-access' })
    else if (code === CLOSE_RATE) setTimeout(() => provider.connect(), 3000)
    else dispatch({ type: 'denied', reason: 'rejected' })
    void runCheck()
  })

  // Registered after the provider's own listener, so a change it sent has been counted already.
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return
    const delivered = provider.wsconnected && provider.ws !== null && provider.ws.readyState === WebSocket.OPEN
    dispatch({ type: 'local-change', delivered })
  }
  doc.on('update', onUpdate)

  const onAwareness = () => {
    const list: Peer[] = []
    provider.awareness.getStates().forEach((value, clientId) => {
      const user = (value as { user?: { id?: unknown; name?: unknown; color?: unknown; institution?: unknown } }).user
      if (!user || typeof user.name !== 'string') return
      list.push({
        clientId,
        userId: typeof user.id === 'string' ? user.id : null,
        name: user.name,
        color: typeof user.color === 'string' ? user.color : '#6b7280',
        institution: typeof user.institution === 'string' ? user.institution : null,
        self: clientId === doc.clientID,
      })
    })
    setPeers(list)
  }
  provider.awareness.on('change', onAwareness)

  // The browser knows before the socket does (which can take 30 s to notice a dead connection).
  const onOffline = () => {
    if (state().connection === 'denied') return
    provider.disconnect()
    dispatch({ type: 'closed' })
  }
  const onOnline = () => {
    if (state().connection !== 'denied') provider.connect()
  }
  window.addEventListener('offline', onOffline)
  window.addEventListener('online', onOnline)

  const stallTimer = setInterval(() => {
    const s = state()
    if (s.connection === 'open' && s.synced && s.writable && hasUnsaved(s) && Date.now() - lastProgress > STALL_MS) {
      lastProgress = Date.now()
      void runCheck()
    }
  }, 1000)

  return {
    documentId,
    doc,
    provider,
    state,
    status: () => statusOf(state()),
    peers,
    unsaved: () => hasUnsaved(state()),
    setWritable: (writable) => dispatch({ type: 'access', writable }),
    setAccessCheck(next) {
      check = next
    },
    reconnect() {
      if (state().connection === 'denied' || !provider.shouldConnect) {
        dispatch({ type: 'connecting' })
        provider.connect()
      }
    },
    destroy() {
      clearInterval(stallTimer)
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
      provider.awareness.off('change', onAwareness)
      doc.off('update', onUpdate)
      provider.destroy()
      doc.destroy()
    },
  }
}

/**
 * Sessions outlive the page that opened them while they hold unsaved changes: leaving the page (or being
 * sent to the sign-in form) keeps the Y.Doc; coming back picks it up again. They are kept per person, so
 * someone else signing in on this browser never sends another person's pending edits.
 */
const sessions = new Map<string, { session: CollabSession; holders: number }>()
const keyOf = (userId: string, documentId: string) => `${userId}/${documentId}`

export function acquireCollabSession(documentId: string, opts: { userId: string; writable: boolean; check: AccessCheck }): CollabSession {
  const key = keyOf(opts.userId, documentId)
  const entry = sessions.get(key)
  if (entry) {
    entry.holders++
    entry.session.setAccessCheck(opts.check)
    entry.session.setWritable(opts.writable)
    entry.session.reconnect()
    return entry.session
  }
  const session = openCollabSession(documentId, opts)
  sessions.set(key, { session, holders: 1 })
  return session
}

export function releaseCollabSession(session: CollabSession, userId: string): void {
  const key = keyOf(userId, session.documentId)
  const entry = sessions.get(key)
  if (!entry || entry.session !== session) return session.destroy()
  entry.holders--
  const finishIfIdle = () => {
    if (entry.holders > 0 || session.unsaved()) return false
    sessions.delete(key)
    session.destroy()
    return true
  }
  if (finishIfIdle()) return
  // Keep it until the server has everything; others should not see the caret of someone who left.
  if (entry.holders === 0) session.provider.awareness.setLocalState(null)
  const timer = setInterval(() => {
    if (entry.holders > 0 || finishIfIdle()) clearInterval(timer)
  }, 1000)
}

/** True while any open document holds changes the server has not confirmed (for the unload warning). */
export function anyUnsaved(): boolean {
  for (const { session } of sessions.values()) if (session.unsaved()) return true
  return false
}
