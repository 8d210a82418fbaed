import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, assertInvalid, assertStatus, eventsOf } from '../../test/expect.ts';
import { createDelegation, createLab, createNetwork, createPerson, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const { admin, cell, correspondent, otherCorrespondent, contributor, drOfficer } = network.people;
const sessions = {
  admin: await signInAs(t, admin),
  cell: await signInAs(t, cell),
  correspondent: await signInAs(t, correspondent),
  otherCorrespondent: await signInAs(t, otherCorrespondent),
  contributor: await signInAs(t, contributor),
  drOfficer: await signInAs(t, drOfficer),
};
const unknownId = '00000000-0000-4000-8000-000000000000';

const delegation = await createDelegation(t.db);
const ijclab = await createLab(t.db, {
  acronym: 'IJCLab',
  name: 'Laboratoire de Physique des 2 Infinis Irène Joliot-Curie',
  delegationId: delegation.id,
  themes: ['Énergie nucléaire', 'Accélérateurs'],
});

const newLab = {
  acronym: 'LUPM',
  name: 'Laboratoire Univers et Particules de Montpellier',
  kind: 'lab',
  city: 'Montpellier',
  delegationId: network.delegation.id,
};
const post = (payload: unknown, headers: Record<string, string> = sessions.admin) =>
  t.app.inject({ method: 'POST', url: '/api/labs', headers, payload: payload as object });
const patch = (id: string, payload: unknown, headers: Record<string, string>) =>
  t.app.inject({ method: 'PATCH', url: `/api/labs/${id}`, headers, payload: payload as object });
const remove = (id: string, headers: Record<string, string>) =>
  t.app.inject({ method: 'DELETE', url: `/api/labs/${id}`, headers });
const rowOf = (id: string) =>
  t.db.selectFrom('labs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const listIds = async (query: string) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/labs?${query}` });
  assertStatus(response, 200);
  return (response.json().items as Array<{ id: string }>).map((item) => item.id).sort();
};

describe('GET /api/labs', () => {
  test('is public and searches acronym, name, city and themes without accents or case', async () => {
    for (const q of ['irene', 'IRÈNE', 'ijclab', 'energie nucleaire', 'accélérateurs']) {
      assert.deepEqual(await listIds(`q=${encodeURIComponent(q)}`), [ijclab.id], q);
    }
    assert.deepEqual(await listIds('q=atlantis'), []);
  });

  test('filters by delegation and kind', async () => {
    assert.deepEqual(await listIds(`delegation=${delegation.id}`), [ijclab.id]);
    assert.deepEqual(await listIds(`delegation=${network.delegation.id}`), [network.lab.id]);
    const platform = await post({
      ...newLab,
      acronym: 'PLAT',
      kind: 'platform',
      delegationId: delegation.id,
    });
    assertStatus(platform, 201);
    assert.deepEqual(await listIds(`delegation=${delegation.id}&kind=platform`), [platform.json().id]);
    assert.deepEqual(await listIds(`delegation=${delegation.id}&kind=lab`), [ijclab.id]);
  });

  test('bad filters are a 400 naming the parameter', async () => {
    const kind = assertInvalid(await t.app.inject({ method: 'GET', url: '/api/labs?kind=castle' }), 'kind');
    assert.equal(kind.fields?.kind, 'must be one of: lab, platform');
    assertInvalid(await t.app.inject({ method: 'GET', url: `/api/labs?q=${'x'.repeat(201)}` }), 'q');
    assertInvalid(await t.app.inject({ method: 'GET', url: '/api/labs?size=3' }), 'size');
  });
});

describe('GET /api/labs/:id', () => {
  test('one lab, with its delegation, correspondents and people count (active people only)', async () => {
    const lab = await createLab(t.db, { delegationId: delegation.id });
    const lead = await createPerson(t.db, {
      firstName: 'Anne',
      lastName: 'Relais',
      labId: lab.id,
      roles: [{ role: 'correspondent', labId: lab.id }],
    });
    await createPerson(t.db, { labId: lab.id });
    await createPerson(t.db, {
      labId: lab.id,
      status: 'disabled',
      roles: [{ role: 'correspondent', labId: lab.id }],
    });
    const response = await t.app.inject({ method: 'GET', url: `/api/labs/${lab.id}` });
    assertStatus(response, 200);
    const body = response.json();
    assert.equal(body.acronym, lab.acronym);
    assert.deepEqual(body.delegation, { id: delegation.id, code: delegation.code, name: delegation.name });
    assert.equal(body.peopleCount, 2);
    assert.deepEqual(body.correspondents, [{ id: lead.id, name: 'Anne Relais', jobTitle: 'Ingénieure' }]);
    assert.deepEqual(body.themes, ['Neutrinos']);
    assert.deepEqual(body.abilities, {
      update: false,
      updateIdentity: false,
      delete: false,
      readHistory: false,
    });
  });

  test('abilities follow the viewer', async () => {
    const get = (headers: Record<string, string>) =>
      t.app
        .inject({ method: 'GET', url: `/api/labs/${network.lab.id}`, headers })
        .then((r) => r.json().abilities);
    assert.deepEqual(await get(sessions.correspondent), {
      update: true,
      updateIdentity: false,
      delete: false,
      readHistory: true,
    });
    assert.deepEqual(await get(sessions.otherCorrespondent), {
      update: false,
      updateIdentity: false,
      delete: false,
      readHistory: true,
    });
    assert.deepEqual(await get(sessions.admin), {
      update: true,
      updateIdentity: true,
      delete: true,
      readHistory: true,
    });
    assert.equal((await get({})).readHistory, false);
  });

  test('an unknown id is a 404', async () => {
    assertError(await t.app.inject({ method: 'GET', url: `/api/labs/${unknownId}` }), 404, 'not_found');
  });
});

describe('POST /api/labs', () => {
  test('admins only', async () => {
    assertError(await post(newLab, {}), 401, 'unauthorized');
    assertError(await post(newLab, sessions.cell), 403, 'forbidden');
    assertError(await post(newLab, sessions.correspondent), 403, 'forbidden');
  });

  test('adds a lab and records it', async () => {
    const response = await post({
      ...newLab,
      themes: ['Astroparticules'],
      website: 'https://lupm.example',
      latitude: 43.6,
    });
    assertStatus(response, 201);
    const body = response.json();
    assert.equal(body.acronym, 'LUPM');
    assert.equal(body.peopleCount, 0);
    const row = await rowOf(body.id);
    assert.equal(row.city, 'Montpellier');
    assert.deepEqual(row.themes, ['Astroparticules']);
    assert.equal(row.latitude, 43.6);
    const events = await eventsOf(t.db, body.id, 'created');
    assert.equal(events.length, 1);
    assert.equal(events[0]!.actor_id, admin.id);
  });

  test('a duplicate acronym is a 409 on acronym, even with surrounding spaces', async () => {
    const first = assertError(await post({ ...newLab, acronym: ijclab.acronym }), 409, 'conflict');
    assert.ok(first.fields?.acronym);
    const spaced = assertError(await post({ ...newLab, acronym: ` ${ijclab.acronym} ` }), 409, 'conflict');
    assert.ok(spaced.fields?.acronym);
    const otherCase = assertError(
      await post({ ...newLab, acronym: ijclab.acronym.toUpperCase() }),
      409,
      'conflict',
    );
    assert.ok(otherCase.fields?.acronym);
    const count = await t.db.selectFrom('labs').select('id').where('acronym', '=', ijclab.acronym).execute();
    assert.equal(count.length, 1);
  });

  test('bad input is a 400 naming the field', async () => {
    const { acronym: _acronym, ...withoutAcronym } = newLab;
    assertInvalid(await post(withoutAcronym), 'acronym');
    assertInvalid(await post({ ...newLab, acronym: '   ' }), 'acronym');
    assertInvalid(await post({ ...newLab, acronym: 'NEW1', name: '  ' }), 'name');
    assertInvalid(await post({ ...newLab, acronym: 'NEW1', city: ' ' }), 'city');
    assertInvalid(await post({ ...newLab, acronym: 'NEW1', kind: 'castle' }), 'kind');
    assertInvalid(await post({ ...newLab, acronym: 'NEW1', delegationId: unknownId }), 'delegationId');
    assertInvalid(await post({ ...newLab, acronym: 'NEW1', website: 'javascript:alert(1)' }), 'website');
    assertInvalid(await post({ ...newLab, acronym: 'NEW1', latitude: 91 }), 'latitude');
    assertInvalid(await post({ ...newLab, acronym: 'NEW1', themes: [''] }), 'themes.0');
    assertInvalid(await post({ ...newLab, acronym: 'NEW1', logoPath: '/etc/passwd' }), 'logoPath');
    assert.equal(
      await t.db.selectFrom('labs').select('id').where('acronym', '=', 'NEW1').executeTakeFirst(),
      undefined,
    );
  });
});

describe('PATCH /api/labs/:id', () => {
  test('an admin edits anything; the change is recorded', async () => {
    const lab = await createLab(t.db, { delegationId: delegation.id });
    const response = await patch(
      lab.id,
      { name: 'Nouveau nom', kind: 'platform', delegationId: network.delegation.id },
      sessions.admin,
    );
    assertStatus(response, 200);
    assert.equal(response.json().delegation.id, network.delegation.id);
    const row = await rowOf(lab.id);
    assert.equal(row.name, 'Nouveau nom');
    assert.equal(row.kind, 'platform');
    assert.equal(row.delegation_id, network.delegation.id);
    const events = await eventsOf(t.db, lab.id, 'updated');
    assert.equal(events.length, 1);
    assert.deepEqual((events[0]!.data as { changes: Record<string, unknown> }).changes.kind, [
      'lab',
      'platform',
    ]);
  });

  test("the lab's correspondent edits its presentation, not its identity", async () => {
    const response = await patch(
      network.lab.id,
      { themes: ['Neutrinos', 'Matière noire'], website: 'https://lab.example' },
      sessions.correspondent,
    );
    assertStatus(response, 200);
    const row = await rowOf(network.lab.id);
    assert.deepEqual(row.themes, ['Neutrinos', 'Matière noire']);
    assert.equal(row.website, 'https://lab.example');
    assert.equal((await eventsOf(t.db, network.lab.id, 'updated'))[0]!.actor_id, correspondent.id);

    for (const identity of [{ acronym: 'MINE' }, { kind: 'platform' }, { delegationId: delegation.id }]) {
      assertError(
        await patch(network.lab.id, { ...identity, themes: ['x'] }, sessions.correspondent),
        403,
        'forbidden',
      );
    }
    const after = await rowOf(network.lab.id);
    assert.equal(after.acronym, network.lab.acronym);
    assert.equal(after.kind, 'lab');
    assert.deepEqual(after.themes, ['Neutrinos', 'Matière noire']);
  });

  test('anyone else is refused', async () => {
    const before = await rowOf(network.lab.id);
    assertError(await patch(network.lab.id, { website: '' }, {}), 401, 'unauthorized');
    assertError(await patch(network.lab.id, { website: '' }, sessions.otherCorrespondent), 403, 'forbidden');
    assertError(await patch(network.lab.id, { website: '' }, sessions.contributor), 403, 'forbidden');
    assertError(await patch(network.lab.id, { website: '' }, sessions.drOfficer), 403, 'forbidden');
    assertError(await patch(network.lab.id, { website: '' }, sessions.cell), 403, 'forbidden');
    assert.deepEqual(await rowOf(network.lab.id), before);
  });

  test('conflicts, bad input and unknown ids', async () => {
    const conflict = assertError(
      await patch(network.otherLab.id, { acronym: ijclab.acronym }, sessions.admin),
      409,
      'conflict',
    );
    assert.ok(conflict.fields?.acronym);
    assertInvalid(
      await patch(network.otherLab.id, { delegationId: unknownId }, sessions.admin),
      'delegationId',
    );
    assertInvalid(await patch(network.otherLab.id, { longitude: 'east' }, sessions.admin), 'longitude');
    assertError(await patch(network.otherLab.id, {}, sessions.admin), 400, 'invalid');
    assertError(await patch(unknownId, { name: 'Ghost' }, sessions.admin), 404, 'not_found');
    // Keeping its own acronym is not a conflict.
    assertStatus(
      await patch(network.otherLab.id, { acronym: network.otherLab.acronym }, sessions.admin),
      200,
    );
  });
});

describe('DELETE /api/labs/:id', () => {
  test('admins only, and never while people remain', async () => {
    const lab = await createLab(t.db, { delegationId: delegation.id });
    const member = await createPerson(t.db, { labId: lab.id });
    assertError(await remove(lab.id, {}), 401, 'unauthorized');
    assertError(await remove(lab.id, sessions.cell), 403, 'forbidden');
    assertError(await remove(lab.id, sessions.admin), 409, 'conflict');
    assert.equal((await rowOf(lab.id)).deleted_at, null);

    assertStatus(await patch(lab.id, { name: 'Bientôt fermé' }, sessions.admin), 200);
    assertStatus(
      await t.app.inject({ method: 'DELETE', url: `/api/people/${member.id}`, headers: sessions.admin }),
      204,
    );
    const remote = await createPerson(t.db, { roles: [{ role: 'correspondent', labId: lab.id }] });
    assertStatus(await remove(lab.id, sessions.admin), 204);

    assert.ok((await rowOf(lab.id)).deleted_at);
    assert.equal((await eventsOf(t.db, lab.id, 'deleted')).length, 1);
    const roles = await t.db
      .selectFrom('role_assignments')
      .select('id')
      .where('person_id', '=', remote.id)
      .execute();
    assert.deepEqual(roles, []);
    assertError(await t.app.inject({ method: 'GET', url: `/api/labs/${lab.id}` }), 404, 'not_found');
    assert.ok(!(await listIds(`delegation=${delegation.id}`)).includes(lab.id));
    assertError(await remove(lab.id, sessions.admin), 404, 'not_found');
    assertError(await patch(lab.id, { name: 'Back' }, sessions.admin), 404, 'not_found');
    // Its acronym is free again.
    assertStatus(await post({ ...newLab, acronym: lab.acronym }), 201);
  });

  test('an unknown id is a 404', async () => {
    assertError(await remove(unknownId, sessions.admin), 404, 'not_found');
  });
});

describe('GET /api/labs/:id/history', () => {
  test('for signed-in people, newest first with who did it', async () => {
    const lab = (await post({ ...newLab, acronym: 'HIST' })).json();
    t.clock.current = new Date(t.clock.current.getTime() + 60_000);
    assertStatus(await patch(lab.id, { city: 'Nîmes' }, sessions.admin), 200);
    const url = `/api/labs/${lab.id}/history`;
    assertError(await t.app.inject({ method: 'GET', url }), 401, 'unauthorized');
    const response = await t.app.inject({ method: 'GET', url, headers: sessions.contributor });
    assertStatus(response, 200);
    const items = response.json().items;
    assert.deepEqual(
      items.map((item: { action: string }) => item.action),
      ['updated', 'created'],
    );
    assert.equal(items[0].actor.id, admin.id);
    assert.equal(items[0].actor.name, `${admin.first_name} ${admin.last_name}`);
    assertError(
      await t.app.inject({ method: 'GET', url: `/api/labs/${unknownId}/history`, headers: sessions.admin }),
      404,
    );
  });
});
