import type { AppContext } from '../../context.ts';
import { retryJob } from '../../jobs/queue.ts';
import { HttpError, notFound } from '../../lib/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { recordEvent } from '../history/record.ts';

/** An admin sends a failed job back to the queue; recorded in the history. */
export async function retryFailedJob(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const job = await ctx.db.selectFrom('jobs').select(['id', 'kind']).where('id', '=', id).executeTakeFirst();
  if (!job) throw notFound('job');
  const at = ctx.now();
  const retried = await ctx.db.transaction().execute(async (trx) => {
    if (!(await retryJob(trx, job.id, at))) return false;
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'job',
      subjectId: job.id,
      action: 'retried',
      data: { kind: job.kind },
      at: at.toISOString(),
    });
    return true;
  });
  if (!retried) throw new HttpError(409, 'invalid_state', 'Only a failed job can be retried');
}
