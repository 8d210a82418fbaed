import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { notFound, unauthorized } from '../../lib/errors.ts';
import { errors, IdParams } from '../../lib/schemas.ts';
import { newId } from '../../lib/tokens.ts';
import { type Actor, hasRole } from '../auth/actor.ts';
import { recordEvent } from '../history/record.ts';
import { notifyAboutStory } from '../notifications/notify.ts';
import { audienceOf } from '../stories/actions.ts';
import { storyAbilities, storyPolicy } from '../stories/policy.ts';
import { findStory, loadStoryRelations, storyFacts } from '../stories/queries.ts';

const CommentSchema = Type.Object({
  id: Type.String(),
  body: Type.String(),
  author: Type.Object({ id: Type.String(), name: Type.String() }),
  mentions: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  createdAt: Type.String(),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});

/** Comments on a story, with @mentions, for those who handle it and the DR officers of its labs. */
export function registerCommentRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  async function loadStory(actor: Actor | null, id: string) {
    if (!actor) throw unauthorized();
    const story = await findStory(ctx.db, id);
    if (!story) throw notFound('Story');
    const facts = storyFacts(story, await loadStoryRelations(ctx.db, [story.id]));
    if (!storyPolicy.read(actor, facts, ctx.now())) throw notFound('Story');
    return { story, facts };
  }

  async function list(actor: Actor, storyId: string) {
    const rows = await ctx.db
      .selectFrom('comments')
      .innerJoin('people', 'people.id', 'comments.author_id')
      .select([
        'comments.id',
        'comments.body',
        'comments.mentions',
        'comments.created_at',
        'comments.author_id',
        'people.first_name',
        'people.last_name',
      ])
      .where('comments.story_id', '=', storyId)
      .where('comments.deleted_at', 'is', null)
      .orderBy('comments.created_at')
      .orderBy('comments.id')
      .execute();
    const mentionIds = [...new Set(rows.flatMap((row) => row.mentions))];
    const mentioned = mentionIds.length
      ? await ctx.db
          .selectFrom('people')
          .select(['id', 'first_name', 'last_name'])
          .where('id', 'in', mentionIds)
          .execute()
      : [];
    const names = new Map(mentioned.map((person) => [person.id, `${person.first_name} ${person.last_name}`]));
    return rows.map((row) => ({
      id: row.id,
      body: row.body,
      author: { id: row.author_id, name: `${row.first_name} ${row.last_name}` },
      mentions: row.mentions.map((id) => ({ id, name: names.get(id) ?? '' })),
      createdAt: row.created_at,
      abilities: { delete: row.author_id === actor.id || hasRole(actor, 'cell') },
    }));
  }

  app.get(
    '/api/stories/:id/comments',
    {
      schema: {
        tags: ['stories'],
        summary: 'Comments on a story, oldest first',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(CommentSchema) }), ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const { story, facts } = await loadStory(request.actor, request.params.id);
      authorize(request.actor, { canAct: storyAbilities(request.actor, facts, ctx.now()).readHistory });
      return { items: await list(request.actor, story.id) };
    },
  );

  app.post(
    '/api/stories/:id/comments',
    {
      schema: {
        tags: ['stories'],
        summary: 'Comment on a story; mentioned people (by id) are notified',
        params: IdParams,
        body: Type.Object(
          {
            body: Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' }),
            mentionIds: Type.Optional(
              Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20, uniqueItems: true }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ items: Type.Array(CommentSchema) }), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { story, facts } = await loadStory(request.actor, request.params.id);
      authorize(request.actor, { canAct: storyPolicy.comment(request.actor, facts, ctx.now()) });
      const actor = request.actor;
      const at = ctx.now().toISOString();
      const mentionIds = request.body.mentionIds ?? [];
      await ctx.db.transaction().execute(async (trx) => {
        const id = newId();
        await trx
          .insertInto('comments')
          .values({
            id,
            story_id: story.id,
            author_id: actor.id,
            body: request.body.body.trim(),
            mentions: JSON.stringify(mentionIds),
            created_at: at,
            updated_at: at,
            deleted_at: null,
          })
          .execute();
        await recordEvent(trx, {
          actorId: actor.id,
          subjectType: 'story',
          subjectId: story.id,
          action: 'commented',
          data: { commentId: id },
          at,
        });
        const excerpt = request.body.body.trim().slice(0, 300);
        const story_ = { ...facts, title: story.title };
        // Mentioned people who may not read the story are silently skipped by the notifier.
        const mentions = await notifyAboutStory(trx, {
          recipientIds: mentionIds,
          kind: 'mention',
          story: story_,
          actorId: actor.id,
          data: { message: excerpt },
          at,
          now: ctx.now(),
        });
        const participants = (await audienceOf(trx, facts, 'comment')).filter(
          (personId) => !mentionIds.includes(personId),
        );
        const others = await notifyAboutStory(trx, {
          recipientIds: participants,
          kind: 'comment',
          story: story_,
          actorId: actor.id,
          data: { message: excerpt },
          at,
          now: ctx.now(),
        });
        return [...mentions, ...others];
      });
      return reply.status(201).send({ items: await list(actor, story.id) });
    },
  );

  app.delete(
    '/api/comments/:id',
    {
      schema: {
        tags: ['stories'],
        summary: 'Delete a comment (its author or the cell)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      if (!request.actor) throw unauthorized();
      const comment = await ctx.db
        .selectFrom('comments')
        .selectAll()
        .where('id', '=', request.params.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!comment) throw notFound('Comment');
      await loadStory(request.actor, comment.story_id);
      authorize(request.actor, {
        canAct: comment.author_id === request.actor.id || hasRole(request.actor, 'cell'),
      });
      const actorId = request.actor.id;
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await trx.updateTable('comments').set({ deleted_at: at }).where('id', '=', comment.id).execute();
        await recordEvent(trx, {
          actorId,
          subjectType: 'story',
          subjectId: comment.story_id,
          action: 'comment_deleted',
          data: { commentId: comment.id },
          at,
        });
      });
      return reply.status(204).send(null);
    },
  );
}
