import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { limits } from '../../../shared/limits.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { forbidden, invalid, notFound, unauthorized } from '../../lib/errors.ts';
import { errors, IdParams } from '../../lib/schemas.ts';
import type { Actor } from '../auth/actor.ts';
import { storyPolicy } from './policy.ts';
import { findStory, loadStoryRelations, storyFacts } from './queries.ts';
import { type RelayOutcome, recordRelayOutcome, relayStory } from './relay-actions.ts';

/** Relaying accepted stories to channels, and recording each channel's outcome. */
export function registerRelayRoutes(
  parent: FastifyInstance,
  ctx: AppContext,
  presentOne: (actor: Actor | null, id: string) => Promise<unknown>,
): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/stories/:id/relays',
    {
      schema: {
        tags: ['stories'],
        summary:
          'Relay an accepted story to one or more channels (cell; DR officers to their regional channels)',
        params: IdParams,
        body: Type.Object(
          {
            channelIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
              minItems: 1,
              maxItems: 20,
              uniqueItems: true,
            }),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('Story'), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthorized();
      const story = await findStory(ctx.db, request.params.id);
      if (!story) throw notFound('Story');
      const facts = storyFacts(story, await loadStoryRelations(ctx.db, [story.id]));
      if (!storyPolicy.read(request.actor, facts, ctx.now())) throw notFound('Story');
      const channels = await ctx.db
        .selectFrom('channels')
        .selectAll()
        .where('id', 'in', request.body.channelIds)
        .where('is_active', '=', true)
        .execute();
      if (channels.length !== request.body.channelIds.length)
        throw invalid({ channelIds: 'contains an unknown or inactive channel' });
      const refused = channels.filter((channel) => !storyPolicy.relay(request.actor, facts, channel));
      if (refused.length)
        throw forbidden(`You cannot relay to ${refused.map((channel) => channel.name_fr).join(', ')}`);
      await relayStory(ctx, request.actor.id, story, channels, request.body.note?.trim() ?? '');
      return presentOne(request.actor, story.id);
    },
  );

  const outcomes: Array<{ name: RelayOutcome; summary: string; body: ReturnType<typeof Type.Object> }> = [
    {
      name: 'sent',
      summary: 'Mark a relay as sent to the channel',
      body: Type.Object({}, { additionalProperties: false }),
    },
    {
      name: 'published',
      summary: 'Mark a relay as published, with its link and date',
      body: Type.Object(
        {
          url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: limits.url }),
          publishedOn: Type.Optional(
            Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' }),
          ),
        },
        { additionalProperties: false },
      ),
    },
    {
      name: 'not-taken',
      summary: 'Mark a relay as not taken by the channel, with the reason',
      body: Type.Object(
        { reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }) },
        { additionalProperties: false },
      ),
    },
  ];

  for (const outcome of outcomes) {
    app.post(
      `/api/relays/:id/${outcome.name}`,
      {
        preValidation: async (request) => {
          if (request.body === undefined) request.body = {} as never;
        },
        schema: {
          tags: ['stories'],
          summary: `${outcome.summary} (cell; Dircom for national channels; DR officers for their regional ones)`,
          params: IdParams,
          body: outcome.body,
          response: { 200: Type.Ref('Story'), ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        if (!request.actor) throw unauthorized();
        const relay = await ctx.db
          .selectFrom('relays')
          .selectAll()
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!relay) throw notFound('Relay');
        const story = await findStory(ctx.db, relay.story_id);
        if (!story) throw notFound('Relay');
        const facts = storyFacts(story, await loadStoryRelations(ctx.db, [story.id]));
        if (!storyPolicy.read(request.actor, facts, ctx.now())) throw notFound('Relay');
        const channel = await ctx.db
          .selectFrom('channels')
          .selectAll()
          .where('id', '=', relay.channel_id)
          .executeTakeFirstOrThrow();
        authorize(request.actor, { canAct: storyPolicy.recordOutcome(request.actor, channel) });
        const body = (request.body ?? {}) as { url?: string; publishedOn?: string; reason?: string };
        await recordRelayOutcome(
          ctx,
          request.actor.id,
          { id: relay.id, state: relay.state, story, channel },
          outcome.name,
          {
            url: body.url,
            publishedOn: body.publishedOn,
            reason: body.reason?.trim(),
          },
        );
        return presentOne(request.actor, story.id);
      },
    );
  }
}
