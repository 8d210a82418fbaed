import { sql } from 'kysely';
import type { Db, Dialect } from '../db/connection.ts';
import type { Job } from '../db/schema.ts';
import { newId } from '../lib/tokens.ts';

/**
 * The durable job queue, in the database (both dialects). Jobs are enqueued inside the transaction
 * of the action that causes them, so a rolled-back action leaves no job and a committed one never
 * loses its job. Workers claim due jobs with a lease (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so
 * several workers never claim the same job; SQLite serialises writers, run one worker there).
 * A job whose lease expired (its worker died) is claimable again: handlers must be idempotent, and
 * those that send mail keep their own per-recipient ledger (see request reminders).
 */

export type EnqueueOptions = {
  /** The caller's clock (ctx.now()). */
  now: Date;
  /** When the job becomes due; default: now. */
  runAt?: Date;
  /**
   * Deduplication: a second job with the same key is ignored, even after the first one ran (as long
   * as finished jobs are kept: 30 days). Exactly-once effects need their own ledger on top.
   */
  key?: string;
  maxAttempts?: number;
};

const defaultMaxAttempts = 8;

/** Enqueues a job; returns false when a job with the same key already exists. */
export async function enqueueJob(
  db: Db,
  kind: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions,
): Promise<boolean> {
  const at = options.now.toISOString();
  const result = await db
    .insertInto('jobs')
    .values({
      id: newId(),
      kind,
      payload: JSON.stringify(payload),
      dedupe_key: options.key ?? null,
      state: 'pending',
      run_at: (options.runAt ?? options.now).toISOString(),
      attempts: 0,
      max_attempts: options.maxAttempts ?? defaultMaxAttempts,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: at,
      updated_at: at,
      finished_at: null,
    })
    .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Claims up to `limit` due jobs for this worker, each with a lease until `now + leaseMs`. */
export async function claimJobs(
  db: Db,
  dialect: Dialect,
  input: { workerId: string; now: Date; leaseMs: number; limit: number; kinds: string[] },
): Promise<Job[]> {
  if (input.limit <= 0 || input.kinds.length === 0) return [];
  const now = input.now.toISOString();
  const lockedUntil = new Date(input.now.getTime() + input.leaseMs).toISOString();
  const due = (qb: Db) =>
    qb
      .selectFrom('jobs')
      .select('id')
      .where('state', '=', 'pending')
      .where('run_at', '<=', now)
      .where('kind', 'in', input.kinds)
      .orderBy('run_at')
      .orderBy('id')
      .limit(input.limit);
  const claim = {
    state: 'running' as const,
    locked_by: input.workerId,
    locked_until: lockedUntil,
    updated_at: now,
  };
  if (dialect === 'postgres') {
    // A CTE, not `id in (subquery)`: PostgreSQL may run such a subquery more than once and
    // claim more rows than the limit.
    return db
      .with('due', (qb) =>
        due(qb as unknown as Db)
          .forUpdate()
          .skipLocked(),
      )
      .updateTable('jobs')
      .from('due')
      .set((eb) => ({ ...claim, attempts: eb('jobs.attempts', '+', 1) }))
      .whereRef('jobs.id', '=', 'due.id')
      .returningAll('jobs')
      .execute();
  }
  return db
    .updateTable('jobs')
    .set((eb) => ({ ...claim, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due(db))
    .where('state', '=', 'pending')
    .returningAll()
    .execute();
}

/**
 * Jobs left `running` after their lease expired belonged to a worker that died or hung: they
 * become due again (or failed, once out of attempts). Returns how many were released.
 */
export async function releaseExpiredLeases(db: Db, now: Date): Promise<number> {
  const at = now.toISOString();
  const base = db
    .updateTable('jobs')
    .where('state', '=', 'running')
    .where('locked_until', '<', at)
    .where('locked_until', 'is not', null);
  const failed = await base
    .set({
      state: 'failed',
      locked_by: null,
      locked_until: null,
      last_error: 'The worker running this job stopped before finishing it (no attempts left).',
      updated_at: at,
      finished_at: at,
    })
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .executeTakeFirst();
  const released = await base
    .set({
      state: 'pending',
      locked_by: null,
      locked_until: null,
      run_at: at,
      last_error: 'The worker running this job stopped before finishing it; it will run again.',
      updated_at: at,
    })
    .executeTakeFirst();
  return Number(failed.numUpdatedRows) + Number(released.numUpdatedRows);
}

/** Pushes this worker's lease on a long job further (a campaign sending for minutes). */
export async function extendLease(db: Db, job: Pick<Job, 'id' | 'locked_by'>, until: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ locked_until: until.toISOString() })
    .where('id', '=', job.id)
    .where('state', '=', 'running')
    .where('locked_by', '=', job.locked_by)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function completeJob(db: Db, job: Pick<Job, 'id' | 'locked_by'>, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable('jobs')
    .set({ state: 'done', locked_by: null, locked_until: null, updated_at: at, finished_at: at })
    .where('id', '=', job.id)
    .where('state', '=', 'running')
    .where('locked_by', '=', job.locked_by)
    .execute();
}

/** Exponential backoff: 30 s, 1 min, 2 min… up to 1 h, with ±10 % jitter so retries spread. */
export function retryDelayMs(attempts: number, random = Math.random()): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (0.9 + 0.2 * random));
}

/** Records a failure: the job is retried later, or marked failed once out of attempts. */
export async function failJob(
  db: Db,
  job: Pick<Job, 'id' | 'locked_by' | 'attempts' | 'max_attempts'>,
  error: unknown,
  now: Date,
): Promise<'retry' | 'failed'> {
  const at = now.toISOString();
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  const outcome = job.attempts >= job.max_attempts ? 'failed' : 'retry';
  await db
    .updateTable('jobs')
    .set(
      outcome === 'failed'
        ? {
            state: 'failed',
            locked_by: null,
            locked_until: null,
            last_error: message,
            updated_at: at,
            finished_at: at,
          }
        : {
            state: 'pending',
            locked_by: null,
            locked_until: null,
            last_error: message,
            updated_at: at,
            run_at: new Date(now.getTime() + retryDelayMs(job.attempts)).toISOString(),
          },
    )
    .where('id', '=', job.id)
    .where('state', '=', 'running')
    .where('locked_by', '=', job.locked_by)
    .execute();
  return outcome;
}

/** An admin sends a failed job back to the queue with fresh attempts. */
export async function retryJob(db: Db, id: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable('jobs')
    .set({ state: 'pending', attempts: 0, run_at: at, updated_at: at, finished_at: null })
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Finished jobs are kept for a while for the admins' view, then removed (failed ones too). */
export async function pruneJobs(db: Db, olderThan: Date): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('state', 'in', ['done', 'failed'])
    .where('finished_at', '<', olderThan.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countJobsByState(db: Db): Promise<Record<Job['state'], number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['state', sql<number>`count(*)`.as('count')])
    .groupBy('state')
    .execute();
  const counts = { pending: 0, running: 0, done: 0, failed: 0 };
  for (const row of rows) counts[row.state] = Number(row.count);
  return counts;
}
