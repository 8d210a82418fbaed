import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { conflict, notFound, unauthorized } from '../../lib/errors.ts';
import { Abilities, errors, IdParams, Name } from '../../lib/schemas.ts';
import { foldText } from '../../lib/text.ts';
import { newId } from '../../lib/tokens.ts';
import { type Actor, isNetworkManager } from '../auth/actor.ts';
import { diffFields, recordEvent } from '../history/record.ts';

export const skillCategories = [
  'media',
  'writing',
  'visual',
  'events',
  'digital',
  'languages',
  'science',
  'other',
] as const;

const SkillSchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.Object({ fr: Type.String(), en: Type.String() }),
  category: Type.String(),
  peopleCount: Type.Integer(),
  abilities: Abilities,
});
const fields = {
  nameFr: Name,
  nameEn: Name,
  category: Type.Union(skillCategories.map((category) => Type.Literal(category))),
};

/** The cell and admins keep the skills taxonomy. */
export const skillPolicy = { manage: (actor: Actor | null) => isNetworkManager(actor) };

export const slugify = (value: string) =>
  foldText(value)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'skill';

export function registerSkillRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  async function list(actor: Actor | null, id?: string) {
    let query = ctx.db
      .selectFrom('skills')
      .leftJoin('person_skills', 'person_skills.skill_id', 'skills.id')
      .select((eb) => [
        'skills.id',
        'skills.slug',
        'skills.name_fr',
        'skills.name_en',
        'skills.category',
        eb.fn.count<number>('person_skills.person_id').as('people_count'),
      ])
      .groupBy(['skills.id', 'skills.slug', 'skills.name_fr', 'skills.name_en', 'skills.category'])
      .orderBy('skills.name_fr');
    if (id) query = query.where('skills.id', '=', id);
    const rows = await query.execute();
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: { fr: row.name_fr, en: row.name_en },
      category: row.category,
      peopleCount: Number(row.people_count),
      abilities: { update: skillPolicy.manage(actor), delete: skillPolicy.manage(actor) },
    }));
  }

  async function loadOne(id: string) {
    const row = await ctx.db.selectFrom('skills').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Skill');
    return row;
  }

  app.get(
    '/api/skills',
    {
      schema: {
        tags: ['directory'],
        summary: 'The skills taxonomy, with how many people have each',
        response: { 200: Type.Object({ items: Type.Array(SkillSchema) }) },
      },
    },
    async (request) => ({ items: await list(request.actor) }),
  );

  app.post(
    '/api/skills',
    {
      schema: {
        tags: ['directory'],
        summary: 'Add a skill (cell, admin)',
        body: Type.Object(fields, { additionalProperties: false }),
        response: { 201: SkillSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, { canAct: skillPolicy.manage(request.actor) });
      const actorId = request.actor.id;
      const slug = slugify(request.body.nameEn);
      if (await ctx.db.selectFrom('skills').select('id').where('slug', '=', slug).executeTakeFirst()) {
        throw conflict('This skill already exists', { nameEn: 'is already used' });
      }
      const id = newId();
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('skills')
          .values({
            id,
            slug,
            name_fr: request.body.nameFr.trim(),
            name_en: request.body.nameEn.trim(),
            category: request.body.category,
            created_at: at,
            updated_at: at,
          })
          .execute();
        await recordEvent(trx, {
          actorId,
          subjectType: 'skill',
          subjectId: id,
          action: 'created',
          data: { slug },
          at,
        });
      });
      const [row] = await list(request.actor, id);
      return reply.status(201).send(row!);
    },
  );

  app.patch(
    '/api/skills/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Rename or recategorise a skill (cell, admin)',
        params: IdParams,
        body: Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 }),
        response: { 200: SkillSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthorized();
      const skill = await loadOne(request.params.id);
      authorize(request.actor, { canAct: skillPolicy.manage(request.actor) });
      const actorId = request.actor.id;
      const changes = {
        name_fr: request.body.nameFr?.trim(),
        name_en: request.body.nameEn?.trim(),
        category: request.body.category,
      };
      const diff = diffFields(skill, changes);
      if (Object.keys(diff).length > 0) {
        const at = ctx.now().toISOString();
        await ctx.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('skills')
            .set({ ...changes, updated_at: at })
            .where('id', '=', skill.id)
            .execute();
          await recordEvent(trx, {
            actorId,
            subjectType: 'skill',
            subjectId: skill.id,
            action: 'updated',
            data: { changes: diff },
            at,
          });
        });
      }
      const [row] = await list(request.actor, skill.id);
      return row!;
    },
  );

  app.delete(
    '/api/skills/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Remove a skill from the taxonomy and from everyone (cell, admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      if (!request.actor) throw unauthorized();
      const skill = await loadOne(request.params.id);
      authorize(request.actor, { canAct: skillPolicy.manage(request.actor) });
      const actorId = request.actor.id;
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('person_skills').where('skill_id', '=', skill.id).execute();
        await trx.deleteFrom('skills').where('id', '=', skill.id).execute();
        await recordEvent(trx, {
          actorId,
          subjectType: 'skill',
          subjectId: skill.id,
          action: 'deleted',
          data: { slug: skill.slug, nameFr: skill.name_fr },
          at,
        });
      });
      return reply.status(204).send(null);
    },
  );
}
