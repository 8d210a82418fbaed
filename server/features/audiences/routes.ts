import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { campaignLimits, memberStates } from '../../../shared/campaigns.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { notFound, unauthorized } from '../../lib/errors.ts';
import { Email, errors, IdParams, Page, Paging } from '../../lib/schemas.ts';
import type { Actor } from '../auth/actor.ts';
import { addSubscriber, createList, deleteList, importCsv, removeSubscriber, updateList } from './actions.ts';
import { csvCell, normaliseEmail } from './csv.ts';
import { audiencePolicy } from './policy.ts';
import { ListSchema, presentList, presentSubscriber, SubscriberSchema } from './present.ts';
import { countMembers, findList, listLists, listSubscribers, listsInUse } from './queries.ts';
import { registerSuppressionRoutes } from './suppression-routes.ts';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
const ListName = Type.String({ minLength: 1, maxLength: campaignLimits.listName, pattern: '\\S' });
const PersonText = Type.String({ maxLength: 120 });
const MemberParams = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    contactId: Type.String({ minLength: 1, maxLength: 64 }),
  },
  { additionalProperties: false },
);
const ImportReportSchema = Type.Object({
  totalRows: Type.Integer(),
  validRows: Type.Integer(),
  toAdd: Type.Integer(),
  added: Type.Integer(),
  alreadySubscribed: Type.Integer(),
  unsubscribed: Type.Integer(),
  suppressed: Type.Integer(),
  invalid: Type.Array(Type.Object({ line: Type.Integer(), value: Type.String(), reason: Type.String() })),
  duplicates: Type.Array(
    Type.Object({ line: Type.Integer(), email: Type.String(), firstLine: Type.Integer() }),
  ),
  invalidCount: Type.Integer(),
  duplicateCount: Type.Integer(),
  sample: Type.Array(
    Type.Object({
      line: Type.Integer(),
      email: Type.String(),
      firstName: Type.String(),
      lastName: Type.String(),
      organisation: Type.String(),
    }),
  ),
  hasHeader: Type.Boolean(),
  committed: Type.Boolean(),
});

/** Subscriber lists, their members, CSV import and export (cell, admins). */
export function registerAudienceRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['audiences'];

  /** The list if this person may see it — 404 otherwise, 401 when nobody is signed in. */
  async function loadList(actor: Actor | null, id: string) {
    if (!actor) throw unauthorized();
    const list = await findList(ctx.db, id);
    if (!list || list.deleted_at !== null || !audiencePolicy.read(actor)) throw notFound('List');
    return list;
  }

  async function presentOne(actor: Actor, id: string) {
    const list = (await findList(ctx.db, id))!;
    const counts = (await countMembers(ctx.db, [id])).get(id)!;
    return presentList(actor, list, counts, (await listsInUse(ctx.db, [id])).has(id));
  }

  app.get(
    '/api/lists',
    {
      schema: {
        tags,
        summary: 'Subscriber lists, with their counts (cell, admin)',
        response: { 200: Type.Object({ items: Type.Array(ListSchema) }), ...errors(401, 403) },
      },
    },
    async (request) => {
      authorize(request.actor, { canAct: audiencePolicy.read(request.actor) });
      const lists = await listLists(ctx.db);
      const ids = lists.map((list) => list.id);
      const [counts, used] = await Promise.all([countMembers(ctx.db, ids), listsInUse(ctx.db, ids)]);
      return {
        items: lists.map((list) => presentList(request.actor, list, counts.get(list.id)!, used.has(list.id))),
      };
    },
  );

  app.post(
    '/api/lists',
    {
      schema: {
        tags,
        summary: 'Create a list (cell, admin)',
        body: Type.Object(
          {
            name: ListName,
            description: Type.Optional(Type.String({ maxLength: 1000 })),
            isPublic: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: ListSchema, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, { canAct: audiencePolicy.createList(request.actor) });
      const id = await createList(ctx, request.actor, request.body);
      return reply.status(201).send(await presentOne(request.actor, id));
    },
  );

  app.get(
    '/api/lists/:id',
    {
      schema: {
        tags,
        summary: 'One list',
        params: IdParams,
        response: { 200: ListSchema, ...errors(401, 404) },
      },
    },
    async (request) => {
      const list = await loadList(request.actor, request.params.id);
      return presentOne(request.actor!, list.id);
    },
  );

  app.patch(
    '/api/lists/:id',
    {
      schema: {
        tags,
        summary: 'Rename a list, describe it, offer it on the public page or not',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(ListName),
            description: Type.Optional(Type.String({ maxLength: 1000 })),
            isPublic: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ListSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const list = await loadList(request.actor, request.params.id);
      authorize(request.actor, { canAct: audiencePolicy.updateList(request.actor, list) });
      await updateList(ctx, request.actor, list, request.body);
      return presentOne(request.actor, list.id);
    },
  );

  app.delete(
    '/api/lists/:id',
    {
      schema: {
        tags,
        summary: 'Delete a list no unsent campaign uses',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const list = await loadList(request.actor, request.params.id);
      const isInUse = (await listsInUse(ctx.db, [list.id])).has(list.id);
      authorize(request.actor, { canAct: audiencePolicy.deleteList(request.actor, list, isInUse) });
      await deleteList(ctx, request.actor, list);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/lists/:id/subscribers',
    {
      schema: {
        tags,
        summary: 'Members of a list, by address',
        params: IdParams,
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 200 })),
            state: Type.Optional(literals(memberStates)),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(SubscriberSchema), ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const list = await loadList(request.actor, request.params.id);
      const { q, state, limit = 50, offset = 0 } = request.query;
      const page = await listSubscribers(ctx.db, list.id, { q, state, limit, offset });
      const canManage = audiencePolicy.manageSubscribers(request.actor, list);
      return { items: page.items.map((row) => presentSubscriber(row, canManage)), total: page.total };
    },
  );

  app.post(
    '/api/lists/:id/subscribers',
    {
      schema: {
        tags,
        summary: 'Add someone to a list (subscribed at once: the cell vouches for the consent)',
        params: IdParams,
        body: Type.Object(
          {
            email: Email,
            firstName: Type.Optional(PersonText),
            lastName: Type.Optional(PersonText),
            organisation: Type.Optional(PersonText),
          },
          { additionalProperties: false },
        ),
        response: { 201: SubscriberSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const list = await loadList(request.actor, request.params.id);
      authorize(request.actor, { canAct: audiencePolicy.manageSubscribers(request.actor, list) });
      const email = normaliseEmail(request.body.email);
      const contactId = await addSubscriber(ctx, request.actor, list, { ...request.body, email });
      const page = await listSubscribers(ctx.db, list.id, { q: email, limit: 50, offset: 0 });
      const row = page.items.find((item) => item.id === contactId)!;
      return reply.status(201).send(presentSubscriber(row, true));
    },
  );

  app.delete(
    '/api/lists/:id/subscribers/:contactId',
    {
      schema: {
        tags,
        summary: 'Remove someone from a list',
        params: MemberParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const list = await loadList(request.actor, request.params.id);
      authorize(request.actor, { canAct: audiencePolicy.manageSubscribers(request.actor, list) });
      if (!(await removeSubscriber(ctx, request.actor, list, request.params.contactId)))
        throw notFound('Subscriber');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/lists/:id/import',
    {
      schema: {
        tags,
        summary: 'Import a CSV of contacts: preview (commit false) reports, commit adds',
        description:
          'Columns are found by their header (email/courriel, prénom/first name, nom/last name, organisation/média) or, without a header, the column holding @ is the address. Delimiter , ; or tab. Duplicates and invalid addresses are reported with their line; people who unsubscribed stay unsubscribed; suppressed addresses are imported but never mailed.',
        params: IdParams,
        body: Type.Object(
          { csv: Type.String({ minLength: 1, maxLength: campaignLimits.csv }), commit: Type.Boolean() },
          { additionalProperties: false },
        ),
        response: { 200: ImportReportSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const list = await loadList(request.actor, request.params.id);
      authorize(request.actor, { canAct: audiencePolicy.manageSubscribers(request.actor, list) });
      return importCsv(ctx, request.actor, list, request.body.csv, request.body.commit);
    },
  );

  app.get(
    '/api/lists/:id/export',
    {
      schema: {
        tags,
        summary: 'The list as CSV (UTF-8, ; delimited, for spreadsheets)',
        params: IdParams,
        querystring: Type.Object(
          { state: Type.Optional(literals(memberStates)) },
          { additionalProperties: false },
        ),
        response: { 200: Type.String({ description: 'text/csv' }), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const list = await loadList(request.actor, request.params.id);
      authorize(request.actor, { canAct: audiencePolicy.export(request.actor) });
      const lines = ['email;first_name;last_name;organisation;state;source;subscribed_at'];
      for (let offset = 0; ; offset += 1000) {
        const page = await listSubscribers(ctx.db, list.id, {
          state: request.query.state,
          limit: 1000,
          offset,
        });
        for (const row of page.items) {
          lines.push(
            [
              row.email,
              row.first_name,
              row.last_name,
              row.organisation,
              row.state,
              row.source,
              row.subscribed_at ?? '',
            ]
              .map(csvCell)
              .join(';'),
          );
        }
        if (page.items.length < 1000) break;
      }
      const filename = `${list.name.replace(/[^\w-]+/g, '-').slice(0, 60) || 'list'}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(`\uFEFF${lines.join('\r\n')}\r\n`);
    },
  );

  registerSuppressionRoutes(app, ctx);
}
