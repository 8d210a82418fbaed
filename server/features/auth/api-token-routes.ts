import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { HttpError, notFound, unauthorized } from '../../lib/errors.ts';
import { errors, IdParams, Name } from '../../lib/schemas.ts';
import { hashSecret, newId, newSecret } from '../../lib/tokens.ts';
import { recordEvent } from '../history/record.ts';

const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});
const maxTokens = 20;

/** Personal API tokens: for scripts and integrations (`Authorization: Bearer …`). Shown once, stored hashed. */
export function registerApiTokenRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/me/tokens',
    {
      schema: {
        tags: ['account'],
        summary: 'My active API tokens',
        response: { 200: Type.Object({ items: Type.Array(TokenSchema) }), ...errors(401) },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthorized();
      const rows = await ctx.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('person_id', '=', request.actor.id)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .execute();
      return {
        items: rows.map((row) => ({
          id: row.id,
          name: row.name,
          prefix: row.token_prefix,
          createdAt: row.created_at,
          lastUsedAt: row.last_used_at,
        })),
      };
    },
  );

  app.post(
    '/api/me/tokens',
    {
      schema: {
        tags: ['account'],
        summary: 'Create an API token; the secret is returned once',
        body: Type.Object({ name: Name }, { additionalProperties: false }),
        response: {
          201: Type.Object({ token: TokenSchema, secret: Type.String() }),
          ...errors(400, 401, 409),
        },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!actor) throw unauthorized();
      if (actor.via === 'token')
        throw new HttpError(403, 'forbidden', 'An API token cannot create other tokens');
      const count = await ctx.db
        .selectFrom('api_tokens')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('person_id', '=', actor.id)
        .where('revoked_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(count.count) >= maxTokens)
        throw new HttpError(409, 'conflict', `At most ${maxTokens} active tokens: revoke one first`);
      const secret = newSecret('rls_');
      const at = ctx.now().toISOString();
      const token = {
        id: newId(),
        name: request.body.name.trim(),
        prefix: secret.slice(0, 10),
        createdAt: at,
        lastUsedAt: null,
      };
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('api_tokens')
          .values({
            id: token.id,
            person_id: actor.id,
            name: token.name,
            token_hash: hashSecret(secret),
            token_prefix: token.prefix,
            created_at: at,
            last_used_at: null,
            revoked_at: null,
          })
          .execute();
        await recordEvent(trx, {
          actorId: actor.id,
          subjectType: 'person',
          subjectId: actor.id,
          action: 'api_token_created',
          data: { name: token.name },
          at,
        });
      });
      return reply.status(201).send({ token, secret });
    },
  );

  app.delete(
    '/api/me/tokens/:id',
    {
      schema: {
        tags: ['account'],
        summary: 'Revoke one of my API tokens',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!actor) throw unauthorized();
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('api_tokens')
          .set({ revoked_at: at })
          .where('id', '=', request.params.id)
          .where('person_id', '=', actor.id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw notFound('Token');
        await recordEvent(trx, {
          actorId: actor.id,
          subjectType: 'person',
          subjectId: actor.id,
          action: 'api_token_revoked',
          data: { tokenId: request.params.id },
          at,
        });
      });
      return reply.status(204).send(null);
    },
  );
}
