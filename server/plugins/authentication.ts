import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { type Actor, makeActor } from '../features/auth/actor.ts';
import { findApiToken, findGrants, findSession } from '../features/auth/queries.ts';
import { HttpError, unauthorized } from '../lib/errors.ts';

export const SESSION_COOKIE = 'relais_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Accept state-changing requests from other sites (RFC 8058 unsubscribe, public forms). */
    allowCrossSite?: boolean;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Write "last seen" at most this often, to keep reads read-only. */
const touchEveryMs = 60 * 60 * 1000;

/**
 * Resolves `request.actor` from the session cookie or a personal API token, and refuses
 * cookie-authenticated state changes that come from another site (CSRF).
 */
export function registerAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      const row = await findApiToken(ctx.db, bearer);
      if (!row) throw new HttpError(401, 'invalid_token', 'This API token is invalid or revoked');
      const { token_id, token_last_used_at, ...person } = row;
      request.actor = makeActor(person, await findGrants(ctx.db, person.id), 'token', null);
      const now = ctx.now();
      if (!token_last_used_at || now.getTime() - Date.parse(token_last_used_at) > touchEveryMs / 60) {
        await ctx.db
          .updateTable('api_tokens')
          .set({ last_used_at: now.toISOString() })
          .where('id', '=', token_id)
          .execute();
      }
      return;
    }
    if (!safeMethods.has(request.method) && !request.routeOptions.config?.allowCrossSite) {
      assertSameOrigin(request, ctx.config.publicUrl);
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (!secret) return;
    const now = ctx.now();
    const row = await findSession(ctx.db, secret, now.toISOString());
    if (!row) return;
    const { session_id, session_last_seen_at, ...person } = row;
    request.actor = makeActor(person, await findGrants(ctx.db, person.id), 'session', session_id);
    if (now.getTime() - Date.parse(session_last_seen_at) > touchEveryMs) {
      await ctx.db
        .updateTable('sessions')
        .set({ last_seen_at: now.toISOString() })
        .where('id', '=', session_id)
        .execute();
    }
  });
}

function assertSameOrigin(request: FastifyRequest, publicUrl: string): void {
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string' && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    throw new HttpError(403, 'cross_site', 'Cross-site requests are refused');
  }
  const origin = request.headers.origin;
  if (!origin) return;
  const allowed = new Set([new URL(publicUrl).origin, `${request.protocol}://${request.host}`]);
  if (!allowed.has(origin)) throw new HttpError(403, 'cross_site', 'Cross-site requests are refused');
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}
