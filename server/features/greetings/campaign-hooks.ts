import { greetingMjml } from '../../mail/greeting-template.ts';
import type { CampaignHooks } from '../campaigns/hooks.ts';
import { greetingMailInput } from './compose.ts';

export const greetingCampaignHooks: CampaignHooks = {
  async mjml(ctx, campaign) {
    const card = await ctx.db
      .selectFrom('greeting_cards')
      .selectAll()
      .where('campaign_id', '=', campaign.id)
      .executeTakeFirst();
    return card ? greetingMjml(greetingMailInput(ctx, card)) : null;
  },
};
