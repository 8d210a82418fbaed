import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { limits } from '../../../shared/limits.ts';
import { locales, roleNames } from '../../../shared/roles.ts';
import { notificationModes } from '../../../shared/stories.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import { Email, errors, IdParams, Name, Page, Paging, ShortText } from '../../lib/schemas.ts';
import { HistorySchema, listHistory } from '../history/queries.ts';
import { loadDirectoryRefs } from '../labs/refs.ts';
import { createPerson, deletePerson, invitePerson, setPersonDisabled, updatePerson } from './actions.ts';
import { personPolicy } from './policy.ts';
import { presentPerson } from './present.ts';
import { findPerson, listPeople, loadPeopleRelations } from './queries.ts';

const RoleInput = Type.Object(
  {
    role: Type.Union(roleNames.map((name) => Type.Literal(name))),
    labId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    delegationId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const profileFields = {
  firstName: Type.Optional(Name),
  lastName: Type.Optional(Name),
  jobTitle: Type.Optional(ShortText),
  phone: Type.Optional(
    Type.Union([Type.String({ maxLength: limits.phone, pattern: '^[0-9+() .-]*$' }), Type.Null()]),
  ),
  languages: Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), { maxItems: limits.listItems, uniqueItems: true }),
  ),
  isMediaTrained: Type.Optional(Type.Boolean()),
  locale: Type.Optional(Type.Union(locales.map((locale) => Type.Literal(locale)))),
  notificationMode: Type.Optional(Type.Union(notificationModes.map((mode) => Type.Literal(mode)))),
  skillIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: limits.listItems })),
};
const accountFields = {
  email: Type.Optional(Email),
  labId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  roles: Type.Optional(Type.Array(RoleInput, { maxItems: 20 })),
};

export function registerPeopleRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  async function presentOne(actor: Parameters<typeof presentPerson>[0], id: string) {
    const person = await findPerson(ctx.db, id);
    if (!person || !personPolicy.read(actor, person)) throw notFound('Person');
    const { grants, skills } = await loadPeopleRelations(ctx.db, [person.id]);
    const personGrants = grants.get(person.id) ?? [];
    const refs = await loadDirectoryRefs(ctx.db, {
      labIds: [person.lab_id, ...personGrants.map((g) => g.labId)],
      delegationIds: personGrants.map((g) => g.delegationId),
    });
    return presentPerson(actor, person, { grants: personGrants, skills: skills.get(person.id) ?? [], refs });
  }

  async function loadForAction(id: string) {
    const person = await findPerson(ctx.db, id);
    if (!person) throw notFound('Person');
    return person;
  }

  app.get(
    '/api/people',
    {
      schema: {
        tags: ['directory'],
        summary: 'Search the directory (name, skill, lab, delegation, role)',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: limits.query })),
            skill: Type.Optional(Type.String({ maxLength: 64 })),
            lab: Type.Optional(Type.String({ maxLength: 64 })),
            delegation: Type.Optional(Type.String({ maxLength: 64 })),
            role: Type.Optional(Type.Union(roleNames.map((name) => Type.Literal(name)))),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Type.Ref('Person')), ...errors(400) },
      },
    },
    async (request) => {
      const { limit = 50, offset = 0, ...filter } = request.query;
      const { rows, total } = await listPeople(ctx.db, request.actor, { ...filter, limit, offset });
      const ids = rows.map((row) => row.id);
      const { grants, skills } = await loadPeopleRelations(ctx.db, ids);
      const allGrants = [...grants.values()].flat();
      const refs = await loadDirectoryRefs(ctx.db, {
        labIds: [...rows.map((row) => row.lab_id), ...allGrants.map((g) => g.labId)],
        delegationIds: allGrants.map((g) => g.delegationId),
      });
      return {
        items: rows.map((row) =>
          presentPerson(request.actor, row, {
            grants: grants.get(row.id) ?? [],
            skills: skills.get(row.id) ?? [],
            refs,
          }),
        ),
        total,
      };
    },
  );

  app.get(
    '/api/people/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'A person of the directory (email and phone for signed-in users only)',
        params: IdParams,
        response: { 200: Type.Ref('Person'), ...errors(404) },
      },
    },
    async (request) => presentOne(request.actor, request.params.id),
  );

  app.post(
    '/api/people',
    {
      schema: {
        tags: ['directory'],
        summary: 'Add a person to the directory, optionally inviting them (admin)',
        body: Type.Object(
          {
            ...profileFields,
            ...accountFields,
            email: Email,
            firstName: Name,
            lastName: Name,
            sendInvitation: Type.Optional(Type.Boolean({ default: true })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Ref('Person'), ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, { canAct: personPolicy.create(request.actor) });
      const id = await createPerson(ctx, request.actor.id, {
        ...request.body,
        sendInvitation: request.body.sendInvitation ?? true,
      });
      return reply.status(201).send(await presentOne(request.actor, id));
    },
  );

  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Edit a person: profile fields (the person or an admin), email, lab and roles (admin)',
        params: IdParams,
        body: Type.Object(
          { ...profileFields, ...accountFields },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Type.Ref('Person'), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthorized();
      const person = await loadForAction(request.params.id);
      authorize(request.actor, {
        canSee: personPolicy.read(request.actor, person),
        canAct: personPolicy.updateProfile(request.actor, person),
      });
      const { email, labId, roles } = request.body;
      if (
        (email !== undefined || labId !== undefined || roles !== undefined) &&
        !personPolicy.updateAccount(request.actor)
      ) {
        throw forbidden('Only an administrator can change an email, a lab or roles');
      }
      await updatePerson(ctx, request.actor.id, person, request.body);
      return presentOne(request.actor, person.id);
    },
  );

  const adminAction = (
    path: string,
    summary: string,
    can: keyof typeof personPolicy,
    run: (actorId: string, person: NonNullable<Awaited<ReturnType<typeof findPerson>>>) => Promise<void>,
  ) =>
    app.post(
      `/api/people/:id/${path}`,
      {
        schema: {
          tags: ['directory'],
          summary,
          params: IdParams,
          response: { 200: Type.Ref('Person'), ...errors(401, 403, 404) },
        },
      },
      async (request) => {
        if (!request.actor) throw unauthorized();
        const person = await loadForAction(request.params.id);
        authorize(request.actor, {
          canSee: personPolicy.read(request.actor, person),
          canAct: (personPolicy[can] as (a: typeof request.actor, p: typeof person) => boolean)(
            request.actor,
            person,
          ),
        });
        await run(request.actor.id, person);
        return presentOne(request.actor, person.id);
      },
    );

  adminAction(
    'invitation',
    'Send (again) the invitation to create an account (admin)',
    'invite',
    (actorId, person) => invitePerson(ctx, actorId, person.id),
  );
  adminAction(
    'disable',
    'Disable the account: signs out everywhere, revokes tokens (admin)',
    'disable',
    (actorId, person) => setPersonDisabled(ctx, actorId, person, true),
  );
  adminAction('enable', 'Enable a disabled account (admin)', 'enable', (actorId, person) =>
    setPersonDisabled(ctx, actorId, person, false),
  );

  app.delete(
    '/api/people/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Remove a person from the directory (admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      if (!request.actor) throw unauthorized();
      const person = await loadForAction(request.params.id);
      authorize(request.actor, {
        canSee: personPolicy.read(request.actor, person),
        canAct: personPolicy.delete(request.actor, person),
      });
      await deletePerson(ctx, request.actor.id, person);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/people/:id/history',
    {
      schema: {
        tags: ['directory'],
        summary: 'What changed on this person, by whom and when (admin or the person)',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(HistorySchema) }), ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthorized();
      const person = await loadForAction(request.params.id);
      authorize(request.actor, {
        canSee: personPolicy.read(request.actor, person),
        canAct: personPolicy.readHistory(request.actor, person),
      });
      return { items: await listHistory(ctx.db, 'person', person.id) };
    },
  );
}
