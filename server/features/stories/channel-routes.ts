import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { conflict, invalid, notFound, unauthorized } from '../../lib/errors.ts';
import { errors, IdParams, Name } from '../../lib/schemas.ts';
import { newId } from '../../lib/tokens.ts';
import { hasRole } from '../auth/actor.ts';
import { diffFields, recordEvent } from '../history/record.ts';
import { slugify } from '../skills/routes.ts';

const Scope = Type.Union(['institute', 'national', 'regional', 'other'].map((scope) => Type.Literal(scope)));
const ChannelSchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.Object({ fr: Type.String(), en: Type.String() }),
  scope: Type.String(),
  delegation: Type.Union([
    Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
    Type.Null(),
  ]),
  isActive: Type.Boolean(),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});

/** The channels stories are relayed to: a list the cell edits. */
export function registerChannelRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  async function list(canManage: boolean, id?: string) {
    let query = ctx.db
      .selectFrom('channels')
      .leftJoin('delegations', 'delegations.id', 'channels.delegation_id')
      .selectAll('channels')
      .select(['delegations.code as delegation_code', 'delegations.name as delegation_name'])
      .orderBy('channels.position')
      .orderBy('channels.name_fr');
    if (id) query = query.where('channels.id', '=', id);
    const rows = await query.execute();
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: { fr: row.name_fr, en: row.name_en },
      scope: row.scope,
      delegation: row.delegation_id
        ? { id: row.delegation_id, code: row.delegation_code ?? '', name: row.delegation_name ?? '' }
        : null,
      isActive: row.is_active,
      abilities: { update: canManage },
    }));
  }

  app.get(
    '/api/channels',
    {
      schema: {
        tags: ['stories'],
        summary: 'Channels stories are relayed to',
        response: { 200: Type.Object({ items: Type.Array(ChannelSchema) }), ...errors(401) },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthorized();
      return { items: await list(hasRole(request.actor, 'cell', 'admin')) };
    },
  );

  app.post(
    '/api/channels',
    {
      schema: {
        tags: ['stories'],
        summary: 'Add a channel (cell, admin)',
        body: Type.Object(
          {
            nameFr: Name,
            nameEn: Name,
            scope: Scope,
            delegationId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: ChannelSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, { canAct: hasRole(request.actor, 'cell', 'admin') });
      const actorId = request.actor.id;
      const { nameFr, nameEn, scope, delegationId } = request.body;
      if (scope === 'regional' && !delegationId)
        throw invalid({ delegationId: 'is required for a regional channel' });
      if (
        delegationId &&
        !(await ctx.db
          .selectFrom('delegations')
          .select('id')
          .where('id', '=', delegationId)
          .executeTakeFirst())
      ) {
        throw invalid({ delegationId: 'is not a known delegation' });
      }
      const slug = slugify(nameEn);
      if (await ctx.db.selectFrom('channels').select('id').where('slug', '=', slug).executeTakeFirst()) {
        throw conflict('This channel already exists', { nameEn: 'is already used' });
      }
      const id = newId();
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('channels')
          .values({
            id,
            slug,
            name_fr: nameFr.trim(),
            name_en: nameEn.trim(),
            scope,
            delegation_id: delegationId ?? null,
            is_active: true,
            position: 100,
            created_at: at,
            updated_at: at,
          })
          .execute();
        await recordEvent(trx, {
          actorId,
          subjectType: 'channel',
          subjectId: id,
          action: 'created',
          data: { slug },
          at,
        });
      });
      const [row] = await list(true, id);
      return reply.status(201).send(row!);
    },
  );

  app.patch(
    '/api/channels/:id',
    {
      schema: {
        tags: ['stories'],
        summary: 'Rename, deactivate or reactivate a channel (cell, admin)',
        params: IdParams,
        body: Type.Object(
          {
            nameFr: Type.Optional(Name),
            nameEn: Type.Optional(Name),
            isActive: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ChannelSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthorized();
      const channel = await ctx.db
        .selectFrom('channels')
        .selectAll()
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!channel) throw notFound('Channel');
      authorize(request.actor, { canAct: hasRole(request.actor, 'cell', 'admin') });
      const actorId = request.actor.id;
      const changes = {
        name_fr: request.body.nameFr?.trim(),
        name_en: request.body.nameEn?.trim(),
        is_active: request.body.isActive,
      };
      const diff = diffFields(channel, changes);
      if (Object.keys(diff).length) {
        const at = ctx.now().toISOString();
        await ctx.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('channels')
            .set({ ...changes, updated_at: at })
            .where('id', '=', channel.id)
            .execute();
          await recordEvent(trx, {
            actorId,
            subjectType: 'channel',
            subjectId: channel.id,
            action: 'updated',
            data: { changes: diff },
            at,
          });
        });
      }
      const [row] = await list(true, channel.id);
      return row!;
    },
  );
}
