import type { Actor } from '../auth/actor.ts';
import { type CampaignFacts, campaignAbilities, campaignPolicy } from '../campaigns/policy.ts';

/**
 * Newsletter issues, greeting cards and press releases: the cell and admins compose and send them
 * (campaignPolicy); anyone else gets 403 on the collections and 404 on an object. What may be done
 * follows the state of the campaign the object owns: edited while it is a draft.
 */
export const ownedCampaignPolicy = {
  read: campaignPolicy.read,
  create: campaignPolicy.create,
  update: campaignPolicy.update,
  delete: campaignPolicy.delete,
  preview: (actor: Actor | null, _c: CampaignFacts) => campaignPolicy.read(actor),
  testSend: campaignPolicy.testSend,
  schedule: campaignPolicy.schedule,
  sendNow: campaignPolicy.sendNow,
  cancel: campaignPolicy.cancel,
};

export function ownedCampaignAbilities(actor: Actor | null, c: CampaignFacts) {
  return {
    ...campaignAbilities(actor, c),
    preview: ownedCampaignPolicy.preview(actor, c),
  };
}
