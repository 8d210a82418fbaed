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
 * How long this process trusts what it read about a session cookie or an API token (the person,
 * their roles, the expiry). Any state-changing request handled by this process forgets everything
 * it trusted (sign-out, password change, role change, disabling…), so here a revoked session stops
 * working at once; another process sees the change at most this late.
 */
export const actorCacheMs = 5_000;
const actorCacheSize = 10_000;

type CachedActor = {
  actor: Actor;
  /** performance.now() past which the entry is read again from the database */
  freshUntil: number;
  /** ISO expiry of the session (null for a token): checked against the app's clock on every use */
  expiresAt: string | null;
  /** last_seen_at of the session, last_used_at of the token */
  lastTouchedAt: string | null;
  rowId: string;
};

/** Session and token lookups of one process, as described at actorCacheMs. */
function makeActorCache() {
  const entries = new Map<string, CachedActor>();
  let generation = 0;
  return {
    get(key: string, nowIso: string): CachedActor | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.freshUntil < performance.now() || (entry.expiresAt !== null && entry.expiresAt <= nowIso)) {
        entries.delete(key);
        return undefined;
      }
      return entry;
    },
    /** Call before reading the database; the store is dropped if anything changed in between. */
    begin() {
      const started = generation;
      return (key: string, entry: CachedActor) => {
        if (started !== generation) return;
        if (entries.size >= actorCacheSize) entries.clear();
        entry.freshUntil = performance.now() + actorCacheMs;
        entries.set(key, entry);
      };
    },
    clear() {
      generation++;
      entries.clear();
    },
  };
}

/**
 * Resolves `request.actor` from the session cookie or a personal API token, and refuses
 * cookie-authenticated state changes that come from another site (CSRF).
 */
export function registerAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  const cache = makeActorCache();

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      const now = ctx.now();
      const key = `token:${bearer}`;
      let entry = cache.get(key, now.toISOString());
      if (!entry) {
        const store = cache.begin();
        const row = await findApiToken(ctx.db, bearer);
        if (!row) throw new HttpError(401, 'invalid_token', 'This API token is invalid or revoked');
        const { token_id, token_last_used_at, ...person } = row;
        entry = {
          actor: makeActor(person, await findGrants(ctx.db, person.id), 'token', null),
          expiresAt: null,
          lastTouchedAt: token_last_used_at,
          rowId: token_id,
          freshUntil: 0,
        };
        store(key, entry);
      }
      request.actor = entry.actor;
      if (!entry.lastTouchedAt || now.getTime() - Date.parse(entry.lastTouchedAt) > touchEveryMs / 60) {
        entry.lastTouchedAt = now.toISOString();
        await ctx.db
          .updateTable('api_tokens')
          .set({ last_used_at: entry.lastTouchedAt })
          .where('id', '=', entry.rowId)
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
    const nowIso = now.toISOString();
    const key = `session:${secret}`;
    let entry = cache.get(key, nowIso);
    if (!entry) {
      const store = cache.begin();
      const row = await findSession(ctx.db, secret, nowIso);
      if (!row) return;
      const { session_id, session_last_seen_at, session_expires_at, ...person } = row;
      entry = {
        actor: makeActor(person, await findGrants(ctx.db, person.id), 'session', session_id),
        expiresAt: session_expires_at,
        lastTouchedAt: session_last_seen_at,
        rowId: session_id,
        freshUntil: 0,
      };
      store(key, entry);
    }
    request.actor = entry.actor;
    if (now.getTime() - Date.parse(entry.lastTouchedAt!) > touchEveryMs) {
      entry.lastTouchedAt = nowIso;
      await ctx.db
        .updateTable('sessions')
        .set({ last_seen_at: nowIso })
        .where('id', '=', entry.rowId)
        .execute();
    }
  });

  // A state change may end sessions, revoke tokens or change roles: forget every lookup, before
  // the response lets the client send its next request.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (!safeMethods.has(request.method)) cache.clear();
    return payload;
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
