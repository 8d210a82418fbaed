import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, assertStatus } from '../../test/expect.ts';
import { createNetwork, createPerson, defaultPassword, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

// The session and token of a request are cached a few seconds per process (plugins/authentication.ts):
// whatever this process changes must still take effect on the very next request.
const t = await buildTestApp();
const network = await createNetwork(t);
const adminSession = await signInAs(t, network.people.admin);

const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/me', headers });
/** Twice: the second answer comes from the cache, if any. */
async function meTwice(headers: Record<string, string>) {
  assertStatus(await me(headers), 200);
  const again = await me(headers);
  assertStatus(again, 200);
  return again.json() as { id: string; roles: Array<{ role: string }> };
}

describe('the cached session of a request', () => {
  test('stops working as soon as it is signed out', async () => {
    const person = await createPerson(t.db);
    const session = await signInAs(t, person);
    await meTwice(session);
    assertStatus(await t.app.inject({ method: 'DELETE', url: '/api/session', headers: session }), 204);
    assertError(await me(session), 401, 'unauthorized');
  });

  test('of other devices stops working as soon as the password changes; this device goes on', async () => {
    const person = await createPerson(t.db);
    const here = await signInAs(t, person);
    const elsewhere = await signInAs(t, person);
    await meTwice(here);
    await meTwice(elsewhere);
    const changed = await t.app.inject({
      method: 'PUT',
      url: '/api/me/password',
      headers: here,
      payload: { currentPassword: defaultPassword, newPassword: 'a brand new passphrase 2026' },
    });
    assertStatus(changed, 204);
    assertError(await me(elsewhere), 401, 'unauthorized');
    assertStatus(await me(here), 200);
  });

  test('follows a role change and a disabled account at once', async () => {
    const person = await createPerson(t.db, {
      labId: network.lab.id,
      roles: [{ role: 'contributor', labId: network.lab.id }],
    });
    const session = await signInAs(t, person);
    assert.deepEqual(
      (await meTwice(session)).roles.map((grant) => grant.role),
      ['contributor'],
    );
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/people/${person.id}`,
      headers: adminSession,
      payload: { roles: [{ role: 'correspondent', labId: network.lab.id }] },
    });
    assertStatus(patched, 200);
    assert.deepEqual(
      (await meTwice(session)).roles.map((grant) => grant.role),
      ['correspondent'],
    );
    const disabled = await t.app.inject({
      method: 'POST',
      url: `/api/people/${person.id}/disable`,
      headers: adminSession,
    });
    assertStatus(disabled, 200);
    assertError(await me(session), 401, 'unauthorized');
  });

  test('expires with the session, by the clock of the app', async () => {
    const person = await createPerson(t.db);
    const session = await signInAs(t, person);
    await meTwice(session);
    const row = await t.db
      .selectFrom('sessions')
      .select('expires_at')
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    const before = t.clock.current;
    try {
      t.clock.current = new Date(Date.parse(row.expires_at) + 1000);
      assertError(await me(session), 401, 'unauthorized');
    } finally {
      t.clock.current = before;
    }
  });

  test('of an API token stops working as soon as the token is revoked', async () => {
    const person = await createPerson(t.db);
    const session = await signInAs(t, person);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: session,
      payload: { name: 'script' },
    });
    assertStatus(created, 201);
    const { token, secret } = created.json();
    const bearer = { authorization: `Bearer ${secret}` };
    assert.equal((await meTwice(bearer)).id, person.id);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/tokens/${token.id}`,
      headers: session,
    });
    assert.ok(revoked.statusCode < 300, revoked.body);
    assertError(await me(bearer), 401, 'invalid_token');
  });

  test('is never another person’s', async () => {
    const first = await createPerson(t.db);
    const second = await createPerson(t.db);
    const [a, b] = [await signInAs(t, first), await signInAs(t, second)];
    assert.equal((await meTwice(a)).id, first.id);
    assert.equal((await meTwice(b)).id, second.id);
    assert.equal((await me(a)).json().id, first.id);
    assertError(await me({ cookie: `${a.cookie}x` }), 401, 'unauthorized');
  });
});
