/** Response shapes of the workflow and review routes, inferred from the API (never written by hand). */
import type { InferResponseType } from 'hono/client'
import type { api } from '../../http/client.ts'

type Docs = (typeof api.documents)[':id']
export type Version = InferResponseType<Docs['versions']['$get'], 200>['versions'][number]
export type VersionView = InferResponseType<Docs['versions'][':number']['$get'], 200>
export type CompareRow = InferResponseType<Docs['compare']['$get'], 200>['rows'][number]
export type CallSummary = InferResponseType<Docs['consensus-calls']['$get'], 200>['calls'][number]
export type CallDetail = InferResponseType<(typeof api)['consensus-calls'][':id']['$get'], 200>
export type Endorsements = InferResponseType<Docs['endorsements']['$get'], 200>
export type Thread = InferResponseType<Docs['comments']['$get'], 200>['threads'][number]
export type Authorship = InferResponseType<Docs['authorship']['$get'], 200>
export type Notification = InferResponseType<typeof api.me.notifications.$get, 200>['notifications'][number]
