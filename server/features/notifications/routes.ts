import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { unauthorized } from '../../lib/errors.ts';
import { errors } from '../../lib/schemas.ts';

const NotificationSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  storyId: Type.Union([Type.String(), Type.Null()]),
  actor: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});

/** The bell: my notifications, the unread count, marking read. */
export function registerNotificationRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['account'],
        summary: 'My notifications, newest first, and how many are unread',
        querystring: Type.Object(
          {
            unread: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(NotificationSchema), unreadCount: Type.Integer() }),
          ...errors(400, 401),
        },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (!actor) throw unauthorized();
      let query = ctx.db
        .selectFrom('notifications')
        .leftJoin('people', 'people.id', 'notifications.actor_id')
        .select([
          'notifications.id',
          'notifications.kind',
          'notifications.story_id',
          'notifications.actor_id',
          'notifications.data',
          'notifications.created_at',
          'notifications.read_at',
          'people.first_name',
          'people.last_name',
        ])
        .where('notifications.recipient_id', '=', actor.id);
      if (request.query.unread) query = query.where('notifications.read_at', 'is', null);
      const [rows, unread] = await Promise.all([
        query
          .orderBy('notifications.created_at', 'desc')
          .orderBy('notifications.id', 'desc')
          .limit(request.query.limit ?? 30)
          .execute(),
        ctx.db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('recipient_id', '=', actor.id)
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          storyId: row.story_id,
          actor: row.actor_id
            ? { id: row.actor_id, name: `${row.first_name ?? ''} ${row.last_name ?? ''}`.trim() }
            : null,
          data: row.data,
          createdAt: row.created_at,
          readAt: row.read_at,
        })),
        unreadCount: Number(unread.count),
      };
    },
  );

  app.post(
    '/api/notifications/read',
    {
      preValidation: async (request) => {
        if (request.body === undefined) request.body = {} as never;
      },
      schema: {
        tags: ['account'],
        summary: 'Mark some (ids) or all of my notifications read',
        body: Type.Object(
          { ids: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 200 })) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errors(400, 401) },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!actor) throw unauthorized();
      let update = ctx.db
        .updateTable('notifications')
        .set({ read_at: ctx.now().toISOString() })
        .where('recipient_id', '=', actor.id)
        .where('read_at', 'is', null);
      if (request.body.ids) {
        if (request.body.ids.length === 0) return reply.status(204).send(null);
        update = update.where('id', 'in', request.body.ids);
      }
      await update.execute();
      return reply.status(204).send(null);
    },
  );
}
