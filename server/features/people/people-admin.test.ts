import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, assertInvalid, assertStatus, eventsOf } from '../../test/expect.ts';
import { createNetwork, createPerson, createSkill, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const { admin, cell, contributor, correspondent } = network.people;
const adminSession = await signInAs(t, admin);
const cellSession = await signInAs(t, cell);
const contributorSession = await signInAs(t, contributor);
const skill = await createSkill(t.db);
const unknownId = '00000000-0000-4000-8000-000000000000';

const post = (payload: unknown, headers: Record<string, string> = adminSession) =>
  t.app.inject({ method: 'POST', url: '/api/people', headers, payload: payload as object });
const patch = (id: string, payload: unknown, headers: Record<string, string>) =>
  t.app.inject({ method: 'PATCH', url: `/api/people/${id}`, headers, payload: payload as object });
const rowOf = (id: string) =>
  t.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const rolesOf = (id: string) =>
  t.db
    .selectFrom('role_assignments')
    .select(['role', 'lab_id', 'delegation_id'])
    .where('person_id', '=', id)
    .execute();

describe('POST /api/people', () => {
  const valid = {
    email: 'Marie.Curie@Lab.example',
    firstName: ' Marie ',
    lastName: 'Curie',
    sendInvitation: false,
  };

  test('admins only', async () => {
    assertError(await post(valid, {}), 401, 'unauthorized');
    assertError(await post(valid, cellSession), 403, 'forbidden');
    assertError(await post(valid, contributorSession), 403, 'forbidden');
    assert.equal(
      await t.db
        .selectFrom('people')
        .select('id')
        .where('email', '=', 'marie.curie@lab.example')
        .executeTakeFirst(),
      undefined,
    );
  });

  test('adds a person with lab, roles and skills, and records it', async () => {
    const response = await post({
      ...valid,
      jobTitle: 'Chargée de communication',
      phone: '+33 6 00 00 00 00',
      languages: ['fr', 'en'],
      isMediaTrained: true,
      labId: network.lab.id,
      roles: [
        { role: 'correspondent', labId: network.lab.id, delegationId: network.delegation.id },
        { role: 'dr_officer', delegationId: network.delegation.id },
      ],
      skillIds: [skill.id],
    });
    assertStatus(response, 201);
    const person = response.json();
    assert.equal(person.email, 'marie.curie@lab.example');
    assert.equal(person.firstName, 'Marie');
    assert.equal(person.lab.id, network.lab.id);
    assert.deepEqual(
      person.skills.map((s: { id: string }) => s.id),
      [skill.id],
    );

    const row = await rowOf(person.id);
    assert.equal(row.email, 'marie.curie@lab.example');
    assert.equal(row.is_media_trained, true);
    assert.deepEqual(row.languages, ['fr', 'en']);
    assert.equal(row.account_status, 'none');
    const roles = await rolesOf(person.id);
    assert.deepEqual(roles.map((r) => [r.role, r.lab_id, r.delegation_id]).sort(), [
      ['correspondent', network.lab.id, null],
      ['dr_officer', null, network.delegation.id],
    ]);
    const events = await eventsOf(t.db, person.id, 'created');
    assert.equal(events.length, 1);
    assert.equal(events[0]!.actor_id, admin.id);
  });

  test('a duplicate email (in any case) is a 409 on email', async () => {
    const error = assertError(
      await post({ ...valid, email: correspondent.email.toUpperCase() }),
      409,
      'conflict',
    );
    assert.ok(error.fields?.email);
  });

  test('unknown lab, delegation or skill is a 400 on that field', async () => {
    const email = 'refs@lab.example';
    assertInvalid(await post({ ...valid, email, labId: unknownId }), 'labId');
    assertInvalid(
      await post({ ...valid, email, roles: [{ role: 'contributor', labId: unknownId }] }),
      'roles.0.labId',
    );
    assertInvalid(
      await post({
        ...valid,
        email,
        roles: [{ role: 'cell' }, { role: 'dr_officer', delegationId: unknownId }],
      }),
      'roles.1.delegationId',
    );
    assertInvalid(await post({ ...valid, email, skillIds: [skill.id, unknownId] }), 'skillIds');
    assert.equal(
      await t.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirst(),
      undefined,
    );
  });

  test('a role that needs a lab or a delegation without one is a 400', async () => {
    assertInvalid(
      await post({ ...valid, email: 'r1@lab.example', roles: [{ role: 'correspondent' }] }),
      'roles.0.labId',
    );
    assertInvalid(
      await post({ ...valid, email: 'r2@lab.example', roles: [{ role: 'dr_officer' }] }),
      'roles.0.delegationId',
    );
  });

  test('bad input is a 400 naming the field', async () => {
    assertInvalid(await post({ firstName: 'No', lastName: 'Email' }), 'email');
    assertInvalid(await post({ ...valid, email: 'not-an-email' }), 'email');
    assertInvalid(await post({ ...valid, firstName: '' }), 'firstName');
    assertInvalid(await post({ ...valid, lastName: '   ' }), 'lastName');
    assertInvalid(await post({ ...valid, phone: 'call me' }), 'phone');
    assertInvalid(await post({ ...valid, languages: ['french'] }), 'languages.0');
    assertInvalid(await post({ ...valid, roles: [{ role: 'emperor' }] }), 'roles.0.role');
    assertInvalid(await post({ ...valid, locale: 'de' }), 'locale');
    assertInvalid(await post({ ...valid, isAdmin: true }), 'isAdmin');
  });
});

describe('PATCH /api/people/:id', () => {
  test('a person edits their own profile; the change is recorded and searchable', async () => {
    const person = await createPerson(t.db, { labId: network.lab.id });
    const session = await signInAs(t, person);
    const response = await patch(
      person.id,
      {
        firstName: 'Zéphyrine',
        jobTitle: 'Photographe',
        phone: null,
        languages: ['fr'],
        skillIds: [skill.id],
        locale: 'en',
      },
      session,
    );
    assertStatus(response, 200);
    assert.equal(response.json().firstName, 'Zéphyrine');
    const row = await rowOf(person.id);
    assert.equal(row.first_name, 'Zéphyrine');
    assert.equal(row.job_title, 'Photographe');
    assert.equal(row.phone, null);
    assert.equal(row.locale, 'en');
    const skills = await t.db
      .selectFrom('person_skills')
      .select('skill_id')
      .where('person_id', '=', person.id)
      .execute();
    assert.deepEqual(skills, [{ skill_id: skill.id }]);
    const events = await eventsOf(t.db, person.id, 'updated');
    assert.equal(events.length, 1);
    assert.deepEqual((events[0]!.data as { changes: Record<string, unknown> }).changes.first_name, [
      person.first_name,
      'Zéphyrine',
    ]);
    const found = await t.app.inject({ method: 'GET', url: '/api/people?q=zephyrine' });
    assert.deepEqual(
      found.json().items.map((item: { id: string }) => item.id),
      [person.id],
    );
  });

  test("someone else's profile is a 403 unless admin", async () => {
    const person = await createPerson(t.db);
    assertError(await patch(person.id, { jobTitle: 'Hacked' }, contributorSession), 403, 'forbidden');
    assertError(await patch(person.id, { jobTitle: 'Hacked' }, cellSession), 403, 'forbidden');
    assertError(await patch(person.id, { jobTitle: 'Hacked' }, {}), 401, 'unauthorized');
    assert.equal((await rowOf(person.id)).job_title, 'Ingénieure');
    assertStatus(await patch(person.id, { jobTitle: 'Technicienne' }, adminSession), 200);
    assert.equal((await rowOf(person.id)).job_title, 'Technicienne');
  });

  test('only admins change an email, a lab or roles, even their own', async () => {
    const person = await createPerson(t.db);
    const session = await signInAs(t, person);
    assertError(await patch(person.id, { email: 'new@lab.example' }, session), 403, 'forbidden');
    assertError(await patch(person.id, { labId: network.lab.id }, session), 403, 'forbidden');
    assertError(await patch(person.id, { roles: [{ role: 'admin' }] }, session), 403, 'forbidden');
    assert.deepEqual(await rolesOf(person.id), []);

    const response = await patch(
      person.id,
      {
        email: 'Moved@Lab.example',
        labId: network.otherLab.id,
        roles: [{ role: 'correspondent', labId: network.otherLab.id }],
      },
      adminSession,
    );
    assertStatus(response, 200);
    const row = await rowOf(person.id);
    assert.equal(row.email, 'moved@lab.example');
    assert.equal(row.lab_id, network.otherLab.id);
    assert.deepEqual(await rolesOf(person.id), [
      { role: 'correspondent', lab_id: network.otherLab.id, delegation_id: null },
    ]);
    const changes = (await eventsOf(t.db, person.id, 'updated'))[0]!.data as {
      changes: Record<string, unknown>;
    };
    assert.ok(changes.changes.email && changes.changes.lab_id && changes.changes.roles);
  });

  test('conflicts, unknown references and bad input', async () => {
    const person = await createPerson(t.db);
    const conflict = assertError(
      await patch(person.id, { email: contributor.email }, adminSession),
      409,
      'conflict',
    );
    assert.ok(conflict.fields?.email);
    assertInvalid(await patch(person.id, { labId: unknownId }, adminSession), 'labId');
    assertInvalid(await patch(person.id, { skillIds: [unknownId] }, adminSession), 'skillIds');
    assertInvalid(
      await patch(person.id, { roles: [{ role: 'contributor' }] }, adminSession),
      'roles.0.labId',
    );
    assertError(await patch(person.id, {}, adminSession), 400, 'invalid');
    assertInvalid(await patch(person.id, { firstName: 42 }, adminSession), 'firstName');
    assertInvalid(await patch(person.id, { id: 'other' }, adminSession), 'id');
    assert.equal((await rowOf(person.id)).email, person.email);
    assert.equal((await eventsOf(t.db, person.id, 'updated')).length, 0);
  });

  test('an unknown or removed person is a 404', async () => {
    assertError(await patch(unknownId, { jobTitle: 'x' }, adminSession), 404, 'not_found');
    const person = await createPerson(t.db);
    assertStatus(
      await t.app.inject({ method: 'DELETE', url: `/api/people/${person.id}`, headers: adminSession }),
      204,
    );
    assertError(await patch(person.id, { jobTitle: 'x' }, adminSession), 404, 'not_found');
  });
});
