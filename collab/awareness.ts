/**
 * Trusted awareness (who is here, where their cursor is) for one room.
 *
 * y-protocols' awareness lets any peer set any client id's state. Here the server keeps the states itself
 * and applies three rules before anything is stored or forwarded:
 * - a client id belongs to the first connection that sets it; entries for an id owned by another
 *   connection are dropped, and a connection owns at most `maxClientIdsPerConnection` ids;
 * - the `user` field of every state is overwritten with the signed-in identity (name, institution, colour);
 * - the usual clock rule: a newer clock wins; an equal clock may only remove the state.
 * When a connection closes, the states of its ids are removed (broadcast as `null`). Changes are collected
 * and sent as one awareness message per room per tick, to every connection including the sender (the
 * y-websocket client treats 30 s without any message as a dead connection, and relies on that echo).
 */
import type { Connection } from './connection.ts'
import { awarenessUser } from './identity.ts'
import type { Limits } from './limits.ts'
import { encodeAwareness, type AwarenessEntry } from './protocol.ts'

interface State {
  clock: number
  /** The rewritten state as JSON text, or null once removed. */
  json: string | null
  owner: Connection
}

export type AwarenessVerdict = 'ok' | 'too-large'

export class RoomAwareness {
  private readonly states = new Map<number, State>()
  private readonly changed = new Set<number>()

  constructor(private readonly limits: Limits) {}

  get dirty(): boolean {
    return this.changed.size > 0
  }

  apply(conn: Connection, entries: readonly AwarenessEntry[]): AwarenessVerdict {
    for (const entry of entries) {
      const current = this.states.get(entry.clientId)
      if (current && current.owner !== conn) continue // someone else's client id: refused
      if (!current && !this.claim(conn, entry)) continue
      const currentClock = current?.clock ?? 0
      const newer = currentClock < entry.clock
      const removal = entry.state === null && currentClock === entry.clock && current?.json != null
      if (!newer && !removal && current) continue
      let json: string | null = null
      if (entry.state !== null) {
        json = JSON.stringify({ ...entry.state, user: awarenessUser(conn.identity) })
        if (json.length > this.limits.maxAwarenessStateBytes) return 'too-large'
      }
      this.states.set(entry.clientId, { clock: entry.clock, json, owner: conn })
      this.changed.add(entry.clientId)
    }
    return 'ok'
  }

  private claim(conn: Connection, entry: AwarenessEntry): boolean {
    if (entry.state === null) return false
    if (conn.ownedClientIds.length >= this.limits.maxClientIdsPerConnection) return false
    conn.ownedClientIds.push(entry.clientId)
    return true
  }

  /** Removes the states of a connection that left. */
  release(conn: Connection): void {
    for (const id of conn.ownedClientIds) {
      const state = this.states.get(id)
      if (state?.owner !== conn) continue
      if (state.json !== null) {
        state.json = null
        this.changed.add(id)
      } else {
        this.states.delete(id)
      }
    }
    conn.ownedClientIds.length = 0
  }

  /** The awareness message for everything that changed since the last call, or null. */
  takeChanges(): Buffer | null {
    if (this.changed.size === 0) return null
    const out: { clientId: number; clock: number; json: string }[] = []
    for (const id of this.changed) {
      const state = this.states.get(id)
      if (!state) continue
      out.push({ clientId: id, clock: state.clock, json: state.json ?? 'null' })
      if (state.json === null && state.owner.closed) this.states.delete(id)
    }
    this.changed.clear()
    return out.length ? encodeAwareness(out) : null
  }

  /** Every present state, for a newly joined connection or a query-awareness message. */
  encodeAll(): Buffer | null {
    const out: { clientId: number; clock: number; json: string }[] = []
    for (const [id, state] of this.states) {
      if (state.json !== null) out.push({ clientId: id, clock: state.clock, json: state.json })
    }
    return out.length ? encodeAwareness(out) : null
  }

  get size(): number {
    return this.states.size
  }
}
