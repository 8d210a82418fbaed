import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { limits } from '../../../shared/limits.ts';
import { requestKinds, solicitationStates } from '../../../shared/requests.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { forbidden, invalid, notFound, unauthorized } from '../../lib/errors.ts';
import { errors, IdParams, Paging } from '../../lib/schemas.ts';
import type { Actor } from '../auth/actor.ts';
import { findLab } from '../labs/queries.ts';
import { solicitationPolicy } from './policy.ts';
import { assertDeadlineZone, DateText, Deadline, Id, literals, originFor, targetFields } from './schemas.ts';
import {
  createSolicitation,
  dismissSolicitation,
  findSolicitation,
  listSolicitations,
  presentSolicitations,
  routeSolicitation,
  SolicitationSchema,
} from './solicitations.ts';

/** Out-of-band solicitations: recorded by a lab's correspondent, routed or dismissed by the cell. */
export function registerSolicitationRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  async function loadVisible(actor: Actor | null, id: string) {
    if (!actor) throw unauthorized();
    const solicitation = await findSolicitation(ctx.db, id);
    if (!solicitation || !solicitationPolicy.read(actor, solicitation)) throw notFound('Solicitation');
    return { actor, solicitation };
  }

  async function presentOne(actor: Actor, id: string) {
    const [presented] = await presentSolicitations(ctx.db, actor, [(await findSolicitation(ctx.db, id))!]);
    return presented!;
  }

  app.post(
    '/api/solicitations',
    {
      schema: {
        tags: ['solicitations'],
        summary:
          'Record that someone contacted the lab directly (correspondents): who (name, organisation), whom, when, about what, what was asked. The cell is told. labId may be left out by correspondents of one lab; contactedOn defaults to today.',
        body: Type.Object(
          {
            labId: Type.Optional(Id),
            requesterName: Type.Optional(Type.String({ maxLength: limits.name })),
            requesterOrganisation: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
            contactedPersonId: Type.Optional(Type.Union([Id, Type.Null()])),
            contactedName: Type.Optional(Type.String({ maxLength: limits.name })),
            contactedOn: Type.Optional(DateText),
            subject: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
            asked: Type.Optional(Type.String({ maxLength: 4000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: SolicitationSchema, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!actor) throw unauthorized();
      const labs = [...actor.correspondentLabIds];
      const labId = request.body.labId ?? (labs.length === 1 ? labs[0] : undefined);
      if (!labId) {
        if (labs.length === 0) throw forbidden('Only a lab’s correspondents record solicitations');
        throw invalid({ labId: 'is required: you are correspondent of several labs, choose one' });
      }
      if (!solicitationPolicy.create(actor, labId))
        throw forbidden('You can only record solicitations of your lab');
      const lab = await findLab(ctx.db, labId);
      if (!lab) throw forbidden('You can only record solicitations of your lab');
      const id = await createSolicitation(ctx, actor, lab, request.body);
      return reply.status(201).send(await presentOne(actor, id));
    },
  );

  app.get(
    '/api/solicitations',
    {
      schema: {
        tags: ['solicitations'],
        summary:
          'Solicitations, newest first: the cell sees all; correspondents their labs’. Filters: state, lab, contacted between from and to (YYYY-MM-DD), q over subject, question and organisation.',
        querystring: Type.Object(
          {
            state: Type.Optional(literals(solicitationStates)),
            lab: Type.Optional(Id),
            q: Type.Optional(Type.String({ maxLength: limits.query })),
            from: Type.Optional(DateText),
            to: Type.Optional(DateText),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(SolicitationSchema), total: Type.Integer() }),
          ...errors(400, 401),
        },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthorized();
      const { limit = 50, offset = 0, ...filter } = request.query;
      const { rows, total } = await listSolicitations(ctx.db, request.actor, { ...filter, limit, offset });
      return { items: await presentSolicitations(ctx.db, request.actor, rows), total };
    },
  );

  app.get(
    '/api/solicitations/:id',
    {
      schema: {
        tags: ['solicitations'],
        summary: 'One solicitation',
        params: IdParams,
        response: { 200: SolicitationSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const { actor, solicitation } = await loadVisible(request.actor, request.params.id);
      return presentOne(actor, solicitation.id);
    },
  );

  app.post(
    '/api/solicitations/:id/route',
    {
      schema: {
        tags: ['solicitations'],
        summary:
          'Turn a new solicitation into a request to the labs (cell): by default to the lab that was contacted, titled with its subject; a deadline is required',
        params: IdParams,
        body: Type.Object(
          {
            kind: Type.Optional(literals(requestKinds)),
            title: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
            bodyHtml: Type.Optional(Type.String({ maxLength: 100_000 })),
            deadline: Deadline,
            reminderDays: Type.Optional(
              Type.Array(Type.Integer({ minimum: 1, maximum: 60 }), { maxItems: 5, uniqueItems: true }),
            ),
            targetMode: Type.Optional(targetFields.targetMode),
            delegationId: targetFields.delegationId,
            labIds: targetFields.labIds,
            personIds: targetFields.personIds,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ solicitation: SolicitationSchema, requestId: Type.String() }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const { actor, solicitation } = await loadVisible(request.actor, request.params.id);
      authorize(actor, { canAct: solicitationPolicy.handle(actor, solicitation) });
      assertDeadlineZone(request.body.deadline);
      const body = request.body;
      const escapeText = (text: string) =>
        text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
      const requestId = await routeSolicitation(ctx, actor, solicitation, {
        kind: body.kind ?? 'other',
        title: body.title ?? solicitation.subject,
        bodyHtml:
          body.bodyHtml ??
          `<p>${escapeText(solicitation.asked || solicitation.subject)}</p><p>${escapeText(
            [solicitation.requester_name, solicitation.requester_organisation].filter(Boolean).join(', '),
          )}</p>`,
        deadline: body.deadline,
        reminderDays: body.reminderDays,
        ...(body.targetMode
          ? {
              targetMode: body.targetMode,
              delegationId: body.delegationId,
              labIds: body.labIds,
              personIds: body.personIds,
            }
          : { targetMode: 'labs' as const, labIds: [solicitation.lab_id] }),
        origin: originFor(actor, actor.roles.has('cell') ? 'cell' : 'admin'),
      });
      return { solicitation: await presentOne(actor, solicitation.id), requestId };
    },
  );

  app.post(
    '/api/solicitations/:id/dismiss',
    {
      preValidation: async (request) => {
        if (request.body === undefined) request.body = {} as never;
      },
      schema: {
        tags: ['solicitations'],
        summary: 'Dismiss a new solicitation (cell): nothing to route; it still counts in the figures',
        params: IdParams,
        body: Type.Object(
          { message: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: { 200: SolicitationSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { actor, solicitation } = await loadVisible(request.actor, request.params.id);
      authorize(actor, { canAct: solicitationPolicy.handle(actor, solicitation) });
      await dismissSolicitation(ctx, actor, solicitation, request.body.message?.trim() ?? '');
      return presentOne(actor, solicitation.id);
    },
  );
}
