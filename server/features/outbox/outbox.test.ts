import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, assertInvalid, assertStatus } from '../../test/expect.ts';
import { createNetwork, createPerson, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const adminSession = await signInAs(t, network.people.admin);
const cellSession = await signInAs(t, network.people.cell);
const first = await createPerson(t.db, { email: 'first.reader@lab.example' });
const second = await createPerson(t.db, { email: 'second.reader@lab.example' });
for (const [index, person] of [first, second].entries()) {
  t.clock.current = new Date(t.clock.current.getTime() + (index + 1) * 60_000);
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/password-resets',
    payload: { email: person.email },
  });
  assertStatus(response, 202);
}

describe('GET /api/outbox', () => {
  test('admins only', async () => {
    assertError(await t.app.inject({ method: 'GET', url: '/api/outbox' }), 401, 'unauthorized');
    assertError(
      await t.app.inject({ method: 'GET', url: '/api/outbox', headers: cellSession }),
      403,
      'forbidden',
    );
  });

  test('lists the mail kept in the outbox, newest first, filtered by recipient, paged', async () => {
    const all = await t.app.inject({ method: 'GET', url: '/api/outbox', headers: adminSession });
    assertStatus(all, 200);
    const body = all.json();
    assert.equal(body.mode, 'outbox');
    assert.equal(body.total, 2);
    assert.deepEqual(
      body.items.map((item: { to: string }) => item.to),
      [second.email, first.email],
    );
    assert.equal(body.items[0].stream, 'transactional');
    assert.equal(body.items[0].text, undefined, 'the list carries no bodies');

    const filtered = await t.app.inject({
      method: 'GET',
      url: `/api/outbox?to=${encodeURIComponent(first.email.toUpperCase())}`,
      headers: adminSession,
    });
    assert.deepEqual(
      filtered.json().items.map((item: { to: string }) => item.to),
      [first.email],
    );
    const paged = await t.app.inject({
      method: 'GET',
      url: '/api/outbox?limit=1&offset=1',
      headers: adminSession,
    });
    assert.equal(paged.json().total, 2);
    assert.deepEqual(
      paged.json().items.map((item: { to: string }) => item.to),
      [first.email],
    );
  });

  test('bad query parameters are a 400 naming the parameter', async () => {
    assertInvalid(
      await t.app.inject({ method: 'GET', url: '/api/outbox?limit=1000', headers: adminSession }),
      'limit',
    );
    assertInvalid(
      await t.app.inject({ method: 'GET', url: '/api/outbox?from=me', headers: adminSession }),
      'from',
    );
  });
});

describe('GET /api/outbox/:id', () => {
  test('one message with its bodies and headers, for admins only', async () => {
    const { items } = (
      await t.app.inject({ method: 'GET', url: '/api/outbox', headers: adminSession })
    ).json();
    const url = `/api/outbox/${items[0].id}`;
    assertError(await t.app.inject({ method: 'GET', url }), 401, 'unauthorized');
    assertError(await t.app.inject({ method: 'GET', url, headers: cellSession }), 403, 'forbidden');
    const response = await t.app.inject({ method: 'GET', url, headers: adminSession });
    assertStatus(response, 200);
    const message = response.json();
    assert.equal(message.to, second.email);
    assert.match(message.text, /http:\/\/relais\.test\/reset\/\S+/);
    assert.match(message.html, /<a href="http:\/\/relais\.test\/reset\//);
    assert.ok(message.headers['Message-ID']);
  });

  test('an unknown id is a 404', async () => {
    assertError(
      await t.app.inject({
        method: 'GET',
        url: '/api/outbox/00000000-0000-4000-8000-000000000000',
        headers: adminSession,
      }),
      404,
      'not_found',
    );
  });
});
