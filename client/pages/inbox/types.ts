/** Response shapes of the inbox, inferred from the API (never written by hand). */
import type { InferResponseType } from 'hono/client'
import type { api } from '../../http/client.ts'

export type Notifications = InferResponseType<typeof api.me.notifications.$get, 200>
