import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type RoleName, roleScope } from '../../../shared/roles.ts';
import type { Person } from '../../db/schema.ts';
import { type Actor, type Grant, makeActor } from '../auth/actor.ts';
import { personPolicy } from './policy.ts';

/** Pure tests: rows in, booleans out, no database. */
const labA = 'lab-a';
const labB = 'lab-b';
const delegation = 'dr-1';

function person(id: string, overrides: Partial<Person> = {}): Person {
  return {
    id,
    email: `${id}@lab.example`,
    first_name: id,
    last_name: id,
    search_text: id,
    sort_name: id,
    notification_mode: 'immediate',
    job_title: '',
    lab_id: labA,
    languages: [],
    is_media_trained: false,
    phone: null,
    photo_path: null,
    locale: 'fr',
    password_hash: 'hash',
    account_status: 'active',
    last_login_at: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    deleted_at: null,
    ...overrides,
  };
}

function actorWith(role: RoleName | 'anonymous'): Actor | null {
  if (role === 'anonymous') return null;
  const grant: Grant = {
    role,
    labId: roleScope[role] === 'lab' ? labA : null,
    delegationId: roleScope[role] === 'delegation' ? delegation : null,
  };
  return makeActor(person('actor', { lab_id: grant.labId }), [grant], 'session', 'session-id');
}

const roles = ['anonymous', 'contributor', 'correspondent', 'dr_officer', 'cell', 'dircom', 'admin'] as const;
const targets = {
  self: person('actor'),
  sameLab: person('colleague', { lab_id: labA }),
  otherLab: person('stranger', { lab_id: labB }),
  invited: person('newcomer', { lab_id: labA, account_status: 'invited', password_hash: null }),
  disabled: person('gone', { lab_id: labA, account_status: 'disabled' }),
  deleted: person('removed', { lab_id: labA, deleted_at: '2026-02-01T00:00:00.000Z' }),
} as const;
type Target = keyof typeof targets;

const all = (value: boolean): Record<Target, boolean> => ({
  self: value,
  sameLab: value,
  otherLab: value,
  invited: value,
  disabled: value,
  deleted: value,
});
const onlyAdmin = (expected: Record<Target, boolean>) => ({
  anonymous: all(false),
  contributor: all(false),
  correspondent: all(false),
  dr_officer: all(false),
  cell: all(false),
  dircom: all(false),
  admin: expected,
});
const readable = { ...all(true), disabled: false, deleted: false };
const nonAdminSelfOnly = { ...all(false), self: true };

/** role → target → expected, for each rule. */
const expectations: Record<string, Record<(typeof roles)[number], Record<Target, boolean>>> = {
  read: {
    anonymous: readable,
    contributor: readable,
    correspondent: readable,
    dr_officer: readable,
    cell: readable,
    dircom: readable,
    admin: { ...all(true), deleted: false },
  },
  updateProfile: {
    anonymous: all(false),
    contributor: nonAdminSelfOnly,
    correspondent: nonAdminSelfOnly,
    dr_officer: nonAdminSelfOnly,
    cell: nonAdminSelfOnly,
    dircom: nonAdminSelfOnly,
    admin: all(true),
  },
  readHistory: {
    anonymous: all(false),
    contributor: nonAdminSelfOnly,
    correspondent: nonAdminSelfOnly,
    dr_officer: nonAdminSelfOnly,
    cell: nonAdminSelfOnly,
    dircom: nonAdminSelfOnly,
    admin: all(true),
  },
  updateAccount: onlyAdmin(all(true)),
  invite: onlyAdmin({ ...all(false), invited: true }),
  disable: onlyAdmin({ ...all(true), self: false, disabled: false }),
  enable: onlyAdmin({ ...all(false), disabled: true }),
  delete: onlyAdmin({ ...all(true), self: false }),
};

const rules: Record<string, (actor: Actor | null, target: Person) => boolean> = {
  read: personPolicy.read,
  updateProfile: personPolicy.updateProfile,
  readHistory: personPolicy.readHistory,
  updateAccount: (actor) => personPolicy.updateAccount(actor),
  invite: personPolicy.invite,
  disable: personPolicy.disable,
  enable: personPolicy.enable,
  delete: personPolicy.delete,
};

describe('personPolicy', () => {
  for (const [rule, byRole] of Object.entries(expectations)) {
    for (const role of roles) {
      test(`${rule} as ${role}`, () => {
        const actor = actorWith(role);
        const actual = Object.fromEntries(
          Object.entries(targets).map(([name, target]) => [name, rules[rule]!(actor, target)]),
        );
        assert.deepEqual(actual, byRole[role]);
      });
    }
  }

  test('contact details and creating people', () => {
    for (const role of roles) {
      const actor = actorWith(role);
      assert.equal(personPolicy.readContact(actor), role !== 'anonymous', role);
      assert.equal(personPolicy.create(actor), role === 'admin', role);
    }
  });
});
