import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TipState } from '../../../shared/stories.ts';
import type { Person } from '../../db/schema.ts';
import { type Grant, makeActor } from '../auth/actor.ts';
import { tipPolicy } from './policy.ts';

/** Pure tests: role × tip state × same lab / other lab → expected, no database. */
const ownLab = 'lab-own';
const otherLab = 'lab-other';

function actorWith(grants: Grant[], labId: string | null = null, id = 'actor') {
  const person = { id, lab_id: labId, account_status: 'active', deleted_at: null } as unknown as Person;
  return makeActor(person, grants, 'session', 's');
}
const lab = (role: 'contributor' | 'correspondent', labId: string): Grant => ({
  role,
  labId,
  delegationId: null,
});

const cases = [
  { who: 'anonymous', actor: null },
  { who: 'the tipper', actor: actorWith([lab('contributor', ownLab)], ownLab, 'tipper') },
  { who: 'staff of the lab without a role', actor: actorWith([], ownLab) },
  { who: 'contributor of the lab', actor: actorWith([lab('contributor', ownLab)], ownLab) },
  { who: 'correspondent of the lab', actor: actorWith([lab('correspondent', ownLab)], ownLab) },
  { who: 'correspondent of another lab', actor: actorWith([lab('correspondent', otherLab)], otherLab) },
  { who: 'DR officer', actor: actorWith([{ role: 'dr_officer', labId: null, delegationId: 'dr-1' }]) },
  { who: 'cell', actor: actorWith([{ role: 'cell', labId: null, delegationId: null }]) },
  { who: 'dircom', actor: actorWith([{ role: 'dircom', labId: null, delegationId: null }]) },
  { who: 'admin', actor: actorWith([{ role: 'admin', labId: null, delegationId: null }]) },
] as const;

/** who → [create for own lab, create for other lab, read, convert/dismiss while open, once answered] */
const expected: Record<(typeof cases)[number]['who'], [boolean, boolean, boolean, boolean, boolean]> = {
  anonymous: [false, false, false, false, false],
  'the tipper': [true, false, true, false, false],
  'staff of the lab without a role': [true, false, false, false, false],
  'contributor of the lab': [true, false, false, false, false],
  'correspondent of the lab': [true, false, true, true, false],
  'correspondent of another lab': [false, true, false, false, false],
  'DR officer': [false, false, false, false, false],
  cell: [false, false, true, false, false],
  dircom: [false, false, false, false, false],
  admin: [false, false, false, false, false],
};

const tipIn = (state: TipState) => ({ lab_id: ownLab, author_id: 'tipper', state });

describe('tipPolicy', () => {
  for (const { who, actor } of cases) {
    test(who, () => {
      const open = tipIn('open');
      const answered = [tipIn('converted'), tipIn('dismissed')];
      assert.deepEqual(
        [
          tipPolicy.create(actor, ownLab),
          tipPolicy.create(actor, otherLab),
          tipPolicy.read(actor, open),
          tipPolicy.convert(actor, open) && tipPolicy.dismiss(actor, open),
          answered.some((tip) => tipPolicy.convert(actor, tip) || tipPolicy.dismiss(actor, tip)),
        ],
        expected[who],
      );
      // Reading does not depend on the state.
      for (const tip of answered) assert.equal(tipPolicy.read(actor, tip), expected[who][2]);
    });
  }
});
