import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import {
  assertError,
  assertInvalid,
  assertStatus,
  countMailsTo,
  eventsOf,
  lastMailTo,
  sessionCookieOf,
} from '../../test/expect.ts';
import { createPerson, defaultPassword, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

const t = await buildTestApp();
const start = new Date(t.clock.current);
afterEach(() => {
  t.clock.current = new Date(start);
});

const newPassword = 'a brand new passphrase';
const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/me', headers });
const signIn = (email: string, password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email, password },
    remoteAddress: '10.9.9.9',
  });
const changePassword = (headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: 'PUT', url: '/api/me/password', headers, payload: payload as object });
const requestReset = (email: string) =>
  t.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email } });

describe('PUT /api/me/password', () => {
  test('401 when not signed in', async () => {
    assertError(
      await changePassword({}, { currentPassword: defaultPassword, newPassword }),
      401,
      'unauthorized',
    );
  });

  test('a wrong current password is a 400 on currentPassword, and nothing changes', async () => {
    const person = await createPerson(t.db);
    const session = await signInAs(t, person);
    assertInvalid(
      await changePassword(session, { currentPassword: 'not my password', newPassword }),
      'currentPassword',
    );
    assertStatus(await signIn(person.email, defaultPassword), 200);
    assert.equal((await eventsOf(t.db, person.id, 'password_changed')).length, 0);
  });

  test('a too short or missing new password is a 400 on newPassword', async () => {
    const session = await signInAs(t, await createPerson(t.db));
    assertInvalid(
      await changePassword(session, { currentPassword: defaultPassword, newPassword: 'short' }),
      'newPassword',
    );
    assertInvalid(await changePassword(session, { currentPassword: defaultPassword }), 'newPassword');
  });

  test('changes the password, keeps this session and signs out the others', async () => {
    const person = await createPerson(t.db);
    const thisDevice = await signInAs(t, person);
    const otherDevice = await signInAs(t, person);
    assertStatus(await changePassword(thisDevice, { currentPassword: defaultPassword, newPassword }), 204);

    assertStatus(await me(thisDevice), 200);
    assertError(await me(otherDevice), 401, 'unauthorized');
    assertError(await signIn(person.email, defaultPassword), 401, 'invalid_credentials');
    assertStatus(await signIn(person.email, newPassword), 200);
    const events = await eventsOf(t.db, person.id, 'password_changed');
    assert.equal(events.length, 1);
    assert.equal(events[0]!.actor_id, person.id);
  });
});

describe('password reset', () => {
  test('always answers 202, and mails nobody for an unknown email', async () => {
    const response = await requestReset('nobody-here@lab.example');
    assertStatus(response, 202);
    assert.deepEqual(response.json(), { status: 'sent_if_known' });
    assert.equal(await countMailsTo(t.db, 'nobody-here@lab.example'), 0);
  });

  test('a malformed email is a 400 on email', async () => {
    assertInvalid(await requestReset('not an email'), 'email');
  });

  test('mails a one-time link that sets a new password, signs in, and signs out other sessions', async () => {
    const person = await createPerson(t.db);
    const oldSession = await signInAs(t, person);
    assertStatus(await requestReset(person.email.toUpperCase()), 202);
    const mail = await lastMailTo(t.db, person.email);
    assert.ok(mail, 'no mail in the outbox');
    assert.ok(mail.link?.startsWith('http://relais.test/reset/'), mail.text_body);
    assert.equal(mail.stream, 'transactional');
    const token = mail.token!;

    const info = await t.app.inject({ method: 'GET', url: `/api/password-resets/${token}` });
    assertStatus(info, 200);
    assert.deepEqual(info.json(), {
      email: person.email,
      firstName: person.first_name,
      lastName: person.last_name,
    });

    assertInvalid(
      await t.app.inject({
        method: 'POST',
        url: `/api/password-resets/${token}`,
        payload: { password: 'short' },
      }),
      'password',
    );
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/password-resets/${token}`,
      payload: { password: newPassword },
    });
    assertStatus(done, 200);
    assert.equal(done.json().id, person.id);
    assertStatus(await me(sessionCookieOf(done)), 200);
    assertError(await me(oldSession), 401, 'unauthorized');
    assertStatus(await signIn(person.email, newPassword), 200);
    assert.equal((await eventsOf(t.db, person.id, 'password_reset')).length, 1);

    // The link works once.
    assertError(
      await t.app.inject({
        method: 'POST',
        url: `/api/password-resets/${token}`,
        payload: { password: 'yet another one!' },
      }),
      410,
      'link_used',
    );
    assertError(
      await t.app.inject({ method: 'GET', url: `/api/password-resets/${token}` }),
      410,
      'link_used',
    );
    assertStatus(await signIn(person.email, newPassword), 200);
  });

  test('the link expires after 2 hours', async () => {
    const person = await createPerson(t.db);
    assertStatus(await requestReset(person.email), 202);
    const { token } = (await lastMailTo(t.db, person.email))!;
    t.clock.current = new Date(start.getTime() + 2 * 3600_000 - 60_000);
    assertStatus(await t.app.inject({ method: 'GET', url: `/api/password-resets/${token}` }), 200);
    t.clock.current = new Date(start.getTime() + 2 * 3600_000 + 1000);
    assertError(
      await t.app.inject({ method: 'GET', url: `/api/password-resets/${token}` }),
      410,
      'link_expired',
    );
    assertError(
      await t.app.inject({
        method: 'POST',
        url: `/api/password-resets/${token}`,
        payload: { password: newPassword },
      }),
      410,
      'link_expired',
    );
    assertStatus(await signIn(person.email, defaultPassword), 200);
  });

  test('a newer link replaces the older one; at most 3 mails an hour', async () => {
    const person = await createPerson(t.db);
    assertStatus(await requestReset(person.email), 202);
    const first = (await lastMailTo(t.db, person.email))!.token;
    t.clock.current = new Date(start.getTime() + 60_000);
    assertStatus(await requestReset(person.email), 202);
    const second = (await lastMailTo(t.db, person.email))!.token;
    assert.notEqual(first, second);
    assertError(
      await t.app.inject({ method: 'GET', url: `/api/password-resets/${first}` }),
      410,
      'link_used',
    );
    assertStatus(await t.app.inject({ method: 'GET', url: `/api/password-resets/${second}` }), 200);

    assertStatus(await requestReset(person.email), 202);
    assertStatus(await requestReset(person.email), 202);
    assert.equal(await countMailsTo(t.db, person.email), 3);
    t.clock.current = new Date(start.getTime() + 3600_000 + 120_000);
    assertStatus(await requestReset(person.email), 202);
    assert.equal(await countMailsTo(t.db, person.email), 4);
  });

  test('no link for a disabled or never-activated account', async () => {
    const disabled = await createPerson(t.db, { status: 'disabled' });
    const inactive = await createPerson(t.db, { password: null });
    assertStatus(await requestReset(disabled.email), 202);
    assertStatus(await requestReset(inactive.email), 202);
    assert.equal(await countMailsTo(t.db, disabled.email), 0);
    assert.equal(await countMailsTo(t.db, inactive.email), 0);
  });

  test('unknown, malformed and wrong-purpose links', async () => {
    const unknown = 'x'.repeat(43);
    assertError(
      await t.app.inject({ method: 'GET', url: `/api/password-resets/${unknown}` }),
      404,
      'link_invalid',
    );
    assertError(
      await t.app.inject({
        method: 'POST',
        url: `/api/password-resets/${unknown}`,
        payload: { password: newPassword },
      }),
      404,
      'link_invalid',
    );
    assertError(await t.app.inject({ method: 'GET', url: '/api/password-resets/short' }), 400);
    const person = await createPerson(t.db);
    assertStatus(await requestReset(person.email), 202);
    const { token } = (await lastMailTo(t.db, person.email))!;
    assertError(await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` }), 404, 'link_invalid');
  });
});
