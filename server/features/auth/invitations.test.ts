import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import {
  assertError,
  assertStatus,
  countMailsTo,
  eventsOf,
  lastMailTo,
  sessionCookieOf,
} from '../../test/expect.ts';
import { createNetwork, createPerson, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const adminSession = await signInAs(t, network.people.admin);
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

describe('invitations', () => {
  const invite = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/people', headers: adminSession, payload });

  test('an admin adds someone; the mailed link activates the account and signs them in, once', async () => {
    const email = 'new.colleague@lab.example';
    const created = await invite({
      email,
      firstName: 'Nouvelle',
      lastName: 'Collègue',
      labId: network.lab.id,
      roles: [{ role: 'contributor', labId: network.lab.id }],
    });
    assertStatus(created, 201);
    const personId = created.json().id;
    assert.equal(created.json().accountStatus, 'invited');
    const mail = await lastMailTo(t.db, email);
    assert.ok(mail, 'no mail in the outbox');
    assert.ok(mail.link?.startsWith('http://relais.test/invitation/'), mail.text_body);
    assert.match(mail.text_body, /Nouvelle/);

    const info = await t.app.inject({ method: 'GET', url: `/api/invitations/${mail.token}` });
    assertStatus(info, 200);
    assert.deepEqual(info.json(), { email, firstName: 'Nouvelle', lastName: 'Collègue' });

    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${mail.token}`,
      payload: { password: newPassword },
    });
    assertStatus(accepted, 200);
    assert.equal(accepted.json().id, personId);
    assert.equal(accepted.json().roles[0].role, 'contributor');
    assertStatus(await me(sessionCookieOf(accepted)), 200);
    const row = await t.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    assert.equal(row.account_status, 'active');
    assert.deepEqual((await eventsOf(t.db, personId)).map((event) => event.action).sort(), [
      'created',
      'invitation_accepted',
      'invited',
    ]);

    assertError(
      await t.app.inject({
        method: 'POST',
        url: `/api/invitations/${mail.token}`,
        payload: { password: 'another passphrase' },
      }),
      410,
      'link_used',
    );
    assertError(
      await t.app.inject({ method: 'GET', url: `/api/invitations/${mail.token}` }),
      410,
      'link_used',
    );
    assertStatus(await signIn(email, newPassword), 200);
  });

  test('added without invitation, then invited; inviting again replaces the link', async () => {
    const email = 'later@lab.example';
    const created = await invite({ email, firstName: 'Plus', lastName: 'Tard', sendInvitation: false });
    assertStatus(created, 201);
    assert.equal(created.json().accountStatus, 'none');
    assert.equal(await countMailsTo(t.db, email), 0);
    const id = created.json().id;

    const first = await t.app.inject({
      method: 'POST',
      url: `/api/people/${id}/invitation`,
      headers: adminSession,
    });
    assertStatus(first, 200);
    assert.equal(first.json().accountStatus, 'invited');
    const firstToken = (await lastMailTo(t.db, email))!.token;
    t.clock.current = new Date(start.getTime() + 1000);
    assertStatus(
      await t.app.inject({ method: 'POST', url: `/api/people/${id}/invitation`, headers: adminSession }),
      200,
    );
    const secondToken = (await lastMailTo(t.db, email))!.token;
    assert.notEqual(firstToken, secondToken);
    assert.equal(await countMailsTo(t.db, email), 2);
    assert.equal((await eventsOf(t.db, id, 'invited')).length, 2);

    assertError(
      await t.app.inject({ method: 'GET', url: `/api/invitations/${firstToken}` }),
      410,
      'link_used',
    );
    assertStatus(
      await t.app.inject({
        method: 'POST',
        url: `/api/invitations/${secondToken}`,
        payload: { password: newPassword },
      }),
      200,
    );
    // Active now: no more invitations.
    assertError(
      await t.app.inject({ method: 'POST', url: `/api/people/${id}/invitation`, headers: adminSession }),
      403,
    );
  });

  test('only an admin invites', async () => {
    const person = await createPerson(t.db, { password: null });
    const url = `/api/people/${person.id}/invitation`;
    assertError(await t.app.inject({ method: 'POST', url }), 401, 'unauthorized');
    const cell = await signInAs(t, network.people.cell);
    assertError(await t.app.inject({ method: 'POST', url, headers: cell }), 403, 'forbidden');
    assertError(
      await t.app.inject({
        method: 'POST',
        url: '/api/people/00000000-0000-4000-8000-000000000000/invitation',
        headers: adminSession,
      }),
      404,
    );
    assert.equal(await countMailsTo(t.db, person.email), 0);
  });

  test('an invitation expires after 14 days, and dies when the account is disabled', async () => {
    const expiring = await invite({ email: 'slow@lab.example', firstName: 'Lent', lastName: 'Lecteur' });
    assertStatus(expiring, 201);
    const expiringToken = (await lastMailTo(t.db, 'slow@lab.example'))!.token;
    const disabled = await invite({ email: 'gone@lab.example', firstName: 'Parti', lastName: 'Ailleurs' });
    const disabledToken = (await lastMailTo(t.db, 'gone@lab.example'))!.token;
    assertStatus(
      await t.app.inject({
        method: 'POST',
        url: `/api/people/${disabled.json().id}/disable`,
        headers: adminSession,
      }),
      200,
    );
    assertError(
      await t.app.inject({ method: 'GET', url: `/api/invitations/${disabledToken}` }),
      410,
      'account_disabled',
    );
    assertError(
      await t.app.inject({
        method: 'POST',
        url: `/api/invitations/${disabledToken}`,
        payload: { password: newPassword },
      }),
      410,
      'account_disabled',
    );

    t.clock.current = new Date(start.getTime() + 14 * 24 * 3600_000 + 1000);
    assertError(
      await t.app.inject({ method: 'GET', url: `/api/invitations/${expiringToken}` }),
      410,
      'link_expired',
    );
  });
});
