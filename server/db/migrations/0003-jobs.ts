import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { columnTypes } from '../column-types.ts';
import type { Dialect } from '../connection.ts';

/**
 * The durable job queue: jobs (claimed with a lease, retried with backoff, deduplicated by an
 * optional key) and the schedules of the recurring ones (the next run of each, advanced by the
 * worker that enqueues it, so two workers never enqueue the same run).
 */
export function migration(dialect: Dialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', t.json, (c) => c.notNull())
        .addColumn('dedupe_key', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('run_at', t.timestamp, (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('locked_by', 'text')
        .addColumn('locked_until', t.timestamp)
        .addColumn('last_error', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('finished_at', t.timestamp)
        .execute();
      await db.schema.createIndex('jobs_dedupe_key_idx').on('jobs').column('dedupe_key').unique().execute();
      // What a worker polls: due pending jobs, and running ones whose lease may have expired.
      await sql`create index jobs_due_idx on jobs (run_at) where state = 'pending'`.execute(db);
      await sql`create index jobs_running_idx on jobs (locked_until) where state = 'running'`.execute(db);
      await db.schema.createIndex('jobs_state_idx').on('jobs').columns(['state', 'updated_at']).execute();

      await db.schema
        .createTable('job_schedules')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('cron', 'text', (c) => c.notNull())
        .addColumn('next_run_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_run_at', t.timestamp)
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('job_schedules').execute();
      await db.schema.dropTable('jobs').execute();
    },
  };
}
