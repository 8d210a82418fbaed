import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { assertError, assertInvalid, assertStatus, eventsOf, sessionCookieOf } from '../../test/expect.ts';
import { createNetwork, createPerson, defaultPassword, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const { admin } = network.people;
const start = new Date(t.clock.current);
afterEach(() => {
  t.clock.current = new Date(start);
});

/** Each test that fails sign-ins uses its own address, so the per-IP limit of one test does not leak into another. */
let addressCounter = 0;
const newAddress = () => `10.0.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;

const signIn = (email: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/session', payload: { email, password }, remoteAddress });
const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/me', headers });

describe('POST /api/session (sign in)', () => {
  test('opens a session: httpOnly, SameSite=Lax cookie, not Secure on http', async () => {
    const person = await createPerson(t.db, {
      labId: network.lab.id,
      roles: [{ role: 'contributor', labId: network.lab.id }],
    });
    const response = await signIn(person.email, defaultPassword);
    assertStatus(response, 200);
    const body = response.json();
    assert.equal(body.id, person.id);
    assert.equal(body.email, person.email);
    assert.deepEqual(body.lab, { id: network.lab.id, acronym: network.lab.acronym, name: network.lab.name });
    const cookie = response.cookies.find((c) => c.name === 'relais_session');
    assert.ok(cookie?.value);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.ok(!cookie.secure);
    assert.equal(cookie.path, '/');
    assert.ok(cookie.expires && cookie.expires.getTime() > start.getTime() + 29 * 24 * 3600_000);

    const sessions = await t.db
      .selectFrom('sessions')
      .selectAll()
      .where('person_id', '=', person.id)
      .execute();
    assert.equal(sessions.length, 1);
    assert.notEqual(sessions[0]!.id, cookie.value, 'the session is stored hashed');
    const row = await t.db
      .selectFrom('people')
      .select('last_login_at')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.last_login_at, start.toISOString());
    assertStatus(await me(sessionCookieOf(response)), 200);
  });

  test('accepts the email in any case', async () => {
    const person = await createPerson(t.db);
    assertStatus(await signIn(person.email.toUpperCase(), defaultPassword), 200);
  });

  test('a wrong password and an unknown email answer the same 401 with a field message', async () => {
    const person = await createPerson(t.db);
    const address = newAddress();
    const wrong = assertError(
      await signIn(person.email, 'not the password', address),
      401,
      'invalid_credentials',
    );
    const unknown = assertError(
      await signIn('nobody@lab.example', defaultPassword, address),
      401,
      'invalid_credentials',
    );
    assert.ok(wrong.fields?.password);
    assert.deepEqual(unknown, wrong);
    const attempts = await t.db.selectFrom('login_attempts').selectAll().where('ip', '=', address).execute();
    assert.equal(attempts.length, 2);
    assert.ok(attempts.every((attempt) => attempt.is_success === false));
  });

  test('an account without a password (never activated) cannot sign in', async () => {
    const person = await createPerson(t.db, { password: null });
    const response = await signIn(person.email, defaultPassword, newAddress());
    assertError(response, 401, 'invalid_credentials');
  });

  test('bad input is a 400 naming the field', async () => {
    assertInvalid(
      await t.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'not-an-email', password: 'x' },
      }),
      'email',
    );
    assertInvalid(
      await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'a@b.example' } }),
      'password',
    );
    assertInvalid(
      await t.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'a@b.example', password: '' },
      }),
      'password',
    );
  });

  test('the 6th failure on one account within 15 minutes is a 429 with Retry-After, even with the right password', async () => {
    const person = await createPerson(t.db);
    const address = newAddress();
    for (let attempt = 1; attempt <= 5; attempt++) {
      assertError(
        await signIn(person.email, `wrong password ${attempt}`, address),
        401,
        'invalid_credentials',
      );
    }
    // From another address too: the limit is per account.
    const limited = await signIn(person.email, defaultPassword, newAddress());
    assertError(limited, 429, 'rate_limited');
    const retryAfter = Number(limited.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After: ${limited.headers['retry-after']}`);

    t.clock.current = new Date(start.getTime() + 14 * 60_000);
    assertError(await signIn(person.email, defaultPassword, address), 429, 'rate_limited');
    t.clock.current = new Date(start.getTime() + 15 * 60_000);
    assertStatus(await signIn(person.email, defaultPassword, address), 200);
  });

  test('the per-address limit stops many failures on different accounts from one address', async () => {
    const address = newAddress();
    const person = await createPerson(t.db);
    const failures = Array.from({ length: 30 }, (_, index) =>
      signIn(`guess${index}@lab.example`, 'wrong password', address),
    );
    for (const response of await Promise.all(failures)) assertError(response, 401, 'invalid_credentials');
    const limited = await signIn(person.email, defaultPassword, address);
    assertError(limited, 429, 'rate_limited');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    // Another address is not affected.
    assertStatus(await signIn(person.email, defaultPassword, newAddress()), 200);
  });

  test('a disabled account cannot sign in, and its open sessions stop working', async () => {
    const person = await createPerson(t.db);
    const session = await signInAs(t, person);
    assertStatus(await me(session), 200);
    const adminSession = await signInAs(t, admin);
    assertStatus(
      await t.app.inject({ method: 'POST', url: `/api/people/${person.id}/disable`, headers: adminSession }),
      200,
    );

    assertError(await me(session), 401, 'unauthorized');
    assertError(await signIn(person.email, defaultPassword, newAddress()), 401, 'invalid_credentials');
    const sessions = await t.db
      .selectFrom('sessions')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    assert.equal(sessions.length, 0);
  });

  test('a session of an account disabled directly in the database is refused too', async () => {
    const person = await createPerson(t.db);
    const session = await signInAs(t, person);
    await t.db
      .updateTable('people')
      .set({ account_status: 'disabled' })
      .where('id', '=', person.id)
      .execute();
    assertError(await me(session), 401, 'unauthorized');
  });
});

describe('DELETE /api/session (sign out)', () => {
  test('ends the session and clears the cookie', async () => {
    const person = await createPerson(t.db);
    const session = await signInAs(t, person);
    const other = await signInAs(t, person);
    const response = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: session });
    assertStatus(response, 204);
    const cleared = response.cookies.find((c) => c.name === 'relais_session');
    assert.ok(
      cleared && (cleared.value === '' || (cleared.expires && cleared.expires.getTime() < Date.now())),
    );
    assertError(await me(session), 401, 'unauthorized');
    assertStatus(await me(other), 200);
    const sessions = await t.db
      .selectFrom('sessions')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    assert.equal(sessions.length, 1);
  });

  test('is harmless when not signed in', async () => {
    assertStatus(await t.app.inject({ method: 'DELETE', url: '/api/session' }), 204);
  });
});

describe('GET /api/me', () => {
  test('401 when not signed in, or with an unknown session cookie', async () => {
    assertError(await me({}), 401, 'unauthorized');
    assertError(await me({ cookie: 'relais_session=forged-secret' }), 401, 'unauthorized');
  });

  test('tells who is signed in, their roles with scopes, and their abilities', async () => {
    const { correspondent, drOfficer, cell } = network.people;
    const asCorrespondent = (await me(await signInAs(t, correspondent))).json();
    assert.equal(asCorrespondent.id, correspondent.id);
    assert.deepEqual(asCorrespondent.roles, [
      {
        role: 'correspondent',
        lab: { id: network.lab.id, acronym: network.lab.acronym, name: network.lab.name },
        delegation: null,
      },
    ]);
    assert.deepEqual(asCorrespondent.abilities, {
      manageUsers: false,
      manageDirectory: false,
      manageSkills: false,
      readOutbox: false,
      manageJobs: false,
      sendTips: true,
      readTips: true,
      writeStories: true,
      reviewStories: false,
      askLabs: false,
      routeRequests: false,
      answerRequests: true,
      recordSolicitations: true,
      readSolicitations: true,
      manageCampaigns: false,
    });

    const asOfficer = (await me(await signInAs(t, drOfficer))).json();
    assert.equal(asOfficer.roles[0].role, 'dr_officer');
    assert.equal(asOfficer.roles[0].delegation.id, network.delegation.id);
    assert.equal(asOfficer.lab, null);
    assert.equal(asOfficer.abilities.askLabs, true);
    assert.equal(asOfficer.abilities.writeStories, false);
    assert.equal(asOfficer.abilities.sendTips, false);

    const asCell = (await me(await signInAs(t, cell))).json();
    assert.equal(asCell.abilities.manageSkills, true);
    assert.equal(asCell.abilities.manageUsers, false);
    assert.equal(asCell.abilities.reviewStories, true);
    assert.equal(asCell.abilities.routeRequests, true);
    assert.equal(asCell.abilities.manageJobs, false);

    const asAdmin = (await me(await signInAs(t, admin))).json();
    assert.deepEqual(asAdmin.abilities, {
      manageUsers: true,
      manageDirectory: true,
      manageSkills: true,
      readOutbox: true,
      manageJobs: true,
      sendTips: false,
      readTips: false,
      writeStories: false,
      reviewStories: false,
      askLabs: true,
      routeRequests: true,
      answerRequests: false,
      recordSolicitations: false,
      readSolicitations: true,
      manageCampaigns: true,
    });
  });

  test('a session expires after SESSION_DAYS (30), by the clock', async () => {
    const person = await createPerson(t.db);
    const session = await signInAs(t, person);
    t.clock.current = new Date(start.getTime() + 29 * 24 * 3600_000);
    assertStatus(await me(session), 200);
    t.clock.current = new Date(start.getTime() + 30 * 24 * 3600_000 + 1000);
    assertError(await me(session), 401, 'unauthorized');
  });

  test('a deleted person is signed out', async () => {
    const person = await createPerson(t.db, { labId: network.lab.id });
    const session = await signInAs(t, person);
    const adminSession = await signInAs(t, admin);
    assertStatus(
      await t.app.inject({ method: 'DELETE', url: `/api/people/${person.id}`, headers: adminSession }),
      204,
    );
    assertError(await me(session), 401, 'unauthorized');
    assert.equal((await eventsOf(t.db, person.id, 'deleted')).length, 1);
  });
});

describe('on an https deployment', async () => {
  const secure = await buildTestApp({ env: { PUBLIC_URL: 'https://relais.test' } });
  const person = await createPerson(secure.db);

  test('the session cookie is Secure', async () => {
    const response = await secure.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: person.email, password: defaultPassword },
    });
    assertStatus(response, 200);
    const cookie = response.cookies.find((c) => c.name === 'relais_session');
    assert.equal(cookie?.secure, true);
    assert.equal(cookie?.httpOnly, true);
    assert.equal(cookie?.sameSite, 'Lax');
  });
});
