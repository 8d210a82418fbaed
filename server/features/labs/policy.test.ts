import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Person } from '../../db/schema.ts';
import type { Grant } from '../auth/actor.ts';
import { makeActor } from '../auth/actor.ts';
import { labPolicy } from './policy.ts';

/** Pure tests: role × same lab / other lab → expected, no database. */
const ownLab = { id: 'lab-own', deleted_at: null };
const otherLab = { id: 'lab-other', deleted_at: null };
const deletedLab = { id: 'lab-deleted', deleted_at: '2026-02-01T00:00:00.000Z' };

function actorWith(grants: Grant[], labId: string | null = null) {
  const person = {
    id: 'actor',
    lab_id: labId,
    account_status: 'active',
    deleted_at: null,
  } as unknown as Person;
  return makeActor(person, grants, 'session', 's');
}

const cases = [
  { who: 'anonymous', actor: null },
  {
    who: 'contributor of the lab',
    actor: actorWith([{ role: 'contributor', labId: ownLab.id, delegationId: null }], ownLab.id),
  },
  {
    who: 'correspondent of the lab',
    actor: actorWith([{ role: 'correspondent', labId: ownLab.id, delegationId: null }], ownLab.id),
  },
  {
    who: 'correspondent of the lab, working elsewhere',
    actor: actorWith([{ role: 'correspondent', labId: ownLab.id, delegationId: null }], otherLab.id),
  },
  { who: 'member of the lab without a role', actor: actorWith([], ownLab.id) },
  { who: 'DR officer', actor: actorWith([{ role: 'dr_officer', labId: null, delegationId: 'dr-1' }]) },
  { who: 'cell', actor: actorWith([{ role: 'cell', labId: null, delegationId: null }]) },
  { who: 'dircom', actor: actorWith([{ role: 'dircom', labId: null, delegationId: null }]) },
  { who: 'admin', actor: actorWith([{ role: 'admin', labId: null, delegationId: null }]) },
] as const;

/** who → [update own lab, update other lab, identity, create, delete] */
const expected: Record<(typeof cases)[number]['who'], [boolean, boolean, boolean, boolean, boolean]> = {
  anonymous: [false, false, false, false, false],
  'contributor of the lab': [false, false, false, false, false],
  'correspondent of the lab': [true, false, false, false, false],
  'correspondent of the lab, working elsewhere': [true, false, false, false, false],
  'member of the lab without a role': [false, false, false, false, false],
  'DR officer': [false, false, false, false, false],
  cell: [false, false, false, false, false],
  dircom: [false, false, false, false, false],
  admin: [true, true, true, true, true],
};

describe('labPolicy', () => {
  for (const { who, actor } of cases) {
    test(who, () => {
      assert.deepEqual(
        [
          labPolicy.update(actor, ownLab),
          labPolicy.update(actor, otherLab),
          labPolicy.updateIdentity(actor),
          labPolicy.create(actor),
          labPolicy.delete(actor),
        ],
        expected[who],
      );
      // Everyone reads the directory; a removed lab is gone for all.
      assert.equal(labPolicy.read(actor, ownLab), true);
      assert.equal(labPolicy.read(actor, deletedLab), false);
    });
  }
});
