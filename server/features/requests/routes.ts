import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { limits } from '../../../shared/limits.ts';
import {
  answerKinds,
  requestBoxes,
  requestOrigins,
  requestStates,
  requestTargetModes,
} from '../../../shared/requests.ts';
import type { AppContext } from '../../context.ts';
import type { Request } from '../../db/schema.ts';
import { authorize } from '../../lib/authorize.ts';
import { notFound, unauthorized } from '../../lib/errors.ts';
import { errors, IdParams, Paging } from '../../lib/schemas.ts';
import type { Actor } from '../auth/actor.ts';
import { HistorySchema, listHistory } from '../history/queries.ts';
import { closeRequest, createRequest, decideRequest, forwardRequest, markSeen } from './actions.ts';
import { addAnswer, answeringLab, markAnswerUsed } from './answers.ts';
import { registerAnswerFileRoutes } from './file-routes.ts';
import { answeringLabs, requestPolicy } from './policy.ts';
import {
  type PresentContext,
  presentRequest,
  presentRequestDetail,
  RequestDetailSchema,
  RequestSchema,
} from './present.ts';
import {
  findAnswer,
  findReminder,
  findRequest,
  listRequests,
  loadAnswerFiles,
  loadAnswers,
  loadExperts,
  loadReminders,
  loadTargets,
  personNames,
  readableStoryTitles,
  requestFacts,
  summarizeTargets,
} from './queries.ts';
import { markReminderSent, resendReminder } from './reminders.ts';
import {
  assertDeadlineZone,
  Deadline,
  Id,
  literals,
  originFor,
  requestFields,
  targetFields,
} from './schemas.ts';
import { registerSolicitationRoutes } from './solicitation-routes.ts';

const Message = Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' });
const AnswerParams = Type.Object({ id: Id, answerId: Id }, { additionalProperties: false });
const ReminderParams = Type.Object({ id: Id, reminderId: Id }, { additionalProperties: false });

// These actions may be posted without a body.
const emptyBody = async (request: { body: unknown }) => {
  if (request.body === undefined) request.body = {} as never;
};

/** Requests to the labs: created, routed by the cell, answered per lab, reminded, closed, searched. */
export function registerRequestRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  /** The request if this person may see it — otherwise 404 (401 for nobody). */
  async function loadVisible(actor: Actor | null, id: string) {
    if (!actor) throw unauthorized();
    const request = await findRequest(ctx.db, id);
    if (!request) throw notFound('Request');
    const targets = await loadTargets(ctx.db, [request.id]);
    const facts = requestFacts(request, targets);
    if (!requestPolicy.read(actor, facts)) throw notFound('Request');
    return { actor, request, targets, facts };
  }

  async function presentMany(actor: Actor, requests: Request[]) {
    const ids = requests.map((request) => request.id);
    // The caller's own labs only (all the policy needs of them), and the board in numbers.
    const [targets, summaries] = await Promise.all([
      loadTargets(ctx.db, ids, [...actor.labIds]),
      summarizeTargets(ctx.db, ids, ctx.now().toISOString()),
    ]);
    const names = await personNames(
      ctx.db,
      requests.flatMap((request) => [
        request.requester_id,
        request.routed_by,
        request.decided_by,
        request.closed_by,
      ]),
    );
    const context: PresentContext = { actor, now: ctx.now(), names };
    return requests.map((request) =>
      presentRequest(
        request,
        targets,
        requestFacts(request, targets),
        context,
        summaries.get(request.id) ?? { labs: 0, notSeen: 0, seen: 0, answered: 0, declined: 0, late: 0 },
      ),
    );
  }

  async function presentOne(actor: Actor, id: string) {
    const request = (await findRequest(ctx.db, id))!;
    const targets = await loadTargets(ctx.db, [id]);
    const facts = requestFacts(request, targets);
    const [answers, reminders] = await Promise.all([loadAnswers(ctx.db, id), loadReminders(ctx.db, id)]);
    const files = await loadAnswerFiles(
      ctx.db,
      answers.map((answer) => answer.id),
    );
    const expertIds = [
      ...new Set(answers.flatMap((answer) => (answer.expert_person_id ? [answer.expert_person_id] : []))),
    ];
    const experts = await loadExperts(ctx.db, expertIds);
    const storyIds = [...new Set(answers.flatMap((answer) => answer.story_ids))];
    const stories = await readableStoryTitles(ctx.db, actor, storyIds, ctx.now().toISOString());
    const names = await personNames(ctx.db, [
      request.requester_id,
      request.routed_by,
      request.decided_by,
      request.closed_by,
      ...answers.flatMap((answer) => [answer.author_id, answer.used_by]),
      ...targets.flatMap((target) => target.person_ids),
    ]);
    return presentRequestDetail(
      request,
      targets,
      facts,
      { actor, now: ctx.now(), names },
      { answers, files, reminders, experts, stories },
    );
  }

  app.get(
    '/api/requests',
    {
      schema: {
        tags: ['requests'],
        summary:
          'Requests this person may see, newest first. box: to_route (the cell’s queue), mine (sent by me or my team), for_my_lab (addressed to my labs), all. q searches title, text, the cell’s context and the answers one may read (accents and case ignored): the archive is state=closed.',
        querystring: Type.Object(
          {
            state: Type.Optional(Type.Array(literals(requestStates), { maxItems: 5 })),
            box: Type.Optional(literals(requestBoxes)),
            q: Type.Optional(Type.String({ maxLength: limits.query })),
            lab: Type.Optional(Id),
            waiting: Type.Optional(
              Type.Boolean({ description: 'open requests one of my labs has not answered yet' }),
            ),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(RequestSchema), total: Type.Integer() }),
          ...errors(400, 401),
        },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthorized();
      const { limit = 50, offset = 0, ...filter } = request.query;
      const { rows, total } = await listRequests(ctx.db, request.actor, { ...filter, limit, offset });
      return { items: await presentMany(request.actor, rows), total };
    },
  );

  app.post(
    '/api/requests',
    {
      schema: {
        tags: ['requests'],
        summary:
          'Ask the labs for something by a deadline (cell, admin, DR officer, Dircom contact). A Dircom contact’s request goes to the cell “to route”; the others go straight to the labs. A DR officer may only target the labs of their delegation (403 with the field). The deadline is a wall-clock date and time in an IANA zone; reminders default to 3 and 1 days before it.',
        body: Type.Object(
          { ...requestFields, origin: Type.Optional(literals(requestOrigins)) },
          { additionalProperties: false },
        ),
        response: { 201: RequestDetailSchema, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, { canAct: requestPolicy.create(request.actor) });
      assertDeadlineZone(request.body.deadline);
      const origin = originFor(request.actor, request.body.origin);
      const id = await createRequest(ctx, request.actor, { ...request.body, origin });
      return reply.status(201).send(await presentOne(request.actor, id));
    },
  );

  app.get(
    '/api/requests/:id',
    {
      schema: {
        tags: ['requests'],
        summary:
          'One request with its board (per lab: not seen / seen / answered / declined, late, reminders) and the answers the caller may read. A correspondent of a targeted lab opening it marks it seen.',
        params: IdParams,
        response: { 200: RequestDetailSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const { actor, request: row, facts } = await loadVisible(request.actor, request.params.id);
      if (requestPolicy.markSeen(actor, facts)) await markSeen(ctx, actor, row, answeringLabs(actor, facts));
      return presentOne(actor, row.id);
    },
  );

  app.post(
    '/api/requests/:id/seen',
    {
      preValidation: emptyBody,
      schema: {
        tags: ['requests'],
        summary: 'Mark the request seen for my labs (correspondents of a targeted lab; GET does it too)',
        params: IdParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: RequestDetailSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { actor, request: row, facts } = await loadVisible(request.actor, request.params.id);
      authorize(actor, { canAct: requestPolicy.markSeen(actor, facts) });
      await markSeen(ctx, actor, row, answeringLabs(actor, facts));
      return presentOne(actor, row.id);
    },
  );

  app.post(
    '/api/requests/:id/forward',
    {
      preValidation: emptyBody,
      schema: {
        tags: ['requests'],
        summary:
          'Forward a request to route to the labs (cell): the targets as proposed, or others (targetMode + delegationId / labIds / personIds), with context for the labs and, if need be, a new deadline',
        params: IdParams,
        body: Type.Object(
          {
            targetMode: Type.Optional(literals(requestTargetModes)),
            delegationId: targetFields.delegationId,
            labIds: targetFields.labIds,
            personIds: targetFields.personIds,
            context: Type.Optional(Type.String({ maxLength: 4000 })),
            deadline: Type.Optional(Deadline),
          },
          { additionalProperties: false },
        ),
        response: { 200: RequestDetailSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { actor, request: row, facts } = await loadVisible(request.actor, request.params.id);
      authorize(actor, { canAct: requestPolicy.route(actor, facts) });
      assertDeadlineZone(request.body.deadline);
      await forwardRequest(ctx, actor, row, request.body);
      return presentOne(actor, row.id);
    },
  );

  for (const transition of ['answer-by-cell', 'decline'] as const) {
    app.post(
      `/api/requests/:id/${transition}`,
      {
        schema: {
          tags: ['requests'],
          summary:
            transition === 'decline'
              ? 'Decline a request to route, saying why (cell); the requester is told'
              : 'Answer a request to route directly, without the labs (cell); the requester gets the answer',
          params: IdParams,
          body: Type.Object({ message: Message }, { additionalProperties: false }),
          response: { 200: RequestDetailSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { actor, request: row, facts } = await loadVisible(request.actor, request.params.id);
        authorize(actor, { canAct: requestPolicy.route(actor, facts) });
        await decideRequest(ctx, actor, row, transition, request.body.message);
        return presentOne(actor, row.id);
      },
    );
  }

  app.post(
    '/api/requests/:id/close',
    {
      preValidation: emptyBody,
      schema: {
        tags: ['requests'],
        summary:
          'Close a request (the requester’s side or the cell); before routing, this withdraws it. Pending reminders are cancelled. Closed requests are the archive.',
        params: IdParams,
        body: Type.Object(
          { message: Type.Optional(Type.String({ maxLength: 4000 })) },
          { additionalProperties: false },
        ),
        response: { 200: RequestDetailSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { actor, request: row, facts } = await loadVisible(request.actor, request.params.id);
      authorize(actor, { canAct: requestPolicy.close(actor, facts) });
      await closeRequest(ctx, actor, row, request.body.message?.trim() ?? '');
      return presentOne(actor, row.id);
    },
  );

  app.post(
    '/api/requests/:id/answers',
    {
      schema: {
        tags: ['requests'],
        summary:
          'Answer for my lab (correspondents of a targeted lab, while open): kind content (body text, an expert from the directory, links to stories and pages — add files next at /answers/:answerId/files) or nothing ("nothing for this one"). Several answers are welcome. labId may be left out by correspondents of one targeted lab.',
        params: IdParams,
        body: Type.Object(
          {
            labId: Type.Optional(Id),
            kind: literals(answerKinds),
            body: Type.Optional(Type.String({ maxLength: 20_000 })),
            expertPersonId: Type.Optional(Type.Union([Id, Type.Null()])),
            storyIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
            links: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    label: Type.String({ maxLength: 200 }),
                    url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: limits.url }),
                  },
                  { additionalProperties: false },
                ),
                { maxItems: 20 },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ answerId: Type.String(), request: RequestDetailSchema }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { actor, request: row, facts } = await loadVisible(request.actor, request.params.id);
      authorize(actor, { canAct: requestPolicy.answer(actor, facts) });
      const labId = answeringLab(answeringLabs(actor, facts), request.body.labId);
      const answerId = await addAnswer(ctx, actor, row, labId, request.body);
      return reply.status(201).send({ answerId, request: await presentOne(actor, row.id) });
    },
  );

  for (const [name, isUsed] of [
    ['used', true],
    ['unused', false],
  ] as const) {
    app.post(
      `/api/requests/:id/answers/:answerId/${name}`,
      {
        preValidation: emptyBody,
        schema: {
          tags: ['requests'],
          summary: isUsed
            ? 'Mark an answer as used (the requester’s side or the cell)'
            : 'Take back the "used" mark of an answer',
          params: AnswerParams,
          body: Type.Object({}, { additionalProperties: false }),
          response: { 200: RequestDetailSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { actor, request: row, facts } = await loadVisible(request.actor, request.params.id);
        const answer = await findAnswer(ctx.db, row.id, request.params.answerId);
        if (!answer) throw notFound('Answer');
        authorize(actor, { canAct: requestPolicy.markUsed(actor, facts) });
        await markAnswerUsed(ctx, actor, row, answer, isUsed);
        return presentOne(actor, row.id);
      },
    );
  }

  for (const [name, act] of [
    ['resend', resendReminder],
    ['mark-sent', markReminderSent],
  ] as const) {
    app.post(
      `/api/requests/:id/reminders/:reminderId/${name}`,
      {
        preValidation: emptyBody,
        schema: {
          tags: ['requests'],
          summary:
            name === 'resend'
              ? 'Send an uncertain reminder again (its sending was interrupted), to those not known to have it'
              : 'Mark an uncertain reminder as sent (it did go out)',
          params: ReminderParams,
          body: Type.Object({}, { additionalProperties: false }),
          response: { 200: RequestDetailSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { actor, request: row, facts } = await loadVisible(request.actor, request.params.id);
        authorize(actor, { canAct: requestPolicy.handleReminder(actor, facts) });
        const reminder = await findReminder(ctx.db, row.id, request.params.reminderId);
        if (!reminder) throw notFound('Reminder');
        await act(ctx, actor, reminder);
        return presentOne(actor, row.id);
      },
    );
  }

  app.get(
    '/api/requests/:id/history',
    {
      schema: {
        tags: ['requests'],
        summary: 'Who did what on this request, and when (the requester’s side and the cell)',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(HistorySchema) }), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { actor, request: row, facts } = await loadVisible(request.actor, request.params.id);
      authorize(actor, { canAct: requestPolicy.readHistory(actor, facts) });
      return { items: await listHistory(ctx.db, 'request', row.id) };
    },
  );

  registerAnswerFileRoutes(parent, ctx, loadVisible);
  registerSolicitationRoutes(parent, ctx);
}

export type LoadVisible = (
  actor: Actor | null,
  id: string,
) => Promise<{ actor: Actor; request: Request; facts: ReturnType<typeof requestFacts> }>;
