import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, assertInvalid, assertStatus, eventsOf } from '../../test/expect.ts';
import { createDelegation, createLab, createNetwork, createPerson, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const adminSession = await signInAs(t, network.people.admin);
const cellSession = await signInAs(t, network.people.cell);
const drSession = await signInAs(t, network.people.drOfficer);
const unknownId = '00000000-0000-4000-8000-000000000000';

const post = (payload: unknown, headers: Record<string, string> = adminSession) =>
  t.app.inject({ method: 'POST', url: '/api/delegations', headers, payload: payload as object });
const patch = (id: string, payload: unknown, headers: Record<string, string> = adminSession) =>
  t.app.inject({ method: 'PATCH', url: `/api/delegations/${id}`, headers, payload: payload as object });
const remove = (id: string, headers: Record<string, string> = adminSession) =>
  t.app.inject({ method: 'DELETE', url: `/api/delegations/${id}`, headers });
const rowOf = (id: string) =>
  t.db.selectFrom('delegations').selectAll().where('id', '=', id).executeTakeFirst();

describe('GET /api/delegations', () => {
  test('public, in the order of their numbers, with lab counts', async () => {
    const dr10 = await createDelegation(t.db, { code: 'DR1010' });
    const dr2 = await createDelegation(t.db, { code: 'DR902' });
    await createLab(t.db, { delegationId: dr2.id });
    await createLab(t.db, { delegationId: dr2.id });
    const response = await t.app.inject({ method: 'GET', url: '/api/delegations' });
    assertStatus(response, 200);
    const items = response.json().items as Array<{
      id: string;
      code: string;
      labCount: number;
      abilities: object;
    }>;
    const codes = items.map((item) => item.code);
    assert.ok(codes.indexOf('DR902') < codes.indexOf('DR1010'), codes.join(','));
    assert.equal(items.find((item) => item.id === dr2.id)!.labCount, 2);
    assert.equal(items.find((item) => item.id === dr10.id)!.labCount, 0);
    assert.deepEqual(items[0]!.abilities, { update: false, delete: false });
  });

  test('one delegation; abilities for admins; unknown id 404', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/delegations/${network.delegation.id}`,
      headers: adminSession,
    });
    assertStatus(response, 200);
    assert.equal(response.json().code, network.delegation.code);
    assert.equal(response.json().labCount, 1);
    assert.deepEqual(response.json().abilities, { update: true, delete: false });
    assertError(
      await t.app.inject({ method: 'GET', url: `/api/delegations/${unknownId}` }),
      404,
      'not_found',
    );
  });
});

describe('POST /api/delegations', () => {
  test('admins only', async () => {
    const payload = { code: 'DR50', name: 'Nowhere' };
    assertError(await post(payload, {}), 401, 'unauthorized');
    assertError(await post(payload, cellSession), 403, 'forbidden');
    assertError(await post(payload, drSession), 403, 'forbidden');
    assert.equal(
      await t.db.selectFrom('delegations').select('id').where('code', '=', 'DR50').executeTakeFirst(),
      undefined,
    );
  });

  test('adds a delegation with an upper-case code, and records it', async () => {
    const response = await post({ code: ' dr 99 ', name: 'Délégation Test', city: 'Brest' });
    assertStatus(response, 201);
    const body = response.json();
    assert.equal(body.code, 'DR 99');
    const row = await rowOf(body.id);
    assert.equal(row?.name, 'Délégation Test');
    assert.equal(row?.city, 'Brest');
    assert.equal((await eventsOf(t.db, body.id, 'created')).length, 1);
  });

  test('a code already used (in any case) is a 409 on code', async () => {
    const error = assertError(
      await post({ code: network.delegation.code.toLowerCase(), name: 'Twin' }),
      409,
      'conflict',
    );
    assert.ok(error.fields?.code);
  });

  test('bad input is a 400 naming the field', async () => {
    assertInvalid(await post({ name: 'No code' }), 'code');
    assertInvalid(await post({ code: 'DR/../1', name: 'Slash' }), 'code');
    assertInvalid(await post({ code: '   ', name: 'Blank' }), 'code');
    assertInvalid(await post({ code: 'DR77' }), 'name');
    assertInvalid(await post({ code: 'DR77', name: 'X', city: 'y'.repeat(201) }), 'city');
    assertInvalid(await post({ code: 'DR77', name: 'X', region: 'Bretagne' }), 'region');
  });
});

describe('PATCH /api/delegations/:id', () => {
  test('an admin edits it; the change is recorded', async () => {
    const delegation = await createDelegation(t.db);
    const response = await patch(delegation.id, {
      name: 'Délégation Bretagne et Pays de la Loire',
      city: 'Rennes',
    });
    assertStatus(response, 200);
    assert.equal(response.json().name, 'Délégation Bretagne et Pays de la Loire');
    assert.equal((await rowOf(delegation.id))?.city, 'Rennes');
    const events = await eventsOf(t.db, delegation.id, 'updated');
    assert.equal(events.length, 1);
    // The same values again: nothing to record.
    assertStatus(await patch(delegation.id, { city: 'Rennes' }), 200);
    assert.equal((await eventsOf(t.db, delegation.id, 'updated')).length, 1);
  });

  test('refusals, conflicts, bad input and unknown ids', async () => {
    const delegation = await createDelegation(t.db);
    assertError(await patch(delegation.id, { name: 'x' }, {}), 401, 'unauthorized');
    assertError(await patch(delegation.id, { name: 'x' }, drSession), 403, 'forbidden');
    const conflict = assertError(
      await patch(delegation.id, { code: network.otherDelegation.code }),
      409,
      'conflict',
    );
    assert.ok(conflict.fields?.code);
    assertStatus(await patch(delegation.id, { code: delegation.code.toLowerCase() }), 200);
    assertError(await patch(delegation.id, {}), 400, 'invalid');
    assertInvalid(await patch(delegation.id, { name: 12 }), 'name');
    assertError(await patch(unknownId, { name: 'x' }), 404, 'not_found');
    assert.equal((await rowOf(delegation.id))?.name, delegation.name);
  });
});

describe('DELETE /api/delegations/:id', () => {
  test('admins remove an empty delegation', async () => {
    const delegation = await createDelegation(t.db);
    assertError(await remove(delegation.id, {}), 401, 'unauthorized');
    assertError(await remove(delegation.id, cellSession), 403, 'forbidden');
    assertStatus(await remove(delegation.id), 204);
    assert.equal(await rowOf(delegation.id), undefined);
    assert.equal((await eventsOf(t.db, delegation.id, 'deleted')).length, 1);
    assertError(await t.app.inject({ method: 'GET', url: `/api/delegations/${delegation.id}` }), 404);
    assertError(await remove(delegation.id), 404, 'not_found');
  });

  test('refused while labs or officers are attached', async () => {
    assertError(await remove(network.delegation.id), 409, 'conflict');
    const withOfficer = await createDelegation(t.db);
    await createPerson(t.db, { roles: [{ role: 'dr_officer', delegationId: withOfficer.id }] });
    assertError(await remove(withOfficer.id), 409, 'conflict');
    assert.ok(await rowOf(withOfficer.id));
  });
});

describe('the delete ability matches what DELETE does', () => {
  test('a delegation whose only lab was removed cannot be deleted, and says so', async () => {
    const delegation = await createDelegation(t.db);
    const lab = await createLab(t.db, { delegationId: delegation.id });
    assertStatus(
      await t.app.inject({ method: 'DELETE', url: `/api/labs/${lab.id}`, headers: adminSession }),
      204,
    );
    const shown = await t.app.inject({ url: `/api/delegations/${delegation.id}`, headers: adminSession });
    assert.equal(shown.json().labCount, 0);
    assert.equal(shown.json().abilities.delete, false);
    assertError(await remove(delegation.id), 409, 'conflict');
  });

  test('a delegation with an officer cannot be deleted either; an unused one can', async () => {
    const withOfficer = await createDelegation(t.db);
    await createPerson(t.db, { roles: [{ role: 'dr_officer', delegationId: withOfficer.id }] });
    const shown = await t.app.inject({ url: `/api/delegations/${withOfficer.id}`, headers: adminSession });
    assert.equal(shown.json().abilities.delete, false);
    const unused = await createDelegation(t.db);
    const free = await t.app.inject({ url: `/api/delegations/${unused.id}`, headers: adminSession });
    assert.equal(free.json().abilities.delete, true);
    assertStatus(await remove(unused.id), 204);
  });
});
