import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type RequestOrigin, type RequestState, requestStates } from '../../../shared/requests.ts';
import type { RoleName } from '../../../shared/roles.ts';
import type { Person } from '../../db/schema.ts';
import { type Actor, makeActor } from '../auth/actor.ts';
import { answerPolicy, originsOf, type RequestFacts, requestPolicy, solicitationPolicy } from './policy.ts';

/** Pure, table-driven: role × request state × same lab / other lab / other delegation, no database. */
const labA = 'lab-a';
const labB = 'lab-b';
const drA = 'dr-a';
const drB = 'dr-b';

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
  anonymous: null,
  requester: actor('requester', [{ role: 'dr_officer', delegationId: drA }]),
  sameDrOfficer: actor('dr-colleague', [{ role: 'dr_officer', delegationId: drA }]),
  otherDrOfficer: actor('dr-other', [{ role: 'dr_officer', delegationId: drB }]),
  cell: actor('cell', [{ role: 'cell' }]),
  dircom: actor('dircom', [{ role: 'dircom' }]),
  admin: actor('admin', [{ role: 'admin' }]),
  targetCorrespondent: actor('corr-a', [{ role: 'correspondent', labId: labA }], labA),
  targetContributor: actor('staff-a', [{ role: 'contributor', labId: labA }], labA),
  otherLabCorrespondent: actor('corr-b', [{ role: 'correspondent', labId: labB }], labB),
} as const;
type Who = keyof typeof people;

/** A DR officer's request (delegation A) that reached lab A (once open). */
const drRequest = (state: RequestState): RequestFacts => ({
  requester_id: 'requester',
  origin: 'dr_officer',
  delegation_id: drA,
  state,
  labIds: state === 'to_route' || state === 'declined' || state === 'answered_by_cell' ? [] : [labA],
});
/** A Dircom request: the targets exist once the cell forwarded it; a declined one kept none. */
const dircomRequest = (state: RequestState, labIds: string[] = [labA]): RequestFacts => ({
  requester_id: 'someone-at-dircom',
  origin: 'dircom',
  delegation_id: null,
  state,
  labIds,
});

const labStates: RequestState[] = ['open', 'closed'];
const all = [...requestStates];
const everything: Who[] = ['requester', 'sameDrOfficer', 'cell', 'admin'];

const table: Array<{
  action: string;
  check: (a: Actor | null, r: RequestFacts) => boolean;
  who: Who[];
  states: RequestState[];
}> = [
  {
    action: 'read',
    check: requestPolicy.read,
    who: [...everything, 'targetCorrespondent', 'targetContributor'],
    states: all,
  },
  { action: 'route', check: requestPolicy.route, who: ['cell', 'admin'], states: ['to_route'] },
  { action: 'answer', check: requestPolicy.answer, who: ['targetCorrespondent'], states: ['open'] },
  { action: 'markSeen', check: requestPolicy.markSeen, who: ['targetCorrespondent'], states: ['open'] },
  {
    action: 'markUsed',
    check: requestPolicy.markUsed,
    who: ['requester', 'sameDrOfficer', 'cell'],
    states: labStates,
  },
  { action: 'close', check: requestPolicy.close, who: everything, states: ['to_route', 'open'] },
  { action: 'handleReminder', check: requestPolicy.handleReminder, who: everything, states: ['open'] },
  { action: 'readHistory', check: requestPolicy.readHistory, who: everything, states: all },
];

describe('request policy (a DR officer’s request to lab A)', () => {
  for (const row of table) {
    test(`${row.action}: only ${row.who.join(', ')} in ${row.states.join(', ')}`, () => {
      for (const [who, person] of Object.entries(people)) {
        for (const state of requestStates) {
          // The lab side only ever reads a request that reached it, open or closed.
          const isLabSide = who === 'targetCorrespondent' || who === 'targetContributor';
          const expected =
            row.who.includes(who as Who) &&
            row.states.includes(state) &&
            (!isLabSide || row.action !== 'read' || labStates.includes(state));
          assert.equal(row.check(person, drRequest(state)), expected, `${row.action} by ${who} in ${state}`);
        }
      }
    });
  }
});

describe('a lab never sees a request to route or declined, nor other labs’ answers', () => {
  test('Dircom request: the cell and every Dircom contact see it in every state; a lab once forwarded', () => {
    for (const state of requestStates) {
      const forwarded = state === 'open' || state === 'closed';
      const facts = dircomRequest(state, forwarded ? [labA] : []);
      assert.equal(requestPolicy.read(people.cell, facts), true);
      assert.equal(requestPolicy.read(people.dircom, facts), true, 'the Dircom team follows its requests');
      assert.equal(requestPolicy.read(people.targetCorrespondent, facts), forwarded, state);
      assert.equal(requestPolicy.read(people.otherLabCorrespondent, facts), false);
      assert.equal(requestPolicy.read(people.requester, facts), false, 'a DR officer not involved');
      // Even with targets recorded, a declined or to-route request stays off the labs' screens.
      assert.equal(requestPolicy.read(people.targetCorrespondent, dircomRequest(state, [labA])), forwarded);
    }
  });

  test('another delegation’s officer sees nothing of a DR officer’s request', () => {
    for (const state of requestStates)
      assert.equal(requestPolicy.read(people.otherDrOfficer, drRequest(state)), false);
  });

  test('answers: every lab’s for the requester side and the cell, their own for a lab', () => {
    const request = drRequest('open');
    const answerA = { lab_id: labA, author_id: 'corr-a' };
    const answerB = { lab_id: labB, author_id: 'corr-b' };
    const withB = { ...request, labIds: [labA, labB] };
    for (const who of ['requester', 'sameDrOfficer', 'cell', 'admin'] as const) {
      assert.equal(answerPolicy.read(people[who], withB, answerA), true, who);
      assert.equal(answerPolicy.read(people[who], withB, answerB), true, who);
    }
    assert.equal(answerPolicy.read(people.targetCorrespondent, withB, answerA), true);
    assert.equal(answerPolicy.read(people.targetCorrespondent, withB, answerB), false);
    assert.equal(answerPolicy.read(people.otherLabCorrespondent, withB, answerA), false);
    assert.equal(answerPolicy.read(people.otherLabCorrespondent, withB, answerB), true);
    assert.equal(answerPolicy.read(people.dircom, withB, answerA), false);
    assert.equal(answerPolicy.addFile(people.targetCorrespondent, withB, answerA), true);
    assert.equal(answerPolicy.addFile(people.targetCorrespondent, withB, answerB), false);
    assert.equal(answerPolicy.addFile(people.targetContributor, withB, answerA), false);
  });
});

describe('who sends requests, and as what', () => {
  const expected: Record<Who, RequestOrigin[]> = {
    anonymous: [],
    requester: ['dr_officer'],
    sameDrOfficer: ['dr_officer'],
    otherDrOfficer: ['dr_officer'],
    cell: ['cell'],
    dircom: ['dircom'],
    admin: ['admin'],
    targetCorrespondent: [],
    targetContributor: [],
    otherLabCorrespondent: [],
  };
  for (const [who, person] of Object.entries(people)) {
    test(who, () => {
      assert.deepEqual(originsOf(person), expected[who as Who]);
      assert.equal(requestPolicy.create(person), expected[who as Who].length > 0);
    });
  }
});

describe('solicitation policy', () => {
  const solicitation = (state: string) => ({ lab_id: labA, recorded_by: 'corr-a', state });
  test('recorded by the lab’s correspondents; read by them and the cell; handled by the cell while new', () => {
    const cases: Array<[Who, boolean, boolean, boolean]> = [
      ['anonymous', false, false, false],
      ['targetCorrespondent', true, true, false],
      ['targetContributor', false, false, false],
      ['otherLabCorrespondent', false, false, false],
      ['requester', false, false, false],
      ['dircom', false, false, false],
      ['cell', false, true, true],
      ['admin', false, true, true],
    ];
    for (const [who, create, read, handle] of cases) {
      const person = people[who];
      assert.equal(solicitationPolicy.create(person, labA), create, `create ${who}`);
      assert.equal(solicitationPolicy.read(person, solicitation('new')), read, `read ${who}`);
      assert.equal(solicitationPolicy.handle(person, solicitation('new')), handle, `handle ${who}`);
      assert.equal(solicitationPolicy.handle(person, solicitation('routed')), false);
      assert.equal(solicitationPolicy.handle(person, solicitation('dismissed')), false);
    }
  });
});
