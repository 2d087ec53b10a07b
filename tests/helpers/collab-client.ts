/** A stock y-websocket client against a test hub, carrying a session cookie and the hub's Origin. */
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { TestHub } from './hub.ts'

export interface HubClient {
  doc: Y.Doc
  provider: WebsocketProvider
  synced(): Promise<void>
  /** Resolves with the close code of the next time the server closes the socket. */
  nextClose(): Promise<number>
  destroy(): void
}

export function collabClient(hub: TestHub, documentId: string, cookie: string): HubClient {
  const headers = { cookie, origin: hub.url }
  const closes: number[] = []
  class AuthedWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers })
      this.on('close', (code) => closes.push(code))
    }
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(hub.url.replace(/^http/, 'ws') + '/collab', documentId, doc, {
    WebSocketPolyfill: AuthedWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  })
  return {
    doc,
    provider,
    synced: () => (provider.synced ? Promise.resolve() : new Promise<void>((resolve) => provider.once('sync', (s: boolean) => s && resolve()))),
    nextClose: () => {
      const seen = closes.length
      return new Promise((resolve) => {
        const timer = setInterval(() => {
          if (closes.length > seen) {
            clearInterval(timer)
            resolve(closes[seen])
          }
        }, 5)
      })
    },
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Appends a paragraph the way the editor does (Tiptap's `default` XmlFragment). */
export function typeParagraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  const fragment = doc.getXmlFragment('default')
  fragment.insert(fragment.length, [p])
}
