import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, assertInvalid, assertStatus } from '../../test/expect.ts';
import {
  createDelegation,
  createLab,
  createNetwork,
  createPerson,
  createSkill,
  signInAs,
} from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const { admin, contributor } = network.people;
const adminSession = await signInAs(t, admin);
const contributorSession = await signInAs(t, contributor);

// A lab of its own so list assertions know exactly who is in it.
const delegation = await createDelegation(t.db);
const lab = await createLab(t.db, { delegationId: delegation.id });
const video = await createSkill(t.db, {
  slug: 'video-editing',
  nameEn: 'Video editing',
  nameFr: 'Montage vidéo',
});
const helene = await createPerson(t.db, {
  firstName: 'Hélène',
  lastName: 'Lécuyer',
  email: 'helene.lecuyer@lab.example',
  labId: lab.id,
  roles: [{ role: 'correspondent', labId: lab.id }],
  skillIds: [video.id],
});
const members = [helene];
for (const lastName of ['Aubert', 'Bernard', 'Dubois', 'Fabre']) {
  members.push(
    await createPerson(t.db, { lastName, labId: lab.id, roles: [{ role: 'contributor', labId: lab.id }] }),
  );
}
const officer = await createPerson(t.db, {
  lastName: 'Officier',
  roles: [{ role: 'dr_officer', delegationId: delegation.id }],
});
const disabled = await createPerson(t.db, { lastName: 'Désactivé', labId: lab.id, status: 'disabled' });

type Listed = {
  items: Array<{
    id: string;
    lastName: string;
    email: string | null;
    phone: string | null;
    accountStatus?: string;
  }>;
  total: number;
};
const list = async (query: string, headers: Record<string, string> = {}) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/people?${query}`, headers });
  assertStatus(response, 200);
  return response.json() as Listed;
};
const idsOf = (page: Listed) => page.items.map((item) => item.id).sort();
const sorted = (...ids: string[]) => [...ids].sort();

describe('GET /api/people', () => {
  test('is public, and searches accent- and case-insensitively', async () => {
    for (const q of ['helene', 'HÉLÈNE', 'lecuyer', 'hélène lécuyer', 'Helene.Lecuyer@']) {
      assert.deepEqual(idsOf(await list(`q=${encodeURIComponent(q)}`)), [helene.id], q);
    }
    assert.equal((await list('q=nobody-by-this-name')).total, 0);
  });

  test('sorts accented surnames where a reader expects them', async () => {
    const lab = await createLab(t.db);
    const names = ['Zola', 'Élise', 'Çoté', 'Dupont', 'émile'];
    for (const lastName of names) await createPerson(t.db, { labId: lab.id, lastName, firstName: 'A' });
    const page = await list(`lab=${lab.id}`);
    assert.deepEqual(
      page.items.map((item) => (item as unknown as { lastName: string }).lastName),
      ['Çoté', 'Dupont', 'Élise', 'émile', 'Zola'],
    );
  });

  test('treats % and _ in the search as plain characters', async () => {
    const underscore = await createPerson(t.db, { email: 'jean_dupont@wild.example' });
    await createPerson(t.db, { email: 'jeanxdupont@wild.example' });
    assert.deepEqual(idsOf(await list(`q=${encodeURIComponent('jean_dupont')}`)), [underscore.id]);
    assert.deepEqual(idsOf(await list(`q=${encodeURIComponent('100%')}`)), []);
    assert.deepEqual(idsOf(await list(`q=${encodeURIComponent('\\')}`)), []);
  });

  test('filters by skill (id or slug), lab, delegation and role', async () => {
    assert.deepEqual(idsOf(await list(`skill=${video.id}`)), [helene.id]);
    assert.deepEqual(idsOf(await list('skill=video-editing')), [helene.id]);
    assert.deepEqual(idsOf(await list(`lab=${lab.id}`)), sorted(...members.map((m) => m.id)));
    assert.deepEqual(
      idsOf(await list(`delegation=${delegation.id}`)),
      sorted(...members.map((m) => m.id), officer.id),
    );
    assert.deepEqual(idsOf(await list(`lab=${lab.id}&role=correspondent`)), [helene.id]);
    assert.deepEqual(idsOf(await list(`delegation=${delegation.id}&role=dr_officer`)), [officer.id]);
    assert.equal((await list('skill=unknown-skill')).total, 0);
  });

  test('pages, ordered by last name, with the total', async () => {
    const first = await list(`lab=${lab.id}&limit=2`);
    assert.equal(first.total, 5);
    assert.deepEqual(
      first.items.map((item) => item.lastName),
      ['Aubert', 'Bernard'],
    );
    const last = await list(`lab=${lab.id}&limit=2&offset=4`);
    assert.equal(last.total, 5);
    assert.deepEqual(
      last.items.map((item) => item.lastName),
      ['Lécuyer'],
    );
    assert.equal((await list(`lab=${lab.id}&offset=10`)).items.length, 0);
  });

  test('shows email and phone to signed-in people only', async () => {
    const anonymous = (await list(`skill=${video.id}`)).items[0]!;
    assert.equal(anonymous.email, null);
    assert.equal(anonymous.phone, null);
    assert.equal(anonymous.accountStatus, undefined);
    const signedIn = (await list(`skill=${video.id}`, contributorSession)).items[0]!;
    assert.equal(signedIn.email, 'helene.lecuyer@lab.example');
    assert.equal(signedIn.phone, '+33 1 23 45 67 89');
    assert.equal(signedIn.accountStatus, undefined, 'the account status is for admins and the person');
  });

  test('hides disabled people from everyone but admins', async () => {
    assert.ok(!idsOf(await list(`lab=${lab.id}`)).includes(disabled.id));
    assert.ok(!idsOf(await list(`lab=${lab.id}`, contributorSession)).includes(disabled.id));
    const asAdmin = await list(`lab=${lab.id}`, adminSession);
    assert.ok(idsOf(asAdmin).includes(disabled.id));
    assert.equal(asAdmin.total, 6);
    assert.equal(asAdmin.items.find((item) => item.id === disabled.id)!.accountStatus, 'disabled');
  });

  test('bad query parameters are a 400 naming the parameter', async () => {
    const bad = (query: string) => t.app.inject({ method: 'GET', url: `/api/people?${query}` });
    const role = assertInvalid(await bad('role=emperor'), 'role');
    assert.equal(
      role.fields?.role,
      'must be one of: contributor, correspondent, dr_officer, cell, dircom, admin',
    );
    assertInvalid(await bad('limit=0'), 'limit');
    assertInvalid(await bad('limit=101'), 'limit');
    assertInvalid(await bad('limit=ten'), 'limit');
    assertInvalid(await bad('offset=-1'), 'offset');
    assertInvalid(await bad(`q=${'x'.repeat(201)}`), 'q');
    assertInvalid(await bad('colour=blue'), 'colour');
  });
});

describe('GET /api/people/:id', () => {
  test('one person with lab, delegation, roles, skills and abilities', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/people/${helene.id}` });
    assertStatus(response, 200);
    const person = response.json();
    assert.equal(person.name, 'Hélène Lécuyer');
    assert.deepEqual(person.lab, { id: lab.id, acronym: lab.acronym, name: lab.name });
    assert.equal(person.delegation.id, delegation.id);
    assert.deepEqual(person.roles, [
      { role: 'correspondent', lab: { id: lab.id, acronym: lab.acronym, name: lab.name }, delegation: null },
    ]);
    assert.deepEqual(person.skills, [
      { id: video.id, slug: 'video-editing', name: { fr: 'Montage vidéo', en: 'Video editing' } },
    ]);
    assert.equal(person.email, null);
    assert.equal(person.abilities.updateProfile, false);
  });

  test('abilities follow the viewer', async () => {
    const self = (
      await t.app.inject({ method: 'GET', url: `/api/people/${contributor.id}`, headers: contributorSession })
    ).json();
    assert.equal(self.abilities.updateProfile, true);
    assert.equal(self.abilities.updateAccount, false);
    assert.equal(self.abilities.disable, false);
    assert.equal(self.accountStatus, 'active');
    const byAdmin = (
      await t.app.inject({ method: 'GET', url: `/api/people/${contributor.id}`, headers: adminSession })
    ).json();
    assert.deepEqual(byAdmin.abilities, {
      readContact: true,
      updateProfile: true,
      updateAccount: true,
      invite: false,
      disable: true,
      enable: false,
      delete: true,
      readHistory: true,
    });
    assert.equal(self.abilities.readHistory, true);
  });

  test('a disabled person is a 404 except for admins', async () => {
    assertError(await t.app.inject({ method: 'GET', url: `/api/people/${disabled.id}` }), 404, 'not_found');
    assertError(
      await t.app.inject({ method: 'GET', url: `/api/people/${disabled.id}`, headers: contributorSession }),
      404,
      'not_found',
    );
    const byAdmin = await t.app.inject({
      method: 'GET',
      url: `/api/people/${disabled.id}`,
      headers: adminSession,
    });
    assertStatus(byAdmin, 200);
    assert.equal(byAdmin.json().abilities.enable, true);
  });

  test('an unknown id is a 404', async () => {
    assertError(
      await t.app.inject({
        method: 'GET',
        url: '/api/people/00000000-0000-4000-8000-000000000000',
        headers: adminSession,
      }),
      404,
      'not_found',
    );
  });
});
