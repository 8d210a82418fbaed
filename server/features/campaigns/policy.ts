import type { CampaignState } from '../../../shared/campaigns.ts';
import { type Actor, hasRole } from '../auth/actor.ts';

/** A campaign as the policy sees it: its state and how many recipients wait for a person's decision. */
export type CampaignFacts = { state: CampaignState; failed: number; uncertain: number };

const isCampaignManager = (actor: Actor | null): actor is Actor => hasRole(actor, 'cell', 'admin');
const isIn = (state: CampaignState, ...states: CampaignState[]) => states.includes(state);

/** The cell and admins run campaigns; nobody else sees them. */
export const campaignPolicy = {
  read: isCampaignManager,
  create: isCampaignManager,
  update: (actor: Actor | null, c: CampaignFacts) => isCampaignManager(actor) && c.state === 'draft',
  delete: (actor: Actor | null, c: CampaignFacts) => isCampaignManager(actor) && c.state === 'draft',
  testSend: (actor: Actor | null, c: CampaignFacts) =>
    isCampaignManager(actor) && isIn(c.state, 'draft', 'scheduled', 'paused'),
  schedule: (actor: Actor | null, c: CampaignFacts) =>
    isCampaignManager(actor) && isIn(c.state, 'draft', 'scheduled'),
  sendNow: (actor: Actor | null, c: CampaignFacts) =>
    isCampaignManager(actor) && isIn(c.state, 'draft', 'scheduled'),
  pause: (actor: Actor | null, c: CampaignFacts) => isCampaignManager(actor) && c.state === 'sending',
  resume: (actor: Actor | null, c: CampaignFacts) => isCampaignManager(actor) && c.state === 'paused',
  cancel: (actor: Actor | null, c: CampaignFacts) =>
    isCampaignManager(actor) && isIn(c.state, 'scheduled', 'sending', 'paused'),
  /** "Send to the remaining": the failed rows go back to pending; a sent row is never touched. */
  retryRemaining: (actor: Actor | null, c: CampaignFacts) =>
    isCampaignManager(actor) && isIn(c.state, 'sending', 'paused', 'sent') && c.failed > 0,
  resolveUncertain: (actor: Actor | null, c: CampaignFacts) =>
    isCampaignManager(actor) && c.state !== 'cancelled' && c.uncertain > 0,
};

export function campaignAbilities(actor: Actor | null, c: CampaignFacts) {
  return {
    update: campaignPolicy.update(actor, c),
    delete: campaignPolicy.delete(actor, c),
    testSend: campaignPolicy.testSend(actor, c),
    schedule: campaignPolicy.schedule(actor, c),
    sendNow: campaignPolicy.sendNow(actor, c),
    pause: campaignPolicy.pause(actor, c),
    resume: campaignPolicy.resume(actor, c),
    cancel: campaignPolicy.cancel(actor, c),
    retryRemaining: campaignPolicy.retryRemaining(actor, c),
    resolveUncertain: campaignPolicy.resolveUncertain(actor, c),
  };
}
