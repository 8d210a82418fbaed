import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { notFound } from '../../lib/errors.ts';
import { errors, IdParams, Paging } from '../../lib/schemas.ts';
import { isAdmin } from '../auth/actor.ts';

const MessageSummary = Type.Object({
  id: Type.String(),
  stream: Type.String(),
  from: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  createdAt: Type.String(),
});
const Message = Type.Object({
  ...MessageSummary.properties,
  text: Type.String(),
  html: Type.Union([Type.String(), Type.Null()]),
  headers: Type.Record(Type.String(), Type.String()),
});

/** Without SMTP_URL, mail is kept in the outbox; admins read it here. */
export function registerOutboxRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/outbox',
    {
      schema: {
        tags: ['admin'],
        summary: 'Mail stored in the outbox, newest first (admin)',
        querystring: Type.Object(
          { to: Type.Optional(Type.String({ maxLength: 254 })), ...Paging },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(MessageSummary), total: Type.Integer(), mode: Type.String() }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => {
      authorize(request.actor, { canAct: isAdmin(request.actor) });
      const { limit = 50, offset = 0, to } = request.query;
      let base = ctx.db.selectFrom('outbox_messages');
      if (to) base = base.where('to_address', '=', to.toLowerCase());
      const [rows, total] = await Promise.all([
        base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((row) => ({
          id: row.id,
          stream: row.stream,
          from: row.from_address,
          to: row.to_address,
          subject: row.subject,
          createdAt: row.created_at,
        })),
        total: Number(total.count),
        mode: ctx.mailer.kind,
      };
    },
  );

  app.get(
    '/api/outbox/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'One message of the outbox (admin)',
        params: IdParams,
        response: { 200: Message, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      authorize(request.actor, { canAct: isAdmin(request.actor) });
      const row = await ctx.db
        .selectFrom('outbox_messages')
        .selectAll()
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!row) throw notFound('Message');
      return {
        id: row.id,
        stream: row.stream,
        from: row.from_address,
        to: row.to_address,
        subject: row.subject,
        createdAt: row.created_at,
        text: row.text_body,
        html: row.html_body,
        headers: row.headers,
      };
    },
  );
}
