import { pressMjml } from '../../mail/press-template.ts';
import type { CampaignHooks } from '../campaigns/hooks.ts';
import { findStoryOf, pressMailInput } from './compose.ts';

/**
 * A press release may be sent while its story is under embargo — the notice in its subject and body
 * says so; the story itself stays out of every public output of Relais until then.
 */
export const pressCampaignHooks: CampaignHooks = {
  async mjml(ctx, campaign) {
    const release = await ctx.db
      .selectFrom('press_releases')
      .selectAll()
      .where('campaign_id', '=', campaign.id)
      .executeTakeFirst();
    if (!release) return null;
    return pressMjml(await pressMailInput(ctx, release, await findStoryOf(ctx.db, release)));
  },
};
