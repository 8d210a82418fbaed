import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { errors, IdParams, Paging } from '../../lib/schemas.ts';
import { isAdmin } from '../auth/actor.ts';
import { retryFailedJob } from './actions.ts';
import { listJobs } from './queries.ts';

const JobStateSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('running'),
  Type.Literal('done'),
  Type.Literal('failed'),
]);

const JobSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  state: JobStateSchema,
  runAt: Type.String(),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  lockedBy: Type.Union([Type.String(), Type.Null()]),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  payload: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  abilities: Type.Object({ retry: Type.Boolean() }),
});

const Counts = Type.Object({
  pending: Type.Integer(),
  running: Type.Integer(),
  done: Type.Integer(),
  failed: Type.Integer(),
});

const ScheduleSchema = Type.Object({
  name: Type.String(),
  cron: Type.String(),
  nextRunAt: Type.String(),
  lastRunAt: Type.Union([Type.String(), Type.Null()]),
});

/** The job queue, seen by admins: what waits, what runs, what failed and why; retry a failed job. */
export function registerJobRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/admin/jobs',
    {
      schema: {
        tags: ['admin'],
        summary: 'Background jobs, newest change first, with counts per state and the schedules (admin)',
        querystring: Type.Object(
          {
            state: Type.Optional(JobStateSchema),
            kind: Type.Optional(Type.String({ maxLength: 100 })),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(JobSchema),
            total: Type.Integer(),
            counts: Counts,
            schedules: Type.Array(ScheduleSchema),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => {
      authorize(request.actor, { canAct: isAdmin(request.actor) });
      const { limit = 50, offset = 0, state, kind } = request.query;
      const result = await listJobs(ctx.db, { state, kind, limit, offset });
      return {
        items: result.items.map((job) => ({
          id: job.id,
          kind: job.kind,
          state: job.state,
          runAt: job.run_at,
          attempts: job.attempts,
          maxAttempts: job.max_attempts,
          lockedBy: job.locked_by,
          lockedUntil: job.locked_until,
          lastError: job.last_error,
          payload: job.payload,
          createdAt: job.created_at,
          updatedAt: job.updated_at,
          finishedAt: job.finished_at,
          abilities: { retry: job.state === 'failed' },
        })),
        total: result.total,
        counts: result.counts,
        schedules: result.schedules.map((schedule) => ({
          name: schedule.name,
          cron: schedule.cron,
          nextRunAt: schedule.next_run_at,
          lastRunAt: schedule.last_run_at,
        })),
      };
    },
  );

  app.post(
    '/api/admin/jobs/:id/retry',
    {
      schema: {
        tags: ['admin'],
        summary: 'Send a failed job back to the queue with fresh attempts (admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, { canAct: isAdmin(request.actor) });
      await retryFailedJob(ctx, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
