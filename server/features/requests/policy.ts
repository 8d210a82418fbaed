import type { RequestOrigin, RequestState } from '../../../shared/requests.ts';
import type { Request } from '../../db/schema.ts';
import { type Actor, hasRole } from '../auth/actor.ts';

/** A request as the policy sees it: the row plus the labs it reached. */
export type RequestFacts = Pick<Request, 'requester_id' | 'origin' | 'delegation_id' | 'state'> & {
  /** labs of request_targets (empty until it reaches the labs) */
  labIds: readonly string[];
};

/** What the labs may see: a request that reached them, open or closed — never one to route or declined. */
const labVisibleStates: readonly RequestState[] = ['open', 'closed'];

const isCell = (actor: Actor) => hasRole(actor, 'cell');
const isCellOrAdmin = (actor: Actor) => hasRole(actor, 'cell', 'admin');

/**
 * The requester's side: the requester, and their team — the Dircom contacts for a Dircom request,
 * the officers of the delegation for a DR officer's one (the cell's requests are the cell's anyway).
 */
export function isRequesterSide(actor: Actor | null, request: RequestFacts): actor is Actor {
  if (!actor) return false;
  if (request.requester_id === actor.id) return true;
  if (request.origin === 'dircom') return hasRole(actor, 'dircom');
  if (request.origin === 'dr_officer')
    return request.delegation_id !== null && actor.delegationIds.has(request.delegation_id);
  return false;
}

/** Labs of the request this person belongs to (staff, contributor or correspondent), once it reached them. */
export const ownTargetLabs = (actor: Actor | null, request: RequestFacts): string[] =>
  actor && labVisibleStates.includes(request.state)
    ? request.labIds.filter((id) => actor.labIds.has(id))
    : [];

/** Labs of the request this person answers for (correspondent). */
export const answeringLabs = (actor: Actor | null, request: RequestFacts): string[] =>
  actor && labVisibleStates.includes(request.state)
    ? request.labIds.filter((id) => actor.correspondentLabIds.has(id))
    : [];

/** Who sees every lab's answers and the whole board: the requester's side, the cell, admins. */
export const seesEverything = (actor: Actor | null, request: RequestFacts): actor is Actor =>
  actor !== null && (isCellOrAdmin(actor) || isRequesterSide(actor, request));

/** Which origins this person may send a request as (cell, admin, DR officer, Dircom contact). */
export function originsOf(actor: Actor | null): RequestOrigin[] {
  if (!actor) return [];
  const origins: RequestOrigin[] = [];
  if (hasRole(actor, 'cell')) origins.push('cell');
  if (hasRole(actor, 'admin')) origins.push('admin');
  if (actor.delegationIds.size > 0) origins.push('dr_officer');
  if (hasRole(actor, 'dircom')) origins.push('dircom');
  return origins;
}

/**
 * Requests go down to the labs; a Dircom contact's always through the cell. Keep `read` in step
 * with `visibleRequests` in queries.ts (the same rule as a WHERE clause).
 */
export const requestPolicy = {
  read: (actor: Actor | null, request: RequestFacts): actor is Actor =>
    seesEverything(actor, request) || ownTargetLabs(actor, request).length > 0,
  create: (actor: Actor | null) => originsOf(actor).length > 0,
  /** The Dircom contact's request: the cell forwards it, answers it itself, or declines it. */
  route: (actor: Actor | null, request: RequestFacts) =>
    actor !== null && request.state === 'to_route' && isCellOrAdmin(actor),
  /** Correspondents of a targeted lab answer while it is open (late answers are marked late). */
  answer: (actor: Actor | null, request: RequestFacts) =>
    request.state === 'open' && answeringLabs(actor, request).length > 0,
  markSeen: (actor: Actor | null, request: RequestFacts) =>
    request.state === 'open' && answeringLabs(actor, request).length > 0,
  /** The requester's side or the cell marks an answer used. */
  markUsed: (actor: Actor | null, request: RequestFacts) =>
    seesEverything(actor, request) &&
    (request.state === 'open' || request.state === 'closed') &&
    (isRequesterSide(actor, request) || isCell(actor)),
  /** The requester's side closes (or withdraws, before routing) it; so does the cell. */
  close: (actor: Actor | null, request: RequestFacts) =>
    actor !== null &&
    (request.state === 'open' || request.state === 'to_route') &&
    (isRequesterSide(actor, request) || isCellOrAdmin(actor)),
  /** An uncertain reminder is resent (or marked sent) by a person: the requester's side or the cell. */
  handleReminder: (actor: Actor | null, request: RequestFacts) =>
    actor !== null && request.state === 'open' && (isRequesterSide(actor, request) || isCellOrAdmin(actor)),
  readHistory: (actor: Actor | null, request: RequestFacts) => seesEverything(actor, request),
};

export function requestAbilities(actor: Actor | null, request: RequestFacts) {
  const canRoute = requestPolicy.route(actor, request);
  return {
    forward: canRoute,
    answerByCell: canRoute,
    decline: canRoute,
    answer: requestPolicy.answer(actor, request),
    markSeen: requestPolicy.markSeen(actor, request),
    markUsed: requestPolicy.markUsed(actor, request),
    close: requestPolicy.close(actor, request),
    handleReminders: requestPolicy.handleReminder(actor, request),
    readHistory: requestPolicy.readHistory(actor, request),
  };
}

/** An answer as the policy sees it. */
export type AnswerFacts = { lab_id: string; author_id: string };

export const answerPolicy = {
  /** Other labs' answers are not for a lab. */
  read: (actor: Actor | null, request: RequestFacts, answer: AnswerFacts) =>
    seesEverything(actor, request) || ownTargetLabs(actor, request).includes(answer.lab_id),
  /** Files are added to an answer by its lab's correspondents while the request is open. */
  addFile: (actor: Actor | null, request: RequestFacts, answer: AnswerFacts) =>
    requestPolicy.answer(actor, request) && answeringLabs(actor, request).includes(answer.lab_id),
};

/** Solicitations recorded by a lab: the lab's correspondents, the cell (all), admins. */
export type SolicitationFacts = { lab_id: string; recorded_by: string; state: string };

export const solicitationPolicy = {
  create: (actor: Actor | null, labId: string) => actor?.correspondentLabIds.has(labId) ?? false,
  read: (actor: Actor | null, solicitation: SolicitationFacts): actor is Actor =>
    actor !== null &&
    (isCellOrAdmin(actor) ||
      solicitation.recorded_by === actor.id ||
      actor.correspondentLabIds.has(solicitation.lab_id)),
  /** The cell turns it into a routed request, or dismisses it. */
  handle: (actor: Actor | null, solicitation: SolicitationFacts) =>
    actor !== null && solicitation.state === 'new' && isCellOrAdmin(actor),
};

export function solicitationAbilities(actor: Actor | null, solicitation: SolicitationFacts) {
  const canHandle = solicitationPolicy.handle(actor, solicitation);
  return { route: canHandle, dismiss: canHandle };
}
