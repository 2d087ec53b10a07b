/**
 * The unread count the shell's bell shows, shared with the inbox page so marking read updates the bell at
 * once. Polled every minute and when the window regains focus.
 */
import { createSignal } from 'solid-js'
import { api, call } from '../../http/client.ts'

const [unread, setUnread] = createSignal(0)
export { setUnread, unread }

export async function refreshUnread(): Promise<void> {
  try {
    const res = await call(api.me.notifications.$get({ query: { limit: '1' } }))
    setUnread(res.unread)
  } catch {
    // The bell keeps its last count; the page shows errors where they matter.
  }
}
