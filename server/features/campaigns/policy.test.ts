import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CampaignState } from '../../../shared/campaigns.ts';
import type { Person } from '../../db/schema.ts';
import { audiencePolicy } from '../audiences/policy.ts';
import { type Grant, makeActor } from '../auth/actor.ts';
import { type CampaignFacts, campaignPolicy } from './policy.ts';

/** Pure tests: role × campaign state (× failed/uncertain recipients) → allowed, no database. */
function actorWith(grants: Grant[]) {
  const person = {
    id: 'actor',
    lab_id: null,
    account_status: 'active',
    deleted_at: null,
  } as unknown as Person;
  return makeActor(person, grants, 'session', 's');
}
const role = (name: Grant['role'], labId: string | null = null, delegationId: string | null = null) =>
  actorWith([{ role: name, labId, delegationId }]);
const managers = [
  { who: 'cell', actor: role('cell') },
  { who: 'admin', actor: role('admin') },
];
const others = [
  { who: 'anonymous', actor: null },
  { who: 'correspondent', actor: role('correspondent', 'lab-1') },
  { who: 'contributor', actor: role('contributor', 'lab-1') },
  { who: 'DR officer', actor: role('dr_officer', null, 'dr-1') },
  { who: 'dircom', actor: role('dircom') },
  { who: 'no role', actor: actorWith([]) },
];

const facts = (state: CampaignState, failed = 0, uncertain = 0): CampaignFacts => ({
  state,
  failed,
  uncertain,
});
type Action = Exclude<keyof typeof campaignPolicy, 'read' | 'create'>;

/** For each action, the campaigns a manager may apply it to; every other case is refused. */
const allowed: Record<Action, CampaignFacts[]> = {
  update: [facts('draft')],
  delete: [facts('draft')],
  testSend: [facts('draft'), facts('scheduled'), facts('paused')],
  schedule: [facts('draft'), facts('scheduled')],
  sendNow: [facts('draft'), facts('scheduled')],
  pause: [facts('sending'), facts('sending', 2, 1)],
  resume: [facts('paused'), facts('paused', 3)],
  cancel: [facts('scheduled'), facts('sending'), facts('paused'), facts('paused', 1, 1)],
  retryRemaining: [facts('sent', 2), facts('paused', 1), facts('sending', 1), facts('sent', 1, 1)],
  resolveUncertain: [facts('sent', 0, 1), facts('paused', 0, 2), facts('sending', 1, 1)],
};
const everyCase = (['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled'] as const).flatMap(
  (state) => [facts(state), facts(state, 1), facts(state, 0, 1), facts(state, 1, 1)],
);
const key = (c: CampaignFacts) => `${c.state}/${c.failed}/${c.uncertain}`;

describe('campaign policy', () => {
  for (const { who, actor } of managers) {
    test(`${who}: reads and creates; each action only in its states`, () => {
      assert.equal(campaignPolicy.read(actor), true);
      assert.equal(campaignPolicy.create(actor), true);
      for (const [action, cases] of Object.entries(allowed) as Array<[Action, CampaignFacts[]]>) {
        const expected = new Set(cases.map(key));
        for (const campaign of everyCase) {
          const isAllowed =
            expected.has(key(campaign)) ||
            // the table lists examples; the rule for counts-dependent actions is "at least one"
            (action === 'retryRemaining' &&
              ['sending', 'paused', 'sent'].includes(campaign.state) &&
              campaign.failed > 0) ||
            (action === 'resolveUncertain' && campaign.state !== 'cancelled' && campaign.uncertain > 0) ||
            (!['retryRemaining', 'resolveUncertain'].includes(action) &&
              cases.some((allowedCase) => allowedCase.state === campaign.state));
          assert.equal(
            campaignPolicy[action](actor, campaign),
            isAllowed,
            `${who} ${action} ${key(campaign)}`,
          );
        }
      }
    });
  }
  for (const { who, actor } of others) {
    test(`${who}: nothing at all`, () => {
      assert.equal(campaignPolicy.read(actor), false);
      assert.equal(campaignPolicy.create(actor), false);
      for (const action of Object.keys(allowed) as Action[])
        for (const campaign of everyCase)
          assert.equal(campaignPolicy[action](actor, campaign), false, `${action}`);
    });
  }
});

describe('audience policy', () => {
  const live = { deleted_at: null };
  const deleted = { deleted_at: '2026-11-01T00:00:00.000Z' };
  const table: Array<[string, (actor: ReturnType<typeof role> | null) => boolean, boolean]> = [
    ['read', (a) => audiencePolicy.read(a), true],
    ['createList', (a) => audiencePolicy.createList(a), true],
    ['updateList live', (a) => audiencePolicy.updateList(a, live), true],
    ['updateList deleted', (a) => audiencePolicy.updateList(a, deleted), false],
    ['deleteList unused', (a) => audiencePolicy.deleteList(a, live, false), true],
    ['deleteList in use', (a) => audiencePolicy.deleteList(a, live, true), false],
    ['manageSubscribers live', (a) => audiencePolicy.manageSubscribers(a, live), true],
    ['manageSubscribers deleted', (a) => audiencePolicy.manageSubscribers(a, deleted), false],
    ['export', (a) => audiencePolicy.export(a), true],
    ['manageSuppressions', (a) => audiencePolicy.manageSuppressions(a), true],
    ['lift a hard bounce', (a) => audiencePolicy.liftSuppression(a, { reason: 'hard_bounce' }), true],
    ['lift a manual entry', (a) => audiencePolicy.liftSuppression(a, { reason: 'manual' }), true],
    ['lift an unsubscribe', (a) => audiencePolicy.liftSuppression(a, { reason: 'unsubscribe' }), false],
  ];
  for (const [name, check, forManagers] of table) {
    test(name, () => {
      for (const { who, actor } of managers) assert.equal(check(actor), forManagers, who);
      for (const { who, actor } of others) assert.equal(check(actor), false, who);
    });
  }
});
