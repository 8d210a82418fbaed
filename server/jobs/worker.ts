import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Cron } from 'croner';
import type { AppContext } from '../context.ts';
import type { Job } from '../db/schema.ts';
import { newId } from '../lib/tokens.ts';
import { claimJobs, completeJob, enqueueJob, extendLease, failJob, releaseExpiredLeases } from './queue.ts';

/** What a handler gets besides the context and the payload. */
export type JobRun = {
  job: Job;
  /** Long jobs (a campaign) push their lease further as they go; default: one more lease. */
  extendLease: (ms?: number) => Promise<void>;
  /** Aborted when the worker shuts down: stop taking new work, finish or leave what is in hand. */
  signal: AbortSignal;
};

export type JobDefinition = {
  kind: string;
  maxAttempts?: number;
  run: (ctx: AppContext, payload: Record<string, unknown>, run: JobRun) => Promise<void>;
};

/** A recurring job: cron expression (minute precision) in a time zone. */
export type ScheduleDefinition = {
  name: string;
  cron: string;
  timeZone: string;
  kind: string;
  payload?: Record<string, unknown>;
};

type Log = Pick<Console, 'info' | 'warn' | 'error'>;

export type WorkerOptions = {
  definitions: JobDefinition[];
  schedules: ScheduleDefinition[];
  /** Jobs run at the same time by this worker. */
  concurrency?: number;
  /** How long to wait between polls when there is nothing to do. */
  pollMs?: number;
  leaseMs?: number;
  log?: Log;
};

export type Worker = {
  id: string;
  /** Polls and runs jobs until stop(). */
  start: () => void;
  /** Stops claiming, waits for the jobs in hand (a handler sees its signal aborted). */
  stop: () => Promise<void>;
  /** Runs everything due now, schedules included, until nothing is left (tests, CLI). */
  runUntilIdle: () => Promise<number>;
};

export function nextRunOf(schedule: Pick<ScheduleDefinition, 'cron' | 'timeZone'>, after: Date): Date {
  const next = new Cron(schedule.cron, { timezone: schedule.timeZone, paused: true }).nextRun(after);
  if (!next) throw new Error(`Schedule "${schedule.cron}" never runs again`);
  return next;
}

/**
 * Enqueues the runs of recurring jobs that are due. The schedule row's next run is advanced by a
 * conditional update in the same transaction as the enqueue, so several workers enqueue each run
 * once. Runs missed while no worker was up collapse into one.
 */
export async function enqueueDueSchedules(ctx: AppContext, schedules: ScheduleDefinition[]): Promise<number> {
  const now = ctx.now();
  const at = now.toISOString();
  const rows = await ctx.db.selectFrom('job_schedules').selectAll().execute();
  const byName = new Map(rows.map((row) => [row.name, row]));
  let enqueued = 0;
  for (const schedule of schedules) {
    const row = byName.get(schedule.name);
    if (!row || row.cron !== schedule.cron) {
      const next = nextRunOf(schedule, now).toISOString();
      if (row) {
        await ctx.db
          .updateTable('job_schedules')
          .set({ cron: schedule.cron, next_run_at: next, updated_at: at })
          .where('name', '=', schedule.name)
          .execute();
      } else {
        await ctx.db
          .insertInto('job_schedules')
          .values({
            name: schedule.name,
            cron: schedule.cron,
            next_run_at: next,
            last_run_at: null,
            updated_at: at,
          })
          .onConflict((conflict) => conflict.column('name').doNothing())
          .execute();
      }
      continue;
    }
    if (row.next_run_at > at) continue;
    const claimed = await ctx.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('job_schedules')
        .set({
          next_run_at: nextRunOf(schedule, now).toISOString(),
          last_run_at: row.next_run_at,
          updated_at: at,
        })
        .where('name', '=', schedule.name)
        .where('next_run_at', '=', row.next_run_at)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await enqueueJob(trx, schedule.kind, { ...schedule.payload, scheduledFor: row.next_run_at }, { now });
      return true;
    });
    if (claimed) enqueued++;
  }
  return enqueued;
}

export function createWorker(ctx: AppContext, options: WorkerOptions): Worker {
  const id = `${os.hostname()}:${process.pid}:${newId().slice(-8)}`;
  const concurrency = options.concurrency ?? (ctx.dialect === 'sqlite' ? 1 : 4);
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const log = options.log ?? console;
  const definitions = new Map(options.definitions.map((definition) => [definition.kind, definition]));
  const kinds = [...definitions.keys()];
  const controller = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let loop: Promise<void> | null = null;

  async function execute(job: Job): Promise<void> {
    const definition = definitions.get(job.kind);
    const run: JobRun = {
      job,
      signal: controller.signal,
      extendLease: async (ms = leaseMs) => {
        await extendLease(ctx.db, job, new Date(ctx.now().getTime() + ms));
      },
    };
    try {
      if (!definition) throw new Error(`No handler for job kind "${job.kind}"`);
      await definition.run(ctx, job.payload, run);
      await completeJob(ctx.db, job, ctx.now());
    } catch (error) {
      const outcome = await failJob(ctx.db, job, error, ctx.now()).catch(() => 'unrecorded');
      log.warn(
        `job ${job.kind} ${job.id} attempt ${job.attempts}/${job.max_attempts} failed (${outcome}): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** One round: housekeeping, schedules, then claim what fits. Returns the jobs started. */
  async function round(): Promise<Promise<void>[]> {
    const now = ctx.now();
    await releaseExpiredLeases(ctx.db, now);
    await enqueueDueSchedules(ctx, options.schedules);
    const jobs = await claimJobs(ctx.db, ctx.dialect, {
      workerId: id,
      now,
      leaseMs,
      limit: concurrency - inFlight.size,
      kinds,
    });
    return jobs.map((job) => {
      const running = execute(job).finally(() => inFlight.delete(running));
      inFlight.add(running);
      return running;
    });
  }

  return {
    id,
    start() {
      if (loop) return;
      loop = (async () => {
        while (!controller.signal.aborted) {
          let started = 0;
          try {
            started = (await round()).length;
          } catch (error) {
            log.error(`job worker: ${error instanceof Error ? error.message : String(error)}`);
          }
          if (inFlight.size >= concurrency) await Promise.race(inFlight);
          else if (started === 0)
            await sleep(pollMs, undefined, { signal: controller.signal }).catch(() => {});
        }
      })();
    },
    async stop() {
      controller.abort();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
    async runUntilIdle() {
      let total = 0;
      for (;;) {
        const started = await round();
        if (started.length === 0 && inFlight.size === 0) return total;
        total += started.length;
        await Promise.all(started);
      }
    },
  };
}
