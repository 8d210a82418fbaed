import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../context.ts';
import { unauthorized } from '../../lib/errors.ts';
import { Email, errors, Password, TokenParams } from '../../lib/schemas.ts';
import { passwordResetMail } from '../../mail/templates.ts';
import { SESSION_COOKIE } from '../../plugins/authentication.ts';
import { loadDirectoryRefs } from '../labs/refs.ts';
import {
  changePassword,
  createAccountToken,
  loadAccountToken,
  setPasswordFromLink,
  signIn,
  signOut,
} from './actions.ts';
import { type Actor, makeActor } from './actor.ts';
import { presentMe } from './present.ts';
import { findActivePersonByEmail, findGrants } from './queries.ts';

export function registerAuthRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const isSecure = ctx.config.publicUrl.startsWith('https://');

  function setSessionCookie(reply: FastifyReply, secret: string, expiresAt: Date) {
    reply.setCookie(SESSION_COOKIE, secret, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: isSecure,
      expires: expiresAt,
    });
  }

  async function me(actor: Actor) {
    const refs = await loadDirectoryRefs(ctx.db, {
      labIds: [actor.person.lab_id, ...actor.grants.map((g) => g.labId)],
      delegationIds: actor.grants.map((g) => g.delegationId),
    });
    return presentMe(actor, refs);
  }

  async function meFor(personId: string) {
    const person = await ctx.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    return me(makeActor(person, await findGrants(ctx.db, person.id), 'session', null));
  }

  app.post(
    '/api/session',
    {
      schema: {
        tags: ['account'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: Type.Object(
          { email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('Me'), ...errors(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const session = await signIn(ctx, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      setSessionCookie(reply, session.secret, session.expiresAt);
      return meFor(session.personId);
    },
  );

  app.delete(
    '/api/session',
    { schema: { tags: ['account'], summary: 'Sign out', response: { 204: Type.Null() } } },
    async (request, reply) => {
      if (request.actor?.sessionId) await signOut(ctx, request.actor.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['account'],
        summary: 'The signed-in person and their abilities',
        response: { 200: Type.Ref('Me'), ...errors(401) },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthorized();
      return me(request.actor);
    },
  );

  app.put(
    '/api/me/password',
    {
      schema: {
        tags: ['account'],
        summary: 'Change my password (signs out my other devices)',
        body: Type.Object(
          { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errors(400, 401) },
      },
    },
    async (request, reply) => {
      if (!request.actor) throw unauthorized();
      await changePassword(ctx, {
        personId: request.actor.id,
        sessionId: request.actor.sessionId,
        ...request.body,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/password-resets',
    {
      schema: {
        tags: ['account'],
        summary: 'Email a password reset link (always answers 202, whether the account exists or not)',
        body: Type.Object({ email: Email }, { additionalProperties: false }),
        response: { 202: Type.Object({ status: Type.String() }), ...errors(400) },
      },
    },
    async (request, reply) => {
      const person = await findActivePersonByEmail(ctx.db, request.body.email);
      if (person?.account_status === 'active') {
        const hourAgo = new Date(ctx.now().getTime() - 3600_000).toISOString();
        const recent = await ctx.db
          .selectFrom('account_tokens')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('person_id', '=', person.id)
          .where('purpose', '=', 'password_reset')
          .where('created_at', '>', hourAgo)
          .executeTakeFirstOrThrow();
        if (Number(recent.count) < 3) {
          const secret = await createAccountToken(ctx, ctx.db, {
            personId: person.id,
            purpose: 'password_reset',
            createdBy: null,
          });
          await ctx.mailer.send({
            to: person.email,
            stream: 'transactional',
            ...passwordResetMail({
              locale: person.locale,
              firstName: person.first_name,
              link: `${ctx.config.publicUrl}/reset/${secret}`,
            }),
          });
        }
      }
      return reply.status(202).send({ status: 'sent_if_known' });
    },
  );

  const LinkInfo = Type.Object({ email: Type.String(), firstName: Type.String(), lastName: Type.String() });
  for (const [path, purpose] of [
    ['password-resets', 'password_reset'],
    ['invitations', 'invitation'],
  ] as const) {
    app.get(
      `/api/${path}/:token`,
      {
        schema: {
          tags: ['account'],
          summary: purpose === 'invitation' ? 'Check an invitation link' : 'Check a password reset link',
          params: TokenParams,
          response: { 200: LinkInfo, ...errors(400, 404, 410) },
        },
      },
      async (request) => {
        const token = await loadAccountToken(ctx, request.params.token, purpose);
        return { email: token.email, firstName: token.first_name, lastName: token.last_name };
      },
    );
    app.post(
      `/api/${path}/:token`,
      {
        schema: {
          tags: ['account'],
          summary:
            purpose === 'invitation'
              ? 'Accept an invitation: choose a password, activate the account, sign in'
              : 'Choose a new password from a reset link, and sign in',
          params: TokenParams,
          body: Type.Object({ password: Password }, { additionalProperties: false }),
          response: { 200: Type.Ref('Me'), ...errors(400, 404, 410) },
        },
      },
      async (request, reply) => {
        const session = await setPasswordFromLink(ctx, {
          secret: request.params.token,
          purpose,
          password: request.body.password,
          userAgent: request.headers['user-agent'] ?? '',
        });
        setSessionCookie(reply, session.secret, session.expiresAt);
        return meFor(session.personId);
      },
    );
  }
}
