import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, assertInvalid, assertStatus, eventsOf } from '../../test/expect.ts';
import { createNetwork, createPerson, createSkill, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const sessions = {
  admin: await signInAs(t, network.people.admin),
  cell: await signInAs(t, network.people.cell),
  dircom: await signInAs(t, network.people.dircom),
  correspondent: await signInAs(t, network.people.correspondent),
};
const unknownId = '00000000-0000-4000-8000-000000000000';

const post = (payload: unknown, headers: Record<string, string> = sessions.cell) =>
  t.app.inject({ method: 'POST', url: '/api/skills', headers, payload: payload as object });
const patch = (id: string, payload: unknown, headers: Record<string, string> = sessions.cell) =>
  t.app.inject({ method: 'PATCH', url: `/api/skills/${id}`, headers, payload: payload as object });
const remove = (id: string, headers: Record<string, string> = sessions.cell) =>
  t.app.inject({ method: 'DELETE', url: `/api/skills/${id}`, headers });
const rowOf = (id: string) => t.db.selectFrom('skills').selectAll().where('id', '=', id).executeTakeFirst();

describe('GET /api/skills', () => {
  test('public, with how many people have each skill', async () => {
    const skill = await createSkill(t.db, { nameFr: 'Relations presse', nameEn: 'Press relations' });
    await createPerson(t.db, { skillIds: [skill.id] });
    await createPerson(t.db, { skillIds: [skill.id] });
    const response = await t.app.inject({ method: 'GET', url: '/api/skills' });
    assertStatus(response, 200);
    const item = response.json().items.find((entry: { id: string }) => entry.id === skill.id);
    assert.equal(item.peopleCount, 2);
    assert.deepEqual(item.name, { fr: 'Relations presse', en: 'Press relations' });
    assert.deepEqual(item.abilities, { update: false, delete: false });
    const asCell = await t.app.inject({ method: 'GET', url: '/api/skills', headers: sessions.cell });
    assert.deepEqual(asCell.json().items[0].abilities, { update: true, delete: true });
  });
});

describe('POST /api/skills', () => {
  const payload = { nameFr: 'Impression 3D', nameEn: '3-D printing', category: 'visual' };

  test('the cell and admins only', async () => {
    assertError(await post(payload, {}), 401, 'unauthorized');
    assertError(await post(payload, sessions.correspondent), 403, 'forbidden');
    assertError(await post(payload, sessions.dircom), 403, 'forbidden');
    assert.equal(
      await t.db.selectFrom('skills').select('id').where('slug', '=', '3-d-printing').executeTakeFirst(),
      undefined,
    );
  });

  test('adds a skill with a slug made from its English name, and records it', async () => {
    const response = await post(payload);
    assertStatus(response, 201);
    const body = response.json();
    assert.equal(body.slug, '3-d-printing');
    assert.equal(body.peopleCount, 0);
    assert.equal((await rowOf(body.id))?.category, 'visual');
    const events = await eventsOf(t.db, body.id, 'created');
    assert.equal(events.length, 1);
    assert.equal(events[0]!.actor_id, network.people.cell.id);
    assertStatus(
      await post({ nameFr: 'Traduction', nameEn: 'Translation', category: 'languages' }, sessions.admin),
      201,
    );
  });

  test('the same skill twice is a 409 on nameEn', async () => {
    await createSkill(t.db, { slug: 'video-editing', nameEn: 'Video editing' });
    const error = assertError(
      await post({ nameFr: 'Montage', nameEn: 'VIDEO  Éditing', category: 'media' }),
      409,
      'conflict',
    );
    assert.ok(error.fields?.nameEn);
  });

  test('bad input is a 400 naming the field', async () => {
    assertInvalid(await post({ ...payload, category: 'magic' }), 'category');
    assertInvalid(await post({ ...payload, nameFr: '' }), 'nameFr');
    assertInvalid(await post({ ...payload, nameEn: '   ' }), 'nameEn');
    assertInvalid(await post({ nameFr: 'Seul' }), 'nameEn');
    assertInvalid(await post({ ...payload, slug: 'chosen' }), 'slug');
  });
});

describe('PATCH /api/skills/:id', () => {
  test('renames and recategorises, with history; the slug stays', async () => {
    const skill = await createSkill(t.db);
    const response = await patch(skill.id, { nameFr: 'Vidéo', category: 'digital' });
    assertStatus(response, 200);
    assert.equal(response.json().slug, skill.slug);
    const row = await rowOf(skill.id);
    assert.equal(row?.name_fr, 'Vidéo');
    assert.equal(row?.category, 'digital');
    assert.equal((await eventsOf(t.db, skill.id, 'updated')).length, 1);
  });

  test('refusals, bad input and unknown ids', async () => {
    const skill = await createSkill(t.db);
    assertError(await patch(skill.id, { nameFr: 'x' }, {}), 401, 'unauthorized');
    assertError(await patch(skill.id, { nameFr: 'x' }, sessions.correspondent), 403, 'forbidden');
    assertError(await patch(skill.id, {}), 400, 'invalid');
    assertInvalid(await patch(skill.id, { category: 'magic' }), 'category');
    assertError(await patch(unknownId, { nameFr: 'x' }), 404, 'not_found');
    assert.equal((await rowOf(skill.id))?.name_fr, skill.name_fr);
  });
});

describe('DELETE /api/skills/:id', () => {
  test('removes the skill from the taxonomy and from everyone, with history', async () => {
    const skill = await createSkill(t.db);
    const person = await createPerson(t.db, { skillIds: [skill.id] });
    assertError(await remove(skill.id, {}), 401, 'unauthorized');
    assertError(await remove(skill.id, sessions.correspondent), 403, 'forbidden');
    assertStatus(await remove(skill.id, sessions.admin), 204);
    assert.equal(await rowOf(skill.id), undefined);
    const links = await t.db
      .selectFrom('person_skills')
      .select('skill_id')
      .where('person_id', '=', person.id)
      .execute();
    assert.deepEqual(links, []);
    assert.equal((await eventsOf(t.db, skill.id, 'deleted')).length, 1);
    const shown = await t.app.inject({ method: 'GET', url: `/api/people/${person.id}` });
    assert.deepEqual(shown.json().skills, []);
    assertError(await remove(skill.id), 404, 'not_found');
  });
});
