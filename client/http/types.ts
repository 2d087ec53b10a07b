/** Response shapes the pages pass around, inferred from the routes (never written by hand). */
import type { InferResponseType } from 'hono/client'
import type { api } from './client.ts'

export type Me = InferResponseType<typeof api.me.$get, 200>
export type User = Me['user']
export type HomeData = InferResponseType<typeof api.me.home.$get, 200>
export type HomeDocument = HomeData['drafts'][number]
export type BodySummary = InferResponseType<typeof api.bodies.$get, 200>['bodies'][number]
export type BodyDetail = InferResponseType<(typeof api.bodies)[':slug']['$get'], 200>
export type Member = BodyDetail['members'][number]
export type DocumentSummary = InferResponseType<(typeof api.bodies)[':slug']['documents']['$get'], 200>['documents'][number]
export type DocumentDetail = InferResponseType<(typeof api.documents)[':id']['$get'], 200>
export type Invitation = InferResponseType<(typeof api.bodies)[':slug']['invitations']['$get'], 200>['invitations'][number]
export type JoinRequest = InferResponseType<(typeof api.bodies)[':slug']['join-requests']['$get'], 200>['requests'][number]
export type Institution = InferResponseType<typeof api.institutions.$get, 200>['institutions'][number]
export type AuditEvent = InferResponseType<typeof api.audit.$get, 200>['events'][number]
export type Session = InferResponseType<typeof api.me.sessions.$get, 200>['sessions'][number]
