import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { suppressionReasons, suppressionScopes } from '../../../shared/campaigns.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { Email, errors, IdParams, Page, Paging } from '../../lib/schemas.ts';
import { likePattern } from '../../lib/text.ts';
import { liftSuppression, suppressAddress } from './actions.ts';
import { normaliseEmail } from './csv.ts';
import { audiencePolicy } from './policy.ts';
import { presentSuppression, SuppressionSchema } from './present.ts';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));

/** The suppression list: addresses no campaign ever mails (in its scope). */
export function registerSuppressionRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['audiences'];

  app.get(
    '/api/suppressions',
    {
      schema: {
        tags,
        summary: 'The suppression list: unsubscribes, hard bounces, complaints, manual entries',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 200 })),
            reason: Type.Optional(literals(suppressionReasons)),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(SuppressionSchema), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(request.actor, { canAct: audiencePolicy.read(request.actor) });
      const { q, reason, limit = 50, offset = 0 } = request.query;
      let query = ctx.db.selectFrom('suppressions');
      if (reason) query = query.where('reason', '=', reason);
      if (q?.trim()) query = query.where(sql<boolean>`email like ${likePattern(q.trim())} escape '\\'`);
      const [rows, total] = await Promise.all([
        query
          .selectAll()
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .offset(offset)
          .execute(),
        query.select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map((row) => presentSuppression(request.actor, row)), total: Number(total.count) };
    },
  );

  app.post(
    '/api/suppressions',
    {
      schema: {
        tags,
        summary: 'Suppress an address (a complaint forwarded by hand, a request by phone…)',
        body: Type.Object(
          {
            email: Email,
            scope: Type.Optional(literals(suppressionScopes)),
            reason: Type.Optional(Type.Union([Type.Literal('manual'), Type.Literal('complaint')])),
            detail: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: SuppressionSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, { canAct: audiencePolicy.manageSuppressions(request.actor) });
      const actorId = request.actor.id;
      const email = normaliseEmail(request.body.email);
      const scope = request.body.scope ?? '*';
      const isNew = await ctx.db.transaction().execute((trx) =>
        suppressAddress(trx, {
          email,
          scope,
          reason: request.body.reason ?? 'manual',
          detail: request.body.detail,
          actorId,
          at: ctx.now().toISOString(),
        }),
      );
      if (!isNew) throw conflict('This address is already suppressed', { email: 'is already suppressed' });
      const row = await ctx.db
        .selectFrom('suppressions')
        .selectAll()
        .where('email', '=', email)
        .where('scope', '=', scope)
        .executeTakeFirstOrThrow();
      return reply.status(201).send(presentSuppression(request.actor, row));
    },
  );

  app.delete(
    '/api/suppressions/:id',
    {
      schema: {
        tags,
        summary: 'Lift a suppression (not an unsubscribe: only the person undoes that)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, { canAct: audiencePolicy.read(request.actor) });
      const row = await ctx.db
        .selectFrom('suppressions')
        .selectAll()
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!row) throw notFound('Suppression');
      authorize(request.actor, { canAct: audiencePolicy.liftSuppression(request.actor, row) });
      await liftSuppression(ctx, request.actor, row);
      return reply.status(204).send(null);
    },
  );
}
