/**
 * Who may move a document where. A move the actor's roles could never make is 403 (wrong role); a move they
 * could make from another state is 409 (wrong state); a move without its required reason is 400.
 */
import { HubError, badRequest, conflict, forbidden } from './errors.ts'
import { TRANSITIONS, findTransition, type DocumentState, type Transition, type TransitionActor } from './lifecycle.ts'
import { chairs, type Actor, type DocumentSubject } from './permissions.ts'

export function transitionRoles(actor: Actor, document: DocumentSubject): Set<TransitionActor> {
  const roles = new Set<TransitionActor>()
  if (chairs(actor, document.body)) roles.add('chair')
  if (actor.isSecretariat) roles.add('secretariat')
  return roles
}

export function checkTransition(
  actor: Actor,
  document: DocumentSubject,
  to: DocumentState,
  reason: string | undefined,
  route: 'generic' | 'open_call' | 'close_call' = 'generic',
): Transition {
  const roles = transitionRoles(actor, document)
  const transition = findTransition(document.state, to)
  if (!transition) {
    const couldElsewhere = TRANSITIONS.some((t) => t.to === to && roles.has(t.by))
    if (!couldElsewhere) throw forbidden('Your role cannot move a document to this state.')
    throw conflict('invalid_transition', `A document in ${document.state} cannot move to ${to}.`)
  }
  if (!roles.has(transition.by)) {
    throw forbidden(transition.by === 'secretariat' ? 'Only the secretariat can make this move.' : "Only the body's chairs can make this move.")
  }
  if ((transition.via ?? 'generic') !== route) {
    const how = transition.via === 'open_call' ? 'open a consensus call' : 'close the consensus call with a finding'
    throw new HubError(409, 'use_' + (transition.via ?? 'transition'), `To make this move, ${how}.`)
  }
  if (transition.reasonRequired && !reason?.trim()) throw badRequest('reason_required', 'This move needs a reason.')
  return transition
}
