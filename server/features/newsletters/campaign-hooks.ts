import type { AppContext } from '../../context.ts';
import type { Campaign } from '../../db/schema.ts';
import { newsletterMjml } from '../../mail/newsletter-template.ts';
import type { CampaignHooks } from '../campaigns/hooks.ts';
import { formatEmbargoTime } from '../press/embargo.ts';
import { loadIssueMailInput } from './compose.ts';
import { findIssueByCampaign, issueItems } from './queries.ts';

export const newsletterPublishJobKind = 'newsletters.publish';

/**
 * Why an issue may not go out at `at`: no story, a story no longer accepted, or one whose embargo
 * lifts later (named, with its time) — checked when it is scheduled and again when sending starts.
 */
export async function issueRefusal(ctx: AppContext, campaignId: string, at: Date) {
  const issue = await findIssueByCampaign(ctx.db, campaignId);
  if (!issue) return null;
  const items = await issueItems(ctx.db, [issue.id]);
  if (items.length === 0) return { code: 'empty', message: 'This issue has no story yet' };
  for (const item of items) {
    if (item.deleted_at !== null || item.state !== 'accepted')
      return {
        code: 'invalid_state',
        message: `« ${item.title} » is no longer an accepted story: take it out`,
      };
    if (item.embargo_until && Date.parse(item.embargo_until) > at.getTime())
      return {
        code: 'embargo',
        message: `« ${item.title} » is under embargo until ${formatEmbargoTime(item.embargo_until, item.embargo_time_zone ?? undefined)} (${item.embargo_until}): send the issue after that, or take the story out`,
      };
  }
  return null;
}

export const newsletterCampaignHooks: CampaignHooks = {
  async mjml(ctx: AppContext, campaign: Campaign) {
    const issue = await findIssueByCampaign(ctx.db, campaign.id);
    if (!issue) return null;
    const { input } = await loadIssueMailInput(ctx, ctx.db, issue);
    return newsletterMjml(input);
  },
  refuseSendingAt: (ctx, campaign, at) => issueRefusal(ctx, campaign.id, at),
  afterSentJob: newsletterPublishJobKind,
};
