import {
  type RequestKind,
  type RequestOrigin,
  type RequestState,
  type RequestTransition,
  requestTransitions,
} from '../../../shared/requests.ts';
import type { AppContext } from '../../context.ts';
import type { Db, Dialect } from '../../db/connection.ts';
import type { Request } from '../../db/schema.ts';
import { zonedToUtc } from '../../lib/dates.ts';
import { conflict, HttpError, invalid } from '../../lib/errors.ts';
import { htmlToPlainText, sanitizeRichText } from '../../lib/html.ts';
import { foldText } from '../../lib/text.ts';
import { newId } from '../../lib/tokens.ts';
import type { Actor } from '../auth/actor.ts';
import { recordEvent } from '../history/record.ts';
import { notifyAboutRequest, type RequestNoticeKind } from './notify.ts';
import { peopleWithRole } from './queries.ts';
import { insertTargets, labAudience, resolveTargets, type TargetInput } from './targets.ts';

export type DeadlineInput = { date: string; time: string; timeZone: string };

export type RequestInput = TargetInput & {
  kind: RequestKind;
  title: string;
  bodyHtml?: string | undefined;
  deadline: DeadlineInput;
  reminderDays?: number[] | undefined;
  origin: RequestOrigin;
};

export const nameOf = (actor: Actor) => `${actor.person.first_name} ${actor.person.last_name}`;

export function deadlineOf(ctx: AppContext, deadline: DeadlineInput): string {
  const at = zonedToUtc(deadline.date, deadline.time, deadline.timeZone);
  if (Date.parse(at) <= ctx.now().getTime()) throw invalid({ 'deadline.date': 'must be in the future' });
  return at;
}

async function nextRequestSeq(db: Db, dialect: Dialect): Promise<number | undefined> {
  if (dialect === 'postgres') return undefined;
  const row = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.max('seq').as('max'))
    .executeTakeFirstOrThrow();
  return Number(row.max ?? 0) + 1;
}

export const requestSearchText = (parts: string[]) => foldText(parts.filter(Boolean).join(' \n'));

const noticeData = (request: Pick<Request, 'id' | 'title' | 'deadline_at' | 'deadline_time_zone'>) => ({
  requestId: request.id,
  title: request.title,
  deadline: request.deadline_at,
  timeZone: request.deadline_time_zone,
});

/**
 * A new request. A Dircom contact's waits for the cell ("to route", the targets kept as proposed);
 * the cell's, an admin's and a DR officer's go straight to the labs. One transaction: the row, its
 * targets, the history line and the notifications.
 */
export async function createRequest(
  ctx: AppContext,
  actor: Actor,
  input: RequestInput,
  extra: { solicitationId?: string; within?: (trx: Db, requestId: string, at: string) => Promise<void> } = {},
): Promise<string> {
  const isToRoute = input.origin === 'dircom';
  const delegationId =
    input.origin === 'dr_officer'
      ? input.targetMode === 'delegation' && input.delegationId && actor.delegationIds.has(input.delegationId)
        ? input.delegationId
        : [...actor.delegationIds][0]!
      : null;
  const targets = await resolveTargets(
    ctx.db,
    input,
    input.origin === 'dr_officer' ? actor.delegationIds : null,
  );
  const deadlineAt = deadlineOf(ctx, input.deadline);
  const id = newId();
  const at = ctx.now().toISOString();
  const bodyHtml = sanitizeRichText(input.bodyHtml ?? '');
  const bodyText = htmlToPlainText(bodyHtml);
  const state: RequestState = isToRoute ? 'to_route' : 'open';
  const row = {
    id,
    kind: input.kind,
    title: input.title.trim(),
    deadline_at: deadlineAt,
    deadline_time_zone: input.deadline.timeZone,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const seq = await nextRequestSeq(trx, ctx.dialect);
    await trx
      .insertInto('requests')
      .values({
        ...row,
        ...(seq === undefined ? {} : { seq }),
        body_html: bodyHtml,
        body_text: bodyText,
        requester_id: actor.id,
        origin: input.origin,
        delegation_id: delegationId,
        state,
        reminder_days: JSON.stringify(input.reminderDays ?? [3, 1]),
        target_mode: input.targetMode,
        target_delegation_id: input.targetMode === 'delegation' ? (input.delegationId ?? null) : null,
        target_lab_ids: JSON.stringify(input.targetMode === 'labs' ? [...new Set(input.labIds ?? [])] : []),
        target_person_ids: JSON.stringify(
          input.targetMode === 'people' ? [...new Set(input.personIds ?? [])] : [],
        ),
        cell_context: '',
        routed_by: null,
        routed_at: null,
        opened_at: isToRoute ? null : at,
        decided_by: null,
        decided_at: null,
        decision_reason: '',
        closed_by: null,
        closed_at: null,
        solicitation_id: extra.solicitationId ?? null,
        search_text: requestSearchText([row.title, bodyText]),
        created_at: at,
        updated_at: at,
      })
      .execute();
    if (!isToRoute) await insertTargets(trx, id, targets, at);
    await extra.within?.(trx, id, at);
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'request',
      subjectId: id,
      action: 'created',
      data: { title: row.title, origin: input.origin, state, labCount: isToRoute ? 0 : targets.length },
      at,
    });
    await notifyAboutRequest(trx, {
      recipientIds: isToRoute ? await peopleWithRole(trx, 'cell') : await labAudience(trx, targets),
      kind: isToRoute ? 'request_to_route' : 'request_arrived',
      actorId: actor.id,
      data: { ...noticeData(row), by: nameOf(actor) },
      at,
    });
  });
  return id;
}

/** The state change under a conditional update: two people acting at once cannot both win. */
async function moveState(
  trx: Db,
  request: Request,
  to: RequestState,
  set: Record<string, unknown>,
  at: string,
) {
  const result = await trx
    .updateTable('requests')
    .set({ ...set, state: to, updated_at: at })
    .where('id', '=', request.id)
    .where('state', '=', request.state)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw conflict('Someone changed this request at the same time: reload it');
}

export function assertTransition(request: Request, transition: RequestTransition) {
  const from = requestTransitions[transition].from as readonly RequestState[];
  if (!from.includes(request.state)) {
    throw new HttpError(409, 'invalid_state', `A request in state ${request.state} cannot do this`);
  }
}

/**
 * The cell forwards a request to route to the labs — the targets as proposed, or narrowed — with
 * context for them. The labs and the requester are told.
 */
export async function forwardRequest(
  ctx: AppContext,
  actor: Actor,
  request: Request,
  input: Partial<TargetInput> & { context?: string | undefined; deadline?: DeadlineInput | undefined },
): Promise<void> {
  assertTransition(request, 'forward');
  const spec: TargetInput = input.targetMode
    ? (input as TargetInput)
    : {
        targetMode: request.target_mode,
        delegationId: request.target_delegation_id ?? undefined,
        labIds: request.target_lab_ids,
        personIds: request.target_person_ids,
      };
  const targets = await resolveTargets(ctx.db, spec, null);
  const deadlineAt = input.deadline ? deadlineOf(ctx, input.deadline) : request.deadline_at;
  if (Date.parse(deadlineAt) <= ctx.now().getTime())
    throw invalid({ 'deadline.date': 'has passed: set a new deadline' });
  const context = input.context?.trim() ?? '';
  const at = ctx.now().toISOString();
  const updated = {
    ...request,
    deadline_at: deadlineAt,
    deadline_time_zone: input.deadline?.timeZone ?? request.deadline_time_zone,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await moveState(
      trx,
      request,
      'open',
      {
        target_mode: spec.targetMode,
        target_delegation_id: spec.targetMode === 'delegation' ? (spec.delegationId ?? null) : null,
        target_lab_ids: JSON.stringify(spec.targetMode === 'labs' ? [...new Set(spec.labIds ?? [])] : []),
        target_person_ids: JSON.stringify(
          spec.targetMode === 'people' ? [...new Set(spec.personIds ?? [])] : [],
        ),
        deadline_at: updated.deadline_at,
        deadline_time_zone: updated.deadline_time_zone,
        cell_context: context,
        routed_by: actor.id,
        routed_at: at,
        opened_at: at,
        search_text: requestSearchText([request.title, request.body_text, context]),
      },
      at,
    );
    await insertTargets(trx, request.id, targets, at);
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'request',
      subjectId: request.id,
      action: 'forward',
      data: { from: request.state, to: 'open', labCount: targets.length, ...(context ? { context } : {}) },
      at,
    });
    const data = { ...noticeData(updated), by: nameOf(actor) };
    await notifyAboutRequest(trx, {
      recipientIds: await labAudience(trx, targets),
      kind: 'request_arrived',
      actorId: actor.id,
      data,
      at,
    });
    await notifyAboutRequest(trx, {
      recipientIds: [request.requester_id],
      kind: 'request_forwarded',
      actorId: actor.id,
      data: { ...data, ...(context ? { message: context } : {}) },
      at,
    });
  });
}

/** The cell settles a request to route itself: answers it, or declines it — with a message the requester gets. */
export async function decideRequest(
  ctx: AppContext,
  actor: Actor,
  request: Request,
  transition: 'answer-by-cell' | 'decline',
  message: string,
): Promise<void> {
  assertTransition(request, transition);
  const to = requestTransitions[transition].to;
  const at = ctx.now().toISOString();
  const reason = message.trim();
  await ctx.db.transaction().execute(async (trx) => {
    await moveState(
      trx,
      request,
      to,
      {
        decided_by: actor.id,
        decided_at: at,
        decision_reason: reason,
        search_text: requestSearchText([request.title, request.body_text, reason]),
      },
      at,
    );
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'request',
      subjectId: request.id,
      action: transition,
      data: { from: request.state, to, message: reason },
      at,
    });
    const kind: RequestNoticeKind =
      transition === 'decline' ? 'request_declined' : 'request_answered_by_cell';
    await notifyAboutRequest(trx, {
      recipientIds: [request.requester_id],
      kind,
      actorId: actor.id,
      data: { ...noticeData(request), by: nameOf(actor), message: reason },
      at,
    });
  });
}

/** Closes a request (or withdraws it before routing): reminders still pending are cancelled. */
export async function closeRequest(
  ctx: AppContext,
  actor: Actor,
  request: Request,
  message: string,
): Promise<void> {
  assertTransition(request, 'close');
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await moveState(trx, request, 'closed', { closed_by: actor.id, closed_at: at }, at);
    await trx
      .updateTable('request_reminders')
      .set({ state: 'cancelled', updated_at: at })
      .where('request_id', '=', request.id)
      .where('state', '=', 'pending')
      .execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'request',
      subjectId: request.id,
      action: 'close',
      data: { from: request.state, to: 'closed', ...(message ? { message } : {}) },
      at,
    });
  });
}

/** A lab's correspondent opened the request: not seen → seen (once, with its history line). */
export async function markSeen(
  ctx: AppContext,
  actor: Actor,
  request: Request,
  labIds: string[],
): Promise<void> {
  if (labIds.length === 0) return;
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const seen = await trx
      .updateTable('request_targets')
      .set({ state: 'seen', seen_at: at })
      .where('request_id', '=', request.id)
      .where('lab_id', 'in', labIds)
      .where('state', '=', 'not_seen')
      .returning('lab_id')
      .execute();
    for (const row of seen) {
      await recordEvent(trx, {
        actorId: actor.id,
        subjectType: 'request',
        subjectId: request.id,
        action: 'seen',
        data: { labId: row.lab_id },
        at,
      });
    }
  });
}
