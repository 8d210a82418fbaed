import type { CampaignKind } from '../../../shared/campaigns.ts';
import type { AppContext } from '../../context.ts';
import type { Campaign } from '../../db/schema.ts';
import { greetingCampaignHooks } from '../greetings/campaign-hooks.ts';
import { newsletterCampaignHooks } from '../newsletters/campaign-hooks.ts';
import { pressCampaignHooks } from '../press/campaign-hooks.ts';

/**
 * What the owner of a campaign (a newsletter issue, a greeting card, a press release) adds to the
 * engine. Each hook is optional; a campaign made through POST /api/campaigns has none of these owners
 * and gets the generic layout.
 */
export type CampaignHooks = {
  /** The whole MJML document of the mail (ending with campaignFooterMjml()), or null: the generic layout. */
  mjml?: (ctx: AppContext, campaign: Campaign) => Promise<string | null>;
  /**
   * Why the campaign may not be sent at `at` (e.g. a story whose embargo lifts later), or null.
   * Asked when it is scheduled and before a test send (→ 409 with this code), and again when the
   * job starts (→ back to draft, the message as lastError).
   */
  refuseSendingAt?: (
    ctx: AppContext,
    campaign: Campaign,
    at: Date,
  ) => Promise<{ code: string; message: string } | null>;
  /** A job kind enqueued (payload { campaignId }) in the transaction that marks the campaign sent. */
  afterSentJob?: string;
};

export const campaignHooks: Partial<Record<CampaignKind, CampaignHooks>> = {
  newsletter: newsletterCampaignHooks,
  greeting: greetingCampaignHooks,
  press: pressCampaignHooks,
};
