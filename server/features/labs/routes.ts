import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { limits } from '../../../shared/limits.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import { errors, IdParams, Name, ShortText, Url } from '../../lib/schemas.ts';
import type { Actor } from '../auth/actor.ts';
import { HistorySchema, listHistory } from '../history/queries.ts';
import { createLab, deleteLab, updateLab } from './actions.ts';
import { labPolicy } from './policy.ts';
import { presentLab } from './present.ts';
import { findLab, listLabs, loadLabStats } from './queries.ts';
import { loadDirectoryRefs } from './refs.ts';

const Kind = Type.Union([Type.Literal('lab'), Type.Literal('platform')]);
const TextList = Type.Array(Type.String({ minLength: 1, maxLength: limits.shortText }), {
  maxItems: limits.listItems,
});
const labFields = {
  acronym: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' }),
  name: Name,
  kind: Kind,
  city: Type.String({ minLength: 1, maxLength: limits.shortText, pattern: '\\S' }),
  site: Type.Optional(ShortText),
  region: Type.Optional(ShortText),
  delegationId: Type.String({ minLength: 1, maxLength: 64 }),
  partners: Type.Optional(TextList),
  themes: Type.Optional(TextList),
  website: Type.Optional(Url),
  latitude: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
  longitude: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
};
const identityFields = ['acronym', 'kind', 'delegationId'] as const;

export function registerLabRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  async function presentMany(actor: Actor | null, labs: Awaited<ReturnType<typeof listLabs>>) {
    const ids = labs.map((lab) => lab.id);
    const [refs, stats] = await Promise.all([
      loadDirectoryRefs(ctx.db, { labIds: [], delegationIds: labs.map((lab) => lab.delegation_id) }),
      loadLabStats(ctx.db, ids),
    ]);
    return labs.map((lab) =>
      presentLab(actor, lab, {
        refs,
        peopleCount: stats.counts.get(lab.id) ?? 0,
        correspondents: stats.correspondents.get(lab.id) ?? [],
      }),
    );
  }

  async function loadVisible(actor: Actor | null, id: string) {
    const lab = await findLab(ctx.db, id);
    if (!lab || !labPolicy.read(actor, lab)) throw notFound('Lab');
    return lab;
  }

  app.get(
    '/api/labs',
    {
      schema: {
        tags: ['directory'],
        summary: 'The labs and platforms of the network',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: limits.query })),
            delegation: Type.Optional(Type.String({ maxLength: 64 })),
            kind: Type.Optional(Kind),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Lab')) }), ...errors(400) },
      },
    },
    async (request) => ({ items: await presentMany(request.actor, await listLabs(ctx.db, request.query)) }),
  );

  app.get(
    '/api/labs/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'One lab',
        params: IdParams,
        response: { 200: Type.Ref('Lab'), ...errors(404) },
      },
    },
    async (request) => {
      const [lab] = await presentMany(request.actor, [await loadVisible(request.actor, request.params.id)]);
      return lab!;
    },
  );

  app.post(
    '/api/labs',
    {
      schema: {
        tags: ['directory'],
        summary: 'Add a lab or platform (admin)',
        body: Type.Object(labFields, { additionalProperties: false }),
        response: { 201: Type.Ref('Lab'), ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, { canAct: labPolicy.create(request.actor) });
      const id = await createLab(ctx, request.actor.id, request.body);
      const [lab] = await presentMany(request.actor, [(await findLab(ctx.db, id))!]);
      return reply.status(201).send(lab!);
    },
  );

  app.patch(
    '/api/labs/:id',
    {
      schema: {
        tags: ['directory'],
        summary: "Edit a lab (admin; the lab's correspondents for its presentation)",
        params: IdParams,
        body: Type.Partial(Type.Object(labFields), { additionalProperties: false, minProperties: 1 }),
        response: { 200: Type.Ref('Lab'), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthorized();
      const lab = await loadVisible(request.actor, request.params.id);
      authorize(request.actor, { canAct: labPolicy.update(request.actor, lab) });
      if (
        identityFields.some((field) => request.body[field] !== undefined) &&
        !labPolicy.updateIdentity(request.actor)
      ) {
        throw forbidden('Only an administrator can change the acronym, the kind or the delegation of a lab');
      }
      await updateLab(ctx, request.actor.id, lab, request.body);
      const [presented] = await presentMany(request.actor, [(await findLab(ctx.db, lab.id))!]);
      return presented!;
    },
  );

  app.delete(
    '/api/labs/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Remove a lab with nobody left in it (admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      if (!request.actor) throw unauthorized();
      const lab = await loadVisible(request.actor, request.params.id);
      authorize(request.actor, { canAct: labPolicy.delete(request.actor) });
      await deleteLab(ctx, request.actor.id, lab);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/labs/:id/history',
    {
      schema: {
        tags: ['directory'],
        summary: 'What changed on this lab (signed-in users)',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(HistorySchema) }), ...errors(401, 404) },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthorized();
      const lab = await loadVisible(request.actor, request.params.id);
      return { items: await listHistory(ctx.db, 'lab', lab.id) };
    },
  );
}
