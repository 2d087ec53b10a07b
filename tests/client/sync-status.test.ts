/**
 * The status line's state machine (client/editor/sync-status.ts): what it says after each event, and the
 * promise behind "All changes saved": every local change is confirmed committed by the server.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { hasUnsaved, initialSyncState, reduceSync, statusOf, type SyncEvent, type SyncState } from '../../client/editor/sync-status.ts'

const run = (events: SyncEvent[], from: SyncState = initialSyncState()) => events.reduce(reduceSync, from)
const connected: SyncEvent[] = [{ type: 'connecting' }, { type: 'open' }, { type: 'sent', frame: 'step2' }, { type: 'synced' }, { type: 'acked', count: 1 }]

describe('the status line', () => {
  test('says Connecting until the first sync, then Live', () => {
    expect(statusOf(run([]))).toBe('connecting')
    expect(statusOf(run([{ type: 'connecting' }, { type: 'open' }]))).toBe('connecting')
    expect(statusOf(run(connected))).toBe('live')
  })

  test('says Saving after a change until the server confirms it, then All changes saved', () => {
    const typing = run([...connected, { type: 'sent', frame: 'update' }, { type: 'local-change', delivered: true }])
    expect(statusOf(typing)).toBe('saving')
    expect(statusOf(reduceSync(typing, { type: 'acked', count: 1 }))).toBe('saving')
    expect(statusOf(reduceSync(typing, { type: 'acked', count: 2 }))).toBe('saved')
  })

  test('an acknowledgement never counts more than was sent on this socket', () => {
    const s = run([...connected, { type: 'sent', frame: 'update' }, { type: 'local-change', delivered: true }, { type: 'acked', count: 99 }])
    expect(s.acked).toBe(2)
    expect(statusOf(run([{ type: 'sent', frame: 'update' }, { type: 'local-change', delivered: true }], s))).toBe('saving')
  })

  test('says Offline — changes kept for changes made without a connection, and saves them after reconnecting', () => {
    const offline = run([...connected, { type: 'closed' }, { type: 'local-change', delivered: false }])
    expect(statusOf(offline)).toBe('offline-kept')
    const reconnecting = run([{ type: 'connecting' }, { type: 'open' }], offline)
    expect(statusOf(reconnecting)).toBe('connecting')
    expect(hasUnsaved(reconnecting)).toBe(true)
    // The server asks (its sync step 1); our step 2 carries everything it lacks.
    const sentBack = run([{ type: 'sent', frame: 'step2' }, { type: 'synced' }], reconnecting)
    expect(statusOf(sentBack)).toBe('saving')
    expect(statusOf(reduceSync(sentBack, { type: 'acked', count: 1 }))).toBe('saved')
  })

  test('changes sent on a socket that closed before confirming them are kept, not reported saved', () => {
    const s = run([...connected, { type: 'sent', frame: 'update' }, { type: 'local-change', delivered: true }, { type: 'closed' }])
    expect(statusOf(s)).toBe('offline-kept')
    // The new socket's first acknowledgement is about its own frames only.
    const next = run([{ type: 'connecting' }, { type: 'open' }, { type: 'synced' }], s)
    expect(statusOf(next)).toBe('saving')
  })

  test('says Offline without changes pending, and Live for a read-only connection', () => {
    expect(statusOf(run([...connected, { type: 'closed' }]))).toBe('offline')
    expect(statusOf(run([{ type: 'access', writable: false }, { type: 'connecting' }, { type: 'open' }, { type: 'synced' }]))).toBe('live')
  })

  test('a refusal (signed out, no access) is shown as such and survives the socket closing', () => {
    const s = run([...connected, { type: 'denied', reason: 'signed-out' }, { type: 'closed' }])
    expect(statusOf(s)).toBe('signed-out')
    // Starting again (after signing in anew) is an ordinary reconnection.
    expect(statusOf(run([{ type: 'connecting' }], s))).toBe('offline')
  })
})

/**
 * A model of the wire, independent of the reducer: each local change is either sent at once on the open
 * socket (frame n) or held until the next sync step 2; it is confirmed once that socket acknowledges n.
 * Whatever happens, "All changes saved" may only show when every change is confirmed.
 */
describe('All changes saved', () => {
  type Step = 'connect' | 'step2' | 'edit' | 'ack' | 'close' | 'sync'
  test('is only ever shown when the server has confirmed every local change', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Step>('connect', 'step2', 'edit', 'ack', 'close', 'sync'), { maxLength: 60 }), fc.array(fc.nat(5), { maxLength: 60 }), (steps, acks) => {
        let s = initialSyncState()
        let open = false
        let sent = 0
        let acked = 0
        /** For each change: the frame that carries it on the current socket, or null while held. */
        let changes: { frame: number | null; confirmed: boolean }[] = []
        steps.forEach((step, i) => {
          if (step === 'connect' && !open) {
            s = run([{ type: 'connecting' }, { type: 'open' }], s)
            open = true
            sent = acked = 0
          } else if (step === 'step2' && open) {
            s = reduceSync(s, { type: 'sent', frame: 'step2' })
            sent++
            for (const c of changes) if (!c.confirmed && c.frame === null) c.frame = sent
          } else if (step === 'sync' && open) {
            s = reduceSync(s, { type: 'synced' })
          } else if (step === 'edit') {
            if (open) {
              s = reduceSync(s, { type: 'sent', frame: 'update' })
              sent++
            }
            s = reduceSync(s, { type: 'local-change', delivered: open })
            changes.push({ frame: open ? sent : null, confirmed: false })
          } else if (step === 'ack' && open) {
            acked = Math.min(sent, acked + (acks[i] ?? 1))
            s = reduceSync(s, { type: 'acked', count: acked })
            for (const c of changes) if (c.frame !== null && c.frame <= acked) c.confirmed = true
          } else if (step === 'close' && open) {
            s = reduceSync(s, { type: 'closed' })
            open = false
            changes = changes.map((c) => (c.confirmed ? c : { frame: null, confirmed: false }))
          }
          if (statusOf(s) === 'saved') expect(changes.every((c) => c.confirmed)).toBe(true)
        })
      }),
      { numRuns: 500 },
    )
  })
})
