import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, assertInvalid, assertStatus, eventsOf } from '../../test/expect.ts';
import { createPerson, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

const t = await buildTestApp();

const createToken = (headers: Record<string, string>, name = 'My script') =>
  t.app.inject({ method: 'POST', url: '/api/me/tokens', headers, payload: { name } });
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('personal API tokens', () => {
  test('401 when not signed in', async () => {
    assertError(await t.app.inject({ method: 'GET', url: '/api/me/tokens' }), 401, 'unauthorized');
    assertError(await createToken({}), 401, 'unauthorized');
    assertError(
      await t.app.inject({ method: 'DELETE', url: '/api/me/tokens/00000000-0000-4000-8000-000000000000' }),
      401,
      'unauthorized',
    );
  });

  test('created with the secret shown once; usable as a bearer token; listed by prefix only', async () => {
    const person = await createPerson(t.db);
    const session = await signInAs(t, person);
    const created = await createToken(session, '  Export script  ');
    assertStatus(created, 201);
    const { token, secret } = created.json();
    assert.match(secret, /^rls_[\w-]{40,}$/);
    assert.equal(token.name, 'Export script');
    assert.equal(token.prefix, secret.slice(0, 10));
    assert.equal(token.lastUsedAt, null);

    const stored = await t.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, secret, 'the secret is stored hashed');
    assert.equal(stored.person_id, person.id);
    assert.equal((await eventsOf(t.db, person.id, 'api_token_created')).length, 1);

    const asScript = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(secret) });
    assertStatus(asScript, 200);
    assert.equal(asScript.json().id, person.id);
    const used = await t.db
      .selectFrom('api_tokens')
      .select('last_used_at')
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    assert.equal(used.last_used_at, t.clock.current.toISOString());

    const list = await t.app.inject({ method: 'GET', url: '/api/me/tokens', headers: session });
    assertStatus(list, 200);
    assert.equal(list.json().items.length, 1);
    assert.equal(list.json().items[0].prefix, token.prefix);
    assert.ok(!list.body.includes(secret), 'the list never shows the secret');
  });

  test('a revoked token is refused with invalid_token', async () => {
    const person = await createPerson(t.db);
    const session = await signInAs(t, person);
    const { token, secret } = (await createToken(session)).json();
    assertStatus(
      await t.app.inject({ method: 'DELETE', url: `/api/me/tokens/${token.id}`, headers: session }),
      204,
    );
    assertError(
      await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(secret) }),
      401,
      'invalid_token',
    );
    const row = await t.db
      .selectFrom('api_tokens')
      .select('revoked_at')
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    assert.ok(row.revoked_at);
    assert.equal((await eventsOf(t.db, person.id, 'api_token_revoked')).length, 1);
    const list = await t.app.inject({ method: 'GET', url: '/api/me/tokens', headers: session });
    assert.equal(list.json().items.length, 0);
    // Revoking twice: it is gone.
    assertError(
      await t.app.inject({ method: 'DELETE', url: `/api/me/tokens/${token.id}`, headers: session }),
      404,
    );
  });

  test('an unknown token is refused, even on public routes', async () => {
    assertError(
      await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer('rls_nope') }),
      401,
      'invalid_token',
    );
    assertError(
      await t.app.inject({ method: 'GET', url: '/api/labs', headers: bearer('rls_nope') }),
      401,
      'invalid_token',
    );
  });

  test('a token cannot create tokens', async () => {
    const person = await createPerson(t.db);
    const { secret } = (await createToken(await signInAs(t, person))).json();
    assertError(await createToken(bearer(secret)), 403, 'forbidden');
  });

  test("someone else's token is a 404 and stays valid", async () => {
    const owner = await createPerson(t.db);
    const { token, secret } = (await createToken(await signInAs(t, owner))).json();
    const intruder = await signInAs(t, await createPerson(t.db));
    assertError(
      await t.app.inject({ method: 'DELETE', url: `/api/me/tokens/${token.id}`, headers: intruder }),
      404,
      'not_found',
    );
    assertStatus(await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(secret) }), 200);
    const list = await t.app.inject({ method: 'GET', url: '/api/me/tokens', headers: intruder });
    assert.equal(list.json().items.length, 0);
  });

  test('a token dies with its disabled account', async () => {
    const person = await createPerson(t.db);
    const { secret } = (await createToken(await signInAs(t, person))).json();
    const admin = await createPerson(t.db, { roles: [{ role: 'admin' }] });
    const adminSession = await signInAs(t, admin);
    assertStatus(
      await t.app.inject({ method: 'POST', url: `/api/people/${person.id}/disable`, headers: adminSession }),
      200,
    );
    assertError(
      await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(secret) }),
      401,
      'invalid_token',
    );
    // Enabling again does not bring revoked tokens back.
    assertStatus(
      await t.app.inject({ method: 'POST', url: `/api/people/${person.id}/enable`, headers: adminSession }),
      200,
    );
    assertError(
      await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(secret) }),
      401,
      'invalid_token',
    );
  });

  test('bad input: a missing, empty, blank or too long name', async () => {
    const session = await signInAs(t, await createPerson(t.db));
    assertInvalid(
      await t.app.inject({ method: 'POST', url: '/api/me/tokens', headers: session, payload: {} }),
      'name',
    );
    assertInvalid(await createToken(session, ''), 'name');
    assertInvalid(await createToken(session, '   '), 'name');
    assertInvalid(await createToken(session, 'x'.repeat(121)), 'name');
  });

  test('at most 20 active tokens', async () => {
    const person = await createPerson(t.db);
    const session = await signInAs(t, person);
    for (let index = 0; index < 20; index++) assertStatus(await createToken(session, `token ${index}`), 201);
    assertError(await createToken(session, 'one too many'), 409, 'conflict');
  });
});
