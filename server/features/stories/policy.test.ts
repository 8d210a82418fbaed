import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RoleName } from '../../../shared/roles.ts';
import { type StoryState, storyStates } from '../../../shared/stories.ts';
import type { Person } from '../../db/schema.ts';
import { type Actor, makeActor } from '../auth/actor.ts';
import { type StoryFacts, storyPolicy } from './policy.ts';

/** Pure, table-driven: every transition × role × same lab / other lab × state. */
const labA = 'lab-a';
const labB = 'lab-b';
const drA = 'dr-a';
const drB = 'dr-b';
const now = new Date('2026-11-24T09:00:00Z');

function actor(
  id: string,
  grants: Array<{ role: RoleName; labId?: string; delegationId?: string }>,
  labId: string | null = null,
): Actor {
  const person = { id, lab_id: labId } as Person;
  return makeActor(
    person,
    grants.map((g) => ({ role: g.role, labId: g.labId ?? null, delegationId: g.delegationId ?? null })),
    'session',
    null,
  );
}

const people = {
  author: actor('author', [{ role: 'correspondent', labId: labA }], labA),
  sameLabCorrespondent: actor('deputy', [{ role: 'correspondent', labId: labA }], labA),
  otherLabCorrespondent: actor('other', [{ role: 'correspondent', labId: labB }], labB),
  sameLabContributor: actor('staff', [{ role: 'contributor', labId: labA }], labA),
  cell: actor('cell', [{ role: 'cell' }]),
  sameDrOfficer: actor('dr', [{ role: 'dr_officer', delegationId: drA }]),
  otherDrOfficer: actor('dr-other', [{ role: 'dr_officer', delegationId: drB }]),
  dircom: actor('dircom', [{ role: 'dircom' }]),
  admin: actor('admin', [{ role: 'admin' }]),
  anonymous: null,
} as const;
type Who = keyof typeof people;

const story = (state: StoryState, extra: Partial<StoryFacts> = {}): StoryFacts => ({
  id: 's',
  state,
  author_id: 'author',
  embargo_until: null,
  deleted_at: null,
  labIds: [labA],
  delegationIds: [drA],
  relays: [],
  ...extra,
});

const labSide: Who[] = ['author', 'sameLabCorrespondent'];
const reviewing: StoryState[] = ['submitted', 'in_review'];
const table: Array<{
  action: string;
  check: (a: Actor | null, s: StoryFacts) => boolean;
  who: Who[];
  states: StoryState[];
}> = [
  { action: 'submit', check: storyPolicy.submit, who: labSide, states: ['draft', 'changes_requested'] },
  { action: 'review', check: storyPolicy.review, who: ['cell'], states: ['submitted'] },
  { action: 'request-changes', check: storyPolicy.requestChanges, who: ['cell'], states: reviewing },
  { action: 'accept', check: storyPolicy.accept, who: ['cell'], states: reviewing },
  { action: 'decline', check: storyPolicy.decline, who: ['cell'], states: reviewing },
  { action: 'delete', check: storyPolicy.delete, who: labSide, states: ['draft'] },
];

describe('story transitions', () => {
  for (const row of table) {
    test(`${row.action}: only ${row.who.join(', ')} in ${row.states.join(', ')}`, () => {
      for (const [who, person] of Object.entries(people)) {
        for (const state of storyStates) {
          const expected = row.who.includes(who as Who) && row.states.includes(state);
          assert.equal(
            row.check(person, story(state)),
            expected,
            `${row.action} by ${who} on a ${state} story`,
          );
        }
      }
    });
  }

  test('update: the lab side while draft or changes requested, the cell while reviewing or accepted', () => {
    for (const [who, person] of Object.entries(people)) {
      for (const state of storyStates) {
        const expected =
          (labSide.includes(who as Who) && (state === 'draft' || state === 'changes_requested')) ||
          (who === 'cell' && (state === 'submitted' || state === 'in_review' || state === 'accepted'));
        assert.equal(
          storyPolicy.update(person, story(state)),
          expected,
          `update by ${who} on a ${state} story`,
        );
      }
    }
  });
});

describe('reading', () => {
  const everyoneSignedIn = (Object.keys(people) as Who[]).filter((who) => who !== 'anonymous');
  const cases: Array<{ name: string; facts: StoryFacts; readers: Who[] }> = [
    { name: 'a draft', facts: story('draft'), readers: labSide },
    { name: 'a submitted story', facts: story('submitted'), readers: [...labSide, 'cell', 'sameDrOfficer'] },
    { name: 'a story in review', facts: story('in_review'), readers: [...labSide, 'cell', 'sameDrOfficer'] },
    { name: 'an accepted story', facts: story('accepted'), readers: everyoneSignedIn },
    { name: 'a declined story', facts: story('declined'), readers: [...labSide, 'cell', 'sameDrOfficer'] },
    {
      name: 'an embargoed accepted story',
      facts: story('accepted', { embargo_until: '2026-11-26T09:00:00.000Z' }),
      readers: [...labSide, 'cell'],
    },
    {
      name: 'an embargoed story relayed to a national channel',
      facts: story('accepted', {
        embargo_until: '2026-11-26T09:00:00.000Z',
        relays: [{ scope: 'national', delegationId: null }],
      }),
      readers: [...labSide, 'cell', 'dircom'],
    },
    {
      name: 'an embargoed draft',
      facts: story('draft', { embargo_until: '2026-11-26T09:00:00.000Z' }),
      readers: labSide,
    },
    {
      name: 'a deleted story',
      facts: story('accepted', { deleted_at: '2026-11-01T00:00:00.000Z' }),
      readers: [],
    },
  ];
  for (const { name, facts, readers } of cases) {
    test(`${name}: ${readers.join(', ') || 'nobody'}`, () => {
      for (const [who, person] of Object.entries(people)) {
        assert.equal(
          storyPolicy.read(person, facts, now),
          readers.includes(who as Who),
          `${who} reads ${name}`,
        );
      }
    });
  }

  test('an embargo lifts at its exact time', () => {
    const facts = story('accepted', { embargo_until: '2026-11-24T09:00:00.000Z' });
    assert.equal(
      storyPolicy.read(people.otherLabCorrespondent, facts, new Date('2026-11-24T08:59:59.999Z')),
      false,
    );
    assert.equal(
      storyPolicy.read(people.otherLabCorrespondent, facts, new Date('2026-11-24T09:00:00.000Z')),
      true,
    );
  });
});

describe('relays', () => {
  const regionalA = { scope: 'regional', delegation_id: drA };
  const regionalB = { scope: 'regional', delegation_id: drB };
  const national = { scope: 'national', delegation_id: null };
  const institute = { scope: 'institute', delegation_id: null };
  test('relaying: the cell anywhere; a DR officer to the regional channel of their delegation, for its labs', () => {
    const accepted = story('accepted');
    for (const [who, person] of Object.entries(people)) {
      assert.equal(storyPolicy.relay(person, accepted, institute), who === 'cell', `${who} → institute`);
      assert.equal(
        storyPolicy.relay(person, accepted, regionalA),
        who === 'cell' || who === 'sameDrOfficer',
        `${who} → regional A`,
      );
      assert.equal(storyPolicy.relay(person, accepted, regionalB), who === 'cell', `${who} → regional B`);
      assert.equal(
        storyPolicy.relay(person, story('in_review'), institute),
        false,
        `${who} relays a story in review`,
      );
    }
  });
  test('recording an outcome: the cell; the Dircom on national channels; a DR officer on their regional ones', () => {
    for (const [who, person] of Object.entries(people)) {
      assert.equal(
        storyPolicy.recordOutcome(person, national),
        who === 'cell' || who === 'dircom',
        `${who} on national`,
      );
      assert.equal(
        storyPolicy.recordOutcome(person, regionalA),
        who === 'cell' || who === 'sameDrOfficer',
        `${who} on regional A`,
      );
      assert.equal(storyPolicy.recordOutcome(person, institute), who === 'cell', `${who} on institute`);
    }
  });
});
