import type { RelayState } from '../../../shared/stories.ts';
import type { AppContext } from '../../context.ts';
import type { JobDefinition } from '../../jobs/worker.ts';
import { utcToZoned } from '../../lib/dates.ts';
import { HttpError } from '../../lib/errors.ts';
import { recordEvent } from '../history/record.ts';
import { recordRelayOutcome } from '../stories/relay-actions.ts';
import { newsletterPublishJobKind } from './campaign-hooks.ts';
import { archiveUrlOf } from './compose.ts';
import { findCampaignOf, findIssueByCampaign, issueItems } from './queries.ts';

/**
 * An issue whose campaign is sent is published: it shows on the archive, and each of its stories'
 * newsletter relays is marked published with the archive link and the date — through the stories'
 * own outcome action, so history and notifications happen as for an outcome recorded by hand.
 * Idempotent (a relay already published is left alone): the job may run again after a crash.
 */
export async function publishIssue(ctx: AppContext, campaignId: string): Promise<void> {
  const issue = await findIssueByCampaign(ctx.db, campaignId);
  if (!issue) return;
  const campaign = await findCampaignOf(ctx.db, campaignId);
  if (campaign.state !== 'sent') return;
  const at = campaign.finished_at ?? ctx.now().toISOString();
  const url = archiveUrlOf(ctx.config.publicUrl, issue);
  if (issue.published_at === null) {
    await ctx.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('newsletter_issues')
        .set({ published_at: at, updated_at: ctx.now().toISOString() })
        .where('id', '=', issue.id)
        .where('published_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return;
      await recordEvent(trx, {
        actorId: null,
        subjectType: 'newsletter_issue',
        subjectId: issue.id,
        action: 'published',
        data: { number: issue.number, url },
        at: ctx.now().toISOString(),
      });
    });
  }
  const items = await issueItems(ctx.db, [issue.id]);
  const channel = await ctx.db
    .selectFrom('channels')
    .selectAll()
    .where('slug', '=', 'newsletter')
    .executeTakeFirst();
  if (!channel) return;
  for (const item of items) {
    if (!item.relay_id || (item.relay_state !== 'proposed' && item.relay_state !== 'sent')) continue;
    const story = await ctx.db
      .selectFrom('stories')
      .selectAll()
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    try {
      await recordRelayOutcome(
        ctx,
        campaign.created_by,
        { id: item.relay_id, state: item.relay_state as RelayState, story, channel },
        'published',
        { url, publishedOn: utcToZoned(at, 'Europe/Paris').date },
      );
    } catch (error) {
      // Someone recorded an outcome meanwhile: theirs stands.
      if (!(error instanceof HttpError && error.statusCode === 409)) throw error;
    }
  }
}

export const newsletterPublishJob: JobDefinition = {
  kind: newsletterPublishJobKind,
  maxAttempts: 10,
  async run(ctx, payload) {
    if (typeof payload.campaignId === 'string') await publishIssue(ctx, payload.campaignId);
  },
};
