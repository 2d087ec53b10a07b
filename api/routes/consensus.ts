/**
 * Consensus calls: the chair opens one on the frozen text with a closing date; each participating
 * institution states one position (a later cast replaces the earlier, the history stays); the chair closes
 * it with a finding the positions support, and the record becomes immutable (database triggers).
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { recordAudit } from '../../db/queries/audit.ts'
import { findCall, findOpenCall, insertCall, listCalls, listDispositions, listParticipants, listPositions, insertPosition } from '../../db/queries/consensus.ts'
import { findDocument, setDocumentState } from '../../db/queries/documents.ts'
import { openSuggestions } from '../../db/queries/comments.ts'
import { notify } from '../../db/queries/notifications.ts'
import { findUser } from '../../db/queries/users.ts'
import { findVersionById } from '../../db/queries/versions.ts'
import { newId } from '../../db/ids.ts'
import { DISPOSITIONS, FINDINGS, STANCES, assertCallOpen, assertFindingValid, assertValidPosition, currentPositions, participantKey, stateAfterFinding, tally } from '../../domain/consensus.ts'
import { badRequest, conflict, notFound } from '../../domain/errors.ts'
import { PARTICIPATING_ROLES } from '../../domain/roles.ts'
import { trackedSuggestions, type SuggestionJSON } from '../../domain/suggestion-marks.ts'
import { chairs } from '../../domain/permissions.ts'
import { checkTransition } from '../../domain/transitions.ts'
import { FROZEN_LABEL } from '../../domain/version-labels.ts'
import type { AppEnv } from '../env.ts'
import { loadReadableDocument } from '../load-document.ts'
import { denied } from '../audit-refusals.ts'
import { errors, jsonBody, ok } from '../openapi.ts'
import { DispositionSchema, presentDisposition } from '../presenters/dispositions.ts'
import { iso, isoOrNull } from '../presenters/time.ts'
import { newRouter } from '../router.ts'
import { idParam, text } from '../schemas.ts'
import { saveVersion } from '../workflow/versions.ts'

const MAX_CALL_MS = 366 * 24 * 60 * 60 * 1000

const CallSummarySchema = z
  .object({ id: z.string(), status: z.enum(['open', 'closed']), openedAt: z.string(), closesAt: z.string(), closedAt: z.string().nullable(), finding: z.enum(FINDINGS).nullable(), versionNumber: z.number() })
  .openapi('ConsensusCallSummary')

const PositionSchema = z.object({
  id: z.number(),
  participantKey: z.string(),
  stance: z.enum(STANCES),
  reason: z.string(),
  at: z.string(),
  castBy: z.object({ id: z.string(), displayName: z.string() }),
})

const CallDetailSchema = z
  .object({
    call: CallSummarySchema.extend({ documentId: z.string(), findingNote: z.string(), versionSha256: z.string() }),
    participants: z.array(z.object({ key: z.string(), name: z.string(), nameZh: z.string(), country: z.string().nullable(), people: z.array(z.string()), position: PositionSchema.nullable() })),
    tally: z.object({ support: z.number(), no_objection: z.number(), abstain: z.number(), concern: z.number(), formal_objection: z.number(), recuse: z.number(), responded: z.number(), participants: z.number() }),
    history: z.array(PositionSchema),
    dispositions: z.array(DispositionSchema),
    viewer: z.object({ participantKey: z.string().nullable(), canCast: z.boolean(), canClose: z.boolean() }),
  })
  .openapi('ConsensusCall')

const docParams = z.object({ id: idParam })

const open = createRoute({
  method: 'post',
  path: '/documents/{id}/consensus-calls',
  tags: ['Consensus'],
  summary: 'Open a consensus call: freezes the text, saves the version it runs on (chairs, from consultation)',
  request: { params: docParams, body: jsonBody(z.strictObject({ closesAt: z.iso.datetime({ offset: true }), label: text(200).optional() })) },
  responses: { 201: ok(CallSummarySchema, 'Created'), ...errors },
})
const list = createRoute({ method: 'get', path: '/documents/{id}/consensus-calls', tags: ['Consensus'], summary: 'Consensus calls on a document, newest first', request: { params: docParams }, responses: { 200: ok(z.object({ calls: z.array(CallSummarySchema) })), ...errors } })
const show = createRoute({ method: 'get', path: '/consensus-calls/{id}', tags: ['Consensus'], summary: 'A call with its tally, who has not responded, every reason and the history', request: { params: docParams }, responses: { 200: ok(CallDetailSchema), ...errors } })
const cast = createRoute({
  method: 'post',
  path: '/consensus-calls/{id}/positions',
  tags: ['Consensus'],
  summary: "State your institution's position (replaces its earlier one; reasons required for concern and formal objection)",
  request: { params: docParams, body: jsonBody(z.strictObject({ stance: z.enum(STANCES), reason: text(5000).default('') })) },
  responses: { 201: ok(PositionSchema, 'Created'), ...errors },
})
const close = createRoute({
  method: 'post',
  path: '/consensus-calls/{id}/close',
  tags: ['Consensus'],
  summary: 'Close the call with a finding (chairs); formal objections need dispositions for consensus with dissent',
  request: {
    params: docParams,
    body: jsonBody(
      z.strictObject({
        finding: z.enum(FINDINGS),
        note: text(5000).default(''),
        dispositions: z.array(z.strictObject({ positionId: z.number().int().positive(), disposition: z.enum(DISPOSITIONS), rationale: text(5000).default('') })).max(1000).default([]),
      }),
    ),
  },
  responses: { 200: ok(CallSummarySchema), ...errors },
})

async function summarize(c: Context<AppEnv>, call: NonNullable<Awaited<ReturnType<typeof findCall>>>) {
  const version = await findVersionById(c.var.deps.db, call.version_id)
  return {
    id: call.id,
    status: call.status,
    openedAt: iso(call.opened_at),
    closesAt: iso(call.closes_at),
    closedAt: isoOrNull(call.closed_at),
    finding: call.finding,
    versionNumber: version?.number ?? 0,
  }
}

async function loadCall(c: Context<AppEnv>, id: string) {
  const call = await findCall(c.var.deps.db, id)
  if (!call) throw notFound('Consensus call')
  const doc = await loadReadableDocument(c, call.document_id)
  return { call, ...doc }
}

type PositionRow = Awaited<ReturnType<typeof listPositions>>[number]
const presentPosition = (p: PositionRow) => ({
  id: p.id,
  participantKey: p.participant_key,
  stance: p.stance,
  reason: p.reason,
  at: iso(p.at),
  castBy: { id: p.cast_by, displayName: p.cast_by_name },
})

export const consensusRoutes = newRouter()
  .openapi(open, async (c) => {
    const { db, now, notifier } = c.var.deps
    const { id } = c.req.valid('param')
    const b = c.req.valid('json')
    const { actor, subject } = await loadReadableDocument(c, id)
    checkTransition(actor, subject, 'consensus_call', undefined, 'open_call')
    const closesAt = Date.parse(b.closesAt)
    if (closesAt <= now()) throw badRequest('invalid_request', 'closesAt: must be in the future.')
    if (closesAt - now() > MAX_CALL_MS) throw badRequest('invalid_request', 'closesAt: must be within a year.')
    const call = await db.transaction().execute(async (trx) => {
      const current = (await findDocument(trx, id))!
      checkTransition(actor, { ...subject, state: current.state }, 'consensus_call', undefined, 'open_call')
      // Open suggestions are proposal threads and tracked changes (suggestion marks) in the text being
      // frozen; the version is checked itself, so a change arriving meanwhile cannot slip past. Throwing
      // here rolls the version back with the rest of the transaction.
      const threads = (await openSuggestions(trx, id)).length
      const version = await saveVersion(trx, { documentId: id, label: b.label || FROZEN_LABEL, origin: 'freeze', userId: actor.userId, at: now() })
      const pending = threads + trackedSuggestions(JSON.parse(version.prosemirror_json) as SuggestionJSON).length
      if (pending) throw conflict('open_suggestions', `Decide the ${pending} open suggestion(s) before opening a consensus call.`)
      const row = { id: newId(), document_id: id, version_id: version.id, opened_by: actor.userId, opened_at: now(), closes_at: closesAt, status: 'open' as const, finding: null, finding_note: '', closed_by: null, closed_at: null }
      await insertCall(trx, row)
      await setDocumentState(trx, id, { state: 'consensus_call', reason: null, at: now() })
      const participants = await listParticipants(trx, current.body_id)
      await notify(
        trx,
        participants.filter((p) => p.user_id !== actor.userId).map((p) => ({ user_id: p.user_id, kind: 'call_opened' as const, actor_id: actor.userId, document_id: id, comment_id: null, call_id: row.id, excerpt: `${current.title_en} · closes ${b.closesAt.slice(0, 10)}`, at: now() })),
      )
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'document.transition', subjectType: 'document', subjectId: id, data: { from: current.state, to: 'consensus_call', callId: row.id, version: version.number, closesAt: b.closesAt } })
      return row
    })
    notifier.documentChanged(id)
    return c.json(await summarize(c, call), 201)
  })
  .openapi(list, async (c) => {
    const { id } = c.req.valid('param')
    await loadReadableDocument(c, id)
    const calls = await listCalls(c.var.deps.db, id)
    return c.json({ calls: await Promise.all(calls.map((call) => summarize(c, call))) }, 200)
  })
  .openapi(show, async (c) => {
    const { db, now } = c.var.deps
    const { call, actor, subject, document } = await loadCall(c, c.req.valid('param').id)
    const [people, positions, dispositions, version, me] = await Promise.all([
      listParticipants(db, document.body_id),
      listPositions(db, call.id),
      listDispositions(db, call.id),
      findVersionById(db, call.version_id),
      findUser(db, actor.userId),
    ])
    const groups = new Map<string, { key: string; name: string; nameZh: string; country: string | null; people: string[] }>()
    for (const p of people) {
      const key = participantKey({ userId: p.user_id, institutionId: p.institution_id })
      const group = groups.get(key) ?? { key, name: p.institution_name_en ?? p.display_name, nameZh: p.institution_name_zh ?? p.display_name, country: p.country, people: [] }
      group.people.push(p.display_name)
      groups.set(key, group)
    }
    const current = currentPositions(positions.map((p) => ({ ...p, key: p.participant_key })))
    const t = tally([...groups.keys()], positions.map((p) => ({ id: p.id, key: p.participant_key, stance: p.stance })))
    const role = actor.roles.get(subject.body.id)
    const myKey = role && PARTICIPATING_ROLES.includes(role) && me ? participantKey({ userId: me.id, institutionId: me.institution_id }) : null
    const { notResponded: _, ...counts } = t
    return c.json(
      {
        call: { ...(await summarize(c, call)), documentId: call.document_id, findingNote: call.finding_note, versionSha256: version?.sha256 ?? '' },
        participants: [...groups.values()].map((g) => {
          const p = current.get(g.key)
          return { ...g, position: p ? presentPosition(p) : null }
        }),
        tally: counts,
        history: positions.map(presentPosition),
        dispositions: dispositions.map(presentDisposition),
        viewer: {
          participantKey: myKey,
          canCast: !!myKey && call.status === 'open' && now() < call.closes_at,
          canClose: call.status === 'open' && chairs(actor, subject.body),
        },
      },
      200,
    )
  })
  .openapi(cast, async (c) => {
    const { db, now } = c.var.deps
    const { call, actor, subject } = await loadCall(c, c.req.valid('param').id)
    const { stance, reason } = c.req.valid('json')
    const role = actor.roles.get(subject.body.id)
    if (!role || !PARTICIPATING_ROLES.includes(role)) {
      throw denied('consensus.cast', call.id, 'Only chairs and members of the body state positions for their institution.')
    }
    assertValidPosition(stance, reason)
    const me = (await findUser(db, actor.userId))!
    const position = await db.transaction().execute(async (trx) => {
      const fresh = (await findCall(trx, call.id))!
      assertCallOpen({ status: fresh.status, closesAt: fresh.closes_at }, now())
      const key = participantKey({ userId: me.id, institutionId: me.institution_id })
      const positionId = await insertPosition(trx, { callId: call.id, key, institutionId: me.institution_id, castBy: me.id, stance, reason, at: now() })
      await recordAudit(trx, now(), { actorId: me.id, action: 'consensus.position', subjectType: 'document', subjectId: call.document_id, data: { callId: call.id, participantKey: key, stance } })
      return (await listPositions(trx, call.id)).find((p) => p.id === positionId)!
    })
    return c.json(presentPosition(position), 201)
  })
  .openapi(close, async (c) => {
    const { db, now, notifier } = c.var.deps
    const { call, actor, subject } = await loadCall(c, c.req.valid('param').id)
    const b = c.req.valid('json')
    if (call.status !== 'open') throw conflict('call_closed', 'This consensus call is already closed.')
    checkTransition(actor, subject, 'agreed', undefined, 'close_call')
    const closed = await db.transaction().execute(async (trx) => {
      const fresh = (await findCall(trx, call.id))!
      if (fresh.status !== 'open') throw conflict('call_closed', 'This consensus call is already closed.')
      const doc = (await findDocument(trx, call.document_id))!
      const participants = (await listParticipants(trx, doc.body_id)).map((p) => participantKey({ userId: p.user_id, institutionId: p.institution_id }))
      const positions = (await listPositions(trx, call.id)).map((p) => ({ id: p.id, key: p.participant_key, stance: p.stance }))
      const dispositions = b.dispositions.map((d) => ({ positionId: d.positionId, disposition: d.disposition, rationale: d.rationale }))
      assertFindingValid(b.finding, [...new Set(participants)], positions, b.finding === 'consensus_with_dissent' ? dispositions : [])
      if (b.finding === 'consensus_with_dissent') {
        for (const d of dispositions) {
          await trx.insertInto('dispositions').values({ position_id: d.positionId, call_id: call.id, disposition: d.disposition, rationale: d.rationale, recorded_by: actor.userId, at: now() }).execute()
        }
      }
      await trx.updateTable('consensus_calls').set({ status: 'closed', finding: b.finding, finding_note: b.note, closed_by: actor.userId, closed_at: now() }).where('id', '=', call.id).execute()
      const next = stateAfterFinding(b.finding)
      await setDocumentState(trx, doc.id, { state: next, reason: b.finding === 'no_consensus' ? b.note || 'No consensus' : null, at: now() })
      await recordAudit(trx, now(), { actorId: actor.userId, action: 'document.transition', subjectType: 'document', subjectId: doc.id, data: { from: 'consensus_call', to: next, callId: call.id, finding: b.finding, note: b.note } })
      return (await findCall(trx, call.id))!
    })
    notifier.documentChanged(call.document_id)
    return c.json(await summarize(c, closed), 200)
  })
