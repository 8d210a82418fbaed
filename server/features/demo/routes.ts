import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { listDemoAccounts } from './seed.ts';

/** Demo-only routes: registered only when demo mode is on, so they 404 otherwise. */
export function registerDemoRoutes(app: FastifyInstance, ctx: AppContext): void {
  if (!ctx.config.isDemo) return;
  app.get(
    '/api/demo/accounts',
    {
      schema: {
        tags: ['demo'],
        summary: 'The demo accounts, one per role (demo mode only)',
        response: {
          200: Type.Array(
            Type.Object({
              email: Type.String(),
              password: Type.String(),
              name: Type.String(),
              roles: Type.Array(Type.String()),
              lab: Type.Union([Type.String(), Type.Null()]),
              label: Type.Object({ fr: Type.String(), en: Type.String() }),
            }),
          ),
        },
      },
    },
    async () => listDemoAccounts(ctx.db),
  );
}
