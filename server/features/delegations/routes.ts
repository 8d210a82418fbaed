import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { conflict, notFound, unauthorized } from '../../lib/errors.ts';
import { Abilities, errors, IdParams, Name, ShortText } from '../../lib/schemas.ts';
import { newId } from '../../lib/tokens.ts';
import { type Actor, isAdmin } from '../auth/actor.ts';
import { diffFields, recordEvent } from '../history/record.ts';

const DelegationSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  city: Type.String(),
  labCount: Type.Integer(),
  abilities: Abilities,
});
const fields = {
  code: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9 -]*[A-Za-z0-9][A-Za-z0-9 -]*$' }),
  name: Name,
  city: Type.Optional(ShortText),
};

export const delegationPolicy = { manage: (actor: Actor | null) => isAdmin(actor) };

/** CNRS regional delegations: read by all, edited by admins. */
export function registerDelegationRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  async function list(actor: Actor | null, id?: string) {
    let query = ctx.db
      .selectFrom('delegations')
      .leftJoin('labs', 'labs.delegation_id', 'delegations.id')
      .select((eb) => [
        'delegations.id',
        'delegations.code',
        'delegations.name',
        'delegations.city',
        eb.fn
          .count<number>(eb.case().when('labs.deleted_at', 'is', null).then(eb.ref('labs.id')).end())
          .as('lab_count'),
        // Removed labs still point to their delegation: it cannot be deleted while any does.
        eb.fn.count<number>('labs.id').as('attached_count'),
        eb
          .exists(
            eb
              .selectFrom('role_assignments')
              .select('role_assignments.id')
              .whereRef('role_assignments.delegation_id', '=', 'delegations.id'),
          )
          .as('has_officers'),
      ])
      .groupBy(['delegations.id', 'delegations.code', 'delegations.name', 'delegations.city']);
    if (id) query = query.where('delegations.id', '=', id);
    const rows = await query.execute();
    const number = (code: string) => Number(/\d+/.exec(code)?.[0] ?? 999);
    return rows
      .sort((a, b) => number(a.code) - number(b.code) || a.code.localeCompare(b.code))
      .map((row) => ({
        id: row.id,
        code: row.code,
        name: row.name,
        city: row.city,
        labCount: Number(row.lab_count),
        abilities: {
          update: delegationPolicy.manage(actor),
          delete: delegationPolicy.manage(actor) && Number(row.attached_count) === 0 && !row.has_officers,
        },
      }));
  }

  async function loadOne(id: string) {
    const row = await ctx.db.selectFrom('delegations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Delegation');
    return row;
  }

  app.get(
    '/api/delegations',
    {
      schema: {
        tags: ['directory'],
        summary: 'CNRS regional delegations',
        response: { 200: Type.Object({ items: Type.Array(DelegationSchema) }) },
      },
    },
    async (request) => ({ items: await list(request.actor) }),
  );

  app.get(
    '/api/delegations/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'One delegation',
        params: IdParams,
        response: { 200: DelegationSchema, ...errors(404) },
      },
    },
    async (request) => {
      const [row] = await list(request.actor, request.params.id);
      if (!row) throw notFound('Delegation');
      return row;
    },
  );

  app.post(
    '/api/delegations',
    {
      schema: {
        tags: ['directory'],
        summary: 'Add a delegation (admin)',
        body: Type.Object(fields, { additionalProperties: false }),
        response: { 201: DelegationSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, { canAct: delegationPolicy.manage(request.actor) });
      const actorId = request.actor.id;
      const code = request.body.code.trim().toUpperCase();
      if (await ctx.db.selectFrom('delegations').select('id').where('code', '=', code).executeTakeFirst()) {
        throw conflict('A delegation already has this code', { code: 'is already used' });
      }
      const id = newId();
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('delegations')
          .values({
            id,
            code,
            name: request.body.name.trim(),
            city: request.body.city?.trim() ?? '',
            created_at: at,
            updated_at: at,
          })
          .execute();
        await recordEvent(trx, {
          actorId,
          subjectType: 'delegation',
          subjectId: id,
          action: 'created',
          data: { code },
          at,
        });
      });
      const [row] = await list(request.actor, id);
      return reply.status(201).send(row!);
    },
  );

  app.patch(
    '/api/delegations/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Edit a delegation (admin)',
        params: IdParams,
        body: Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 }),
        response: { 200: DelegationSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthorized();
      const delegation = await loadOne(request.params.id);
      authorize(request.actor, { canAct: delegationPolicy.manage(request.actor) });
      const actorId = request.actor.id;
      const changes = {
        code: request.body.code?.trim().toUpperCase(),
        name: request.body.name?.trim(),
        city: request.body.city?.trim(),
      };
      if (changes.code && changes.code !== delegation.code) {
        if (
          await ctx.db
            .selectFrom('delegations')
            .select('id')
            .where('code', '=', changes.code)
            .executeTakeFirst()
        ) {
          throw conflict('A delegation already has this code', { code: 'is already used' });
        }
      }
      const diff = diffFields(delegation, changes);
      if (Object.keys(diff).length > 0) {
        const at = ctx.now().toISOString();
        await ctx.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('delegations')
            .set({ ...changes, updated_at: at })
            .where('id', '=', delegation.id)
            .execute();
          await recordEvent(trx, {
            actorId,
            subjectType: 'delegation',
            subjectId: delegation.id,
            action: 'updated',
            data: { changes: diff },
            at,
          });
        });
      }
      const [row] = await list(request.actor, delegation.id);
      return row!;
    },
  );

  app.delete(
    '/api/delegations/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Remove a delegation that has no lab (admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      if (!request.actor) throw unauthorized();
      const delegation = await loadOne(request.params.id);
      authorize(request.actor, { canAct: delegationPolicy.manage(request.actor) });
      const actorId = request.actor.id;
      const lab = await ctx.db
        .selectFrom('labs')
        .select('id')
        .where('delegation_id', '=', delegation.id)
        .executeTakeFirst();
      const officer = await ctx.db
        .selectFrom('role_assignments')
        .select('id')
        .where('delegation_id', '=', delegation.id)
        .executeTakeFirst();
      if (lab || officer) throw conflict('This delegation still has labs or officers attached');
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('delegations').where('id', '=', delegation.id).execute();
        await recordEvent(trx, {
          actorId,
          subjectType: 'delegation',
          subjectId: delegation.id,
          action: 'deleted',
          data: { code: delegation.code },
          at,
        });
      });
      return reply.status(204).send(null);
    },
  );
}
