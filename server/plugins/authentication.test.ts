import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, assertStatus } from '../test/expect.ts';
import { createNetwork, createPerson, defaultPassword, signInAs } from '../test/factories.ts';
import { buildTestApp } from '../test/helpers.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const adminSession = await signInAs(t, network.people.admin);
const { secret: adminToken } = (
  await t.app.inject({
    method: 'POST',
    url: '/api/me/tokens',
    headers: adminSession,
    payload: { name: 'csrf test' },
  })
).json();

const crossSite = [
  { origin: 'https://evil.example' },
  { origin: 'null' },
  { origin: 'http://relais.test.evil.example' },
  { 'sec-fetch-site': 'cross-site' },
  { 'sec-fetch-site': 'same-site' },
];
const sameSite = [
  {},
  { origin: 'http://relais.test' },
  { 'sec-fetch-site': 'same-origin' },
  { 'sec-fetch-site': 'none' },
];

describe('CSRF: cookie-authenticated state changes must come from the app itself', () => {
  for (const headers of crossSite) {
    test(`refuses POST, PATCH and DELETE with ${JSON.stringify(headers)}`, async () => {
      const skillName = `CSRF ${JSON.stringify(headers)}`;
      assertError(
        await t.app.inject({
          method: 'POST',
          url: '/api/skills',
          headers: { ...adminSession, ...headers },
          payload: { nameFr: skillName, nameEn: skillName, category: 'media' },
        }),
        403,
        'cross_site',
      );
      assertError(
        await t.app.inject({
          method: 'PATCH',
          url: `/api/labs/${network.lab.id}`,
          headers: { ...adminSession, ...headers },
          payload: { name: 'Hijacked' },
        }),
        403,
        'cross_site',
      );
      assertError(
        await t.app.inject({
          method: 'DELETE',
          url: '/api/session',
          headers: { ...adminSession, ...headers },
        }),
        403,
        'cross_site',
      );
      // Nothing happened.
      const lab = await t.db
        .selectFrom('labs')
        .select('name')
        .where('id', '=', network.lab.id)
        .executeTakeFirstOrThrow();
      assert.equal(lab.name, network.lab.name);
      assert.equal(
        await t.db.selectFrom('skills').select('id').where('name_fr', '=', skillName).executeTakeFirst(),
        undefined,
      );
      assertStatus(await t.app.inject({ method: 'GET', url: '/api/me', headers: adminSession }), 200);
    });
  }

  test('a cross-site sign-in (login CSRF) is refused too', async () => {
    const person = await createPerson(t.db);
    assertError(
      await t.app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { origin: 'https://evil.example' },
        payload: { email: person.email, password: defaultPassword },
      }),
      403,
      'cross_site',
    );
  });

  test('reads are not affected', async () => {
    assertStatus(
      await t.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { ...adminSession, origin: 'https://evil.example' },
      }),
      200,
    );
  });

  for (const headers of sameSite) {
    test(`lets same-origin requests through: ${JSON.stringify(headers)}`, async () => {
      const name = `Same origin ${JSON.stringify(headers)}`;
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/labs/${network.otherLab.id}`,
        headers: { ...adminSession, ...headers },
        payload: { name },
      });
      assertStatus(response, 200);
      const lab = await t.db
        .selectFrom('labs')
        .select('name')
        .where('id', '=', network.otherLab.id)
        .executeTakeFirstOrThrow();
      assert.equal(lab.name, name);
    });
  }

  test('bearer-token requests are not subject to it (no cookie to abuse)', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/labs/${network.otherLab.id}`,
      headers: {
        authorization: `Bearer ${adminToken}`,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      payload: { name: 'Renamed by a script' },
    });
    assertStatus(response, 200);
    assert.equal(response.json().name, 'Renamed by a script');
  });
});
