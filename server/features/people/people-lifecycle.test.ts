import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, assertStatus, eventsOf } from '../../test/expect.ts';
import { createNetwork, createPerson, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const { admin, cell, contributor } = network.people;
const adminSession = await signInAs(t, admin);
const cellSession = await signInAs(t, cell);
const contributorSession = await signInAs(t, contributor);
const unknownId = '00000000-0000-4000-8000-000000000000';

const post = (payload: unknown, headers: Record<string, string> = adminSession) =>
  t.app.inject({ method: 'POST', url: '/api/people', headers, payload: payload as object });
const patch = (id: string, payload: unknown, headers: Record<string, string>) =>
  t.app.inject({ method: 'PATCH', url: `/api/people/${id}`, headers, payload: payload as object });
const action = (id: string, name: string, headers: Record<string, string> = adminSession) =>
  t.app.inject({ method: 'POST', url: `/api/people/${id}/${name}`, headers });
const rowOf = (id: string) =>
  t.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const rolesOf = (id: string) =>
  t.db
    .selectFrom('role_assignments')
    .select(['role', 'lab_id', 'delegation_id'])
    .where('person_id', '=', id)
    .execute();

describe('disable, enable, delete', () => {
  test('an admin disables and enables an account, with history', async () => {
    const person = await createPerson(t.db);
    assertError(await action(person.id, 'disable', {}), 401, 'unauthorized');
    assertError(await action(person.id, 'disable', cellSession), 403, 'forbidden');
    const disabled = await action(person.id, 'disable');
    assertStatus(disabled, 200);
    assert.equal(disabled.json().accountStatus, 'disabled');
    assert.equal((await rowOf(person.id)).account_status, 'disabled');
    assertError(await action(person.id, 'disable'), 403, 'forbidden');
    // Non-admins no longer see the person at all.
    assertError(await action(person.id, 'enable', cellSession), 404, 'not_found');

    const enabled = await action(person.id, 'enable');
    assertStatus(enabled, 200);
    assert.equal((await rowOf(person.id)).account_status, 'active');
    assertError(await action(person.id, 'enable'), 403, 'forbidden');
    assert.deepEqual(
      (await eventsOf(t.db, person.id)).map((event) => event.action),
      ['disabled', 'enabled'],
    );
  });

  test('enabling an account that never had a password brings it back to "none"', async () => {
    const person = await createPerson(t.db, { password: null, status: 'disabled' });
    assertStatus(await action(person.id, 'enable'), 200);
    assert.equal((await rowOf(person.id)).account_status, 'none');
  });

  test('admins cannot disable or delete themselves', async () => {
    assertError(await action(admin.id, 'disable'), 403, 'forbidden');
    assertError(
      await t.app.inject({ method: 'DELETE', url: `/api/people/${admin.id}`, headers: adminSession }),
      403,
      'forbidden',
    );
    assert.equal((await rowOf(admin.id)).account_status, 'active');
  });

  test('an admin removes a person: anonymised, roles gone, email free again', async () => {
    const person = await createPerson(t.db, {
      labId: network.lab.id,
      roles: [{ role: 'contributor', labId: network.lab.id }],
    });
    const url = `/api/people/${person.id}`;
    assertError(await t.app.inject({ method: 'DELETE', url }), 401, 'unauthorized');
    assertError(await t.app.inject({ method: 'DELETE', url, headers: contributorSession }), 403, 'forbidden');
    assertStatus(await t.app.inject({ method: 'DELETE', url, headers: adminSession }), 204);

    const row = await rowOf(person.id);
    assert.ok(row.deleted_at);
    assert.notEqual(row.email, person.email);
    assert.equal(row.phone, null);
    assert.equal(row.password_hash, null);
    assert.deepEqual(await rolesOf(person.id), []);
    assert.equal((await eventsOf(t.db, person.id, 'deleted')).length, 1);
    assertError(await t.app.inject({ method: 'GET', url, headers: adminSession }), 404, 'not_found');
    assertError(await t.app.inject({ method: 'DELETE', url, headers: adminSession }), 404, 'not_found');
    assertStatus(
      await post({ email: person.email, firstName: 'Again', lastName: 'Here', sendInvitation: false }),
      201,
    );
  });

  test('unknown ids are a 404', async () => {
    for (const name of ['disable', 'enable', 'invitation'])
      assertError(await action(unknownId, name), 404, 'not_found');
    assertError(
      await t.app.inject({ method: 'DELETE', url: `/api/people/${unknownId}`, headers: adminSession }),
      404,
    );
  });
});

describe('GET /api/people/:id/history', () => {
  test('visible to admins and to the person only', async () => {
    const person = await createPerson(t.db);
    const session = await signInAs(t, person);
    assertStatus(await patch(person.id, { jobTitle: 'Vidéaste' }, session), 200);
    assertStatus(await patch(person.id, { jobTitle: 'Réalisatrice' }, adminSession), 200);
    const url = `/api/people/${person.id}/history`;

    assertError(await t.app.inject({ method: 'GET', url }), 401, 'unauthorized');
    assertError(await t.app.inject({ method: 'GET', url, headers: contributorSession }), 403, 'forbidden');
    assertError(await t.app.inject({ method: 'GET', url, headers: cellSession }), 403, 'forbidden');
    const own = await t.app.inject({ method: 'GET', url, headers: session });
    assertStatus(own, 200);
    assert.equal(own.json().items.length, 2);
    const byAdmin = await t.app.inject({ method: 'GET', url, headers: adminSession });
    assertStatus(byAdmin, 200);
    const actors = byAdmin.json().items.map((item: { actor: { id: string } }) => item.actor.id);
    assert.deepEqual(actors.sort(), [admin.id, person.id].sort());
    assertError(
      await t.app.inject({ method: 'GET', url: `/api/people/${unknownId}/history`, headers: adminSession }),
      404,
    );
  });
});
