import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CampaignState, campaignStates } from '../../../shared/campaigns.ts';
import type { Person } from '../../db/schema.ts';
import { type Grant, makeActor } from '../auth/actor.ts';
import { ownedCampaignAbilities, ownedCampaignPolicy } from './policy.ts';

/**
 * Pure tests of the policy shared by newsletter issues, greeting cards and press releases:
 * role × state of the owned campaign → allowed. No database.
 */
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
const managers = [role('cell'), role('admin')];
const others = [
  null,
  role('correspondent', 'lab-1'),
  role('contributor', 'lab-1'),
  role('dr_officer', null, 'dr-1'),
  role('dircom'),
  actorWith([]),
];
const facts = (state: CampaignState) => ({ state, failed: 0, uncertain: 0 });

/** For the cell and admins: which states allow each action. */
const allowedIn: Record<Exclude<keyof typeof ownedCampaignPolicy, 'read' | 'create'>, CampaignState[]> = {
  update: ['draft'],
  delete: ['draft'],
  preview: [...campaignStates],
  testSend: ['draft', 'scheduled', 'paused'],
  schedule: ['draft', 'scheduled'],
  sendNow: ['draft', 'scheduled'],
  cancel: ['scheduled', 'sending', 'paused'],
};

describe('issues, greeting cards, press releases: who may do what', () => {
  test('the cell and admins read and create; nobody else', () => {
    for (const actor of managers) {
      assert.equal(ownedCampaignPolicy.read(actor), true);
      assert.equal(ownedCampaignPolicy.create(actor), true);
    }
    for (const actor of others) {
      assert.equal(ownedCampaignPolicy.read(actor), false);
      assert.equal(ownedCampaignPolicy.create(actor), false);
    }
  });

  for (const [action, states] of Object.entries(allowedIn)) {
    for (const state of campaignStates) {
      const expected = states.includes(state);
      test(`${action} when the campaign is ${state}: ${expected ? 'cell and admins' : 'nobody'}`, () => {
        const can = ownedCampaignPolicy[action as keyof typeof allowedIn];
        for (const actor of managers) assert.equal(can(actor, facts(state)), expected);
        for (const actor of others) assert.equal(can(actor, facts(state)), false);
      });
    }
  }

  test('abilities say the same', () => {
    const abilities = ownedCampaignAbilities(role('cell'), facts('draft'));
    assert.equal(abilities.update, true);
    assert.equal(abilities.preview, true);
    assert.equal(abilities.pause, false);
    assert.deepEqual(
      Object.values(ownedCampaignAbilities(role('dircom'), facts('draft'))).filter(Boolean),
      [],
    );
  });
});
