import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { limits } from '../../../shared/limits.ts';
import { relayStates, type StoryTransition, storyKinds, storyStates } from '../../../shared/stories.ts';
import type { AppContext } from '../../context.ts';
import type { Story } from '../../db/schema.ts';
import { authorize } from '../../lib/authorize.ts';
import { isTimeZone } from '../../lib/dates.ts';
import { invalid, notFound, unauthorized } from '../../lib/errors.ts';
import { Email, errors, IdParams, Name, Paging } from '../../lib/schemas.ts';
import type { Actor } from '../auth/actor.ts';
import { HistorySchema, listHistory } from '../history/queries.ts';
import { createStory, deleteStory, transitionStory, updateStory } from './actions.ts';
import { type StoryFacts, storyAbilities, storyPolicy } from './policy.ts';
import { presentStory } from './present.ts';
import { findStoryWithRelations, type StoryRelations, storyFacts } from './queries.ts';
import { registerRelayRoutes } from './relay-routes.ts';
import { listStories } from './search.ts';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
const DateText = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });
const Tag = Type.String({ minLength: 1, maxLength: 80 });
const storyFields = {
  kind: literals(storyKinds),
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  summary: Type.Optional(Type.String({ maxLength: 600 })),
  bodyHtml: Type.Optional(Type.String({ maxLength: 100_000 })),
  eventDate: Type.Optional(Type.Union([DateText, Type.Null()])),
  eventEndDate: Type.Optional(Type.Union([DateText, Type.Null()])),
  labIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
    minItems: 1,
    maxItems: 20,
    uniqueItems: true,
  }),
  themes: Type.Optional(Type.Array(Tag, { maxItems: limits.listItems })),
  projects: Type.Optional(Type.Array(Tag, { maxItems: limits.listItems })),
  researchers: Type.Optional(
    Type.Array(
      Type.Object(
        { name: Name, email: Type.Union([Email, Type.Literal('')]) },
        { additionalProperties: false },
      ),
      { maxItems: 30 },
    ),
  ),
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
  proposedChannels: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20, uniqueItems: true }),
  ),
  embargo: Type.Optional(
    Type.Union([
      Type.Object(
        {
          date: DateText,
          time: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
          timeZone: Type.String({ minLength: 1, maxLength: 64 }),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
  ),
};

const transitions: Array<{ name: StoryTransition; summary: string; needsMessage: boolean }> = [
  { name: 'submit', summary: 'Submit the story to the cell (lab side)', needsMessage: false },
  { name: 'review', summary: 'Take the story in review (cell)', needsMessage: false },
  { name: 'request-changes', summary: 'Ask the lab for changes, saying what (cell)', needsMessage: true },
  { name: 'accept', summary: 'Accept the story (cell)', needsMessage: false },
  { name: 'decline', summary: 'Decline the story, with a reason (cell)', needsMessage: true },
];
const policyOf = {
  submit: storyPolicy.submit,
  review: storyPolicy.review,
  'request-changes': storyPolicy.requestChanges,
  accept: storyPolicy.accept,
  decline: storyPolicy.decline,
} satisfies Record<StoryTransition, (actor: Actor | null, story: StoryFacts) => boolean>;

export function registerStoryRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  function present(
    actor: Actor | null,
    stories: Array<Omit<Story, 'body_html' | 'body_text'> & { body_html?: string; excerpt?: string | null }>,
    relations: StoryRelations,
    withBody: boolean,
  ) {
    const now = ctx.now();
    return stories.map((story) =>
      presentStory(actor, story, storyFacts(story, relations), relations, relations.authors, now, {
        withBody,
      }),
    );
  }

  /** The story if this person may read it — otherwise 404, so its existence does not leak. */
  async function loadReadable(actor: Actor | null, id: string) {
    const found = await findStoryWithRelations(ctx.db, id);
    if (!found) throw notFound('Story');
    const { story, relations } = found;
    const facts = storyFacts(story, relations);
    if (!storyPolicy.read(actor, facts, ctx.now())) throw actor ? notFound('Story') : unauthorized();
    return { story, facts, relations };
  }

  async function presentOne(actor: Actor | null, id: string) {
    const { story, relations } = (await findStoryWithRelations(ctx.db, id))!;
    return present(actor, [story], relations, true)[0]!;
  }

  function assertTimeZone(body: { embargo?: { timeZone: string } | null | undefined }) {
    if (body.embargo && !isTimeZone(body.embargo.timeZone))
      throw invalid({ 'embargo.timeZone': 'is not a known time zone' });
  }

  app.get(
    '/api/stories',
    {
      schema: {
        tags: ['stories'],
        summary: 'Stories this person may see: filters, full-text search (ranked, with excerpts), paging',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: limits.query })),
            state: Type.Optional(Type.Array(literals(storyStates), { maxItems: 6 })),
            lab: Type.Optional(Type.String({ maxLength: 64 })),
            delegation: Type.Optional(Type.String({ maxLength: 64 })),
            kind: Type.Optional(literals(storyKinds)),
            theme: Type.Optional(Type.String({ maxLength: 80 })),
            mine: Type.Optional(Type.Boolean()),
            relayScope: Type.Optional(literals(['institute', 'national', 'regional', 'other'] as const)),
            relayState: Type.Optional(Type.Array(literals(relayStates), { maxItems: 4 })),
            sort: Type.Optional(literals(['recent', 'waiting', 'relevance'] as const)),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('Story')),
            total: Type.Integer({ description: 'at most 1,000: see isTotalCapped' }),
            isTotalCapped: Type.Boolean(),
          }),
          ...errors(400, 401),
        },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthorized();
      const { limit = 50, offset = 0, ...options } = request.query;
      const { rows, relations, total, isTotalCapped } = await listStories(
        ctx.db,
        ctx.dialect,
        request.actor,
        ctx.now().toISOString(),
        {
          ...options,
          limit,
          offset,
        },
      );
      return { items: present(request.actor, rows, relations, false), total, isTotalCapped };
    },
  );

  app.post(
    '/api/stories',
    {
      schema: {
        tags: ['stories'],
        summary: 'Start a story (a draft) for one or more labs; the first lab is the originating one',
        body: Type.Object(
          { ...storyFields, tipId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Ref('Story'), ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, { canAct: storyPolicy.create(request.actor, request.body.labIds[0]!) });
      assertTimeZone(request.body);
      const id = await createStory(ctx, request.actor.id, request.body);
      return reply.status(201).send(await presentOne(request.actor, id));
    },
  );

  app.get(
    '/api/stories/:id',
    {
      schema: {
        tags: ['stories'],
        summary: 'One story, with its body, labs and relays',
        params: IdParams,
        response: { 200: Type.Ref('Story'), ...errors(401, 404) },
      },
    },
    async (request) => {
      const { story, relations } = await loadReadable(request.actor, request.params.id);
      return present(request.actor, [story], relations, true)[0]!;
    },
  );

  app.patch(
    '/api/stories/:id',
    {
      schema: {
        tags: ['stories'],
        summary: 'Edit a story (lab side while draft or changes requested; the cell while reviewing)',
        params: IdParams,
        body: Type.Partial(Type.Object(storyFields), { additionalProperties: false, minProperties: 1 }),
        response: { 200: Type.Ref('Story'), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { story, facts } = await loadReadable(request.actor, request.params.id);
      authorize(request.actor, { canAct: storyPolicy.update(request.actor, facts) });
      assertTimeZone(request.body);
      if (request.body.labIds && !storyPolicy.create(request.actor, request.body.labIds[0]!)) {
        throw invalid({ labIds: 'the first lab must be one you write for' });
      }
      await updateStory(ctx, request.actor.id, story, request.body);
      return presentOne(request.actor, story.id);
    },
  );

  app.delete(
    '/api/stories/:id',
    {
      schema: {
        tags: ['stories'],
        summary: 'Delete a draft (lab side)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { story, facts } = await loadReadable(request.actor, request.params.id);
      authorize(request.actor, { canAct: storyPolicy.delete(request.actor, facts) });
      await deleteStory(ctx, request.actor.id, story);
      return reply.status(204).send(null);
    },
  );

  for (const transition of transitions) {
    app.post(
      `/api/stories/:id/${transition.name}`,
      {
        // These actions may be posted without a body.
        preValidation: async (request) => {
          if (request.body === undefined) request.body = {} as never;
        },
        schema: {
          tags: ['stories'],
          summary: transition.summary,
          params: IdParams,
          body: transition.needsMessage
            ? Type.Object(
                { message: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }) },
                { additionalProperties: false },
              )
            : Type.Object(
                { message: Type.Optional(Type.String({ maxLength: 2000 })) },
                { additionalProperties: false },
              ),
          response: { 200: Type.Ref('Story'), ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { story, facts } = await loadReadable(request.actor, request.params.id);
        authorize(request.actor, { canAct: policyOf[transition.name](request.actor, facts) });
        const message = (request.body as { message?: string } | undefined)?.message?.trim() ?? '';
        await transitionStory(ctx, request.actor.id, story, transition.name, message);
        return presentOne(request.actor, story.id);
      },
    );
  }

  app.get(
    '/api/stories/:id/history',
    {
      schema: {
        tags: ['stories'],
        summary: 'Who changed what on this story, and when',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(HistorySchema) }), ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const { story, facts } = await loadReadable(request.actor, request.params.id);
      authorize(request.actor, { canAct: storyAbilities(request.actor, facts, ctx.now()).readHistory });
      return { items: await listHistory(ctx.db, 'story', story.id) };
    },
  );

  registerRelayRoutes(parent, ctx, presentOne);
}
