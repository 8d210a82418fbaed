import { pruneJobs } from './queue.ts';
import type { JobDefinition } from './worker.ts';

export const jobRetentionDays = 30;

/** Every night: finished jobs older than the retention are removed. */
export const pruneJobsJob: JobDefinition = {
  kind: 'jobs.prune',
  maxAttempts: 3,
  async run(ctx) {
    await pruneJobs(ctx.db, new Date(ctx.now().getTime() - jobRetentionDays * 86_400_000));
  },
};
