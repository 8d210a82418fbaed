import type { Db } from '../../db/connection.ts';
import type { JobState } from '../../db/schema.ts';

export type JobFilter = { state?: JobState; kind?: string; limit: number; offset: number };

/** The admins' view of the queue: newest change first, with the schedules' next runs. */
export async function listJobs(db: Db, filter: JobFilter) {
  let base = db.selectFrom('jobs');
  if (filter.state) base = base.where('state', '=', filter.state);
  if (filter.kind) base = base.where('kind', '=', filter.kind);
  const [items, total, counts, schedules] = await Promise.all([
    base
      .selectAll()
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    db
      .selectFrom('jobs')
      .select((eb) => ['state', eb.fn.countAll<number>().as('count')])
      .groupBy('state')
      .execute(),
    db.selectFrom('job_schedules').selectAll().orderBy('name').execute(),
  ]);
  const byState = { pending: 0, running: 0, done: 0, failed: 0 };
  for (const row of counts) byState[row.state] = Number(row.count);
  return { items, total: Number(total.count), counts: byState, schedules };
}
