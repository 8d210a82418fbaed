import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertInvalid, assertStatus } from '../../test/expect.ts';
import { createNetwork, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const { cell, drOfficer, correspondent, otherCorrespondent, contributor } = network.people;
const as = {
  cell: await signInAs(t, cell),
  drOfficer: await signInAs(t, drOfficer),
  correspondent: await signInAs(t, correspondent),
  otherCorrespondent: await signInAs(t, otherCorrespondent),
  contributor: await signInAs(t, contributor),
};
const inject = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const created = await inject('POST', '/api/stories', as.correspondent, {
  kind: 'event',
  title: 'Fête de la science au labo',
  labIds: [network.lab.id],
});
const storyId = created.json().id as string;
await inject('POST', `/api/stories/${storyId}/submit`, as.correspondent);

describe('comments', () => {
  test('not signed in 401; a reader who does not handle the story 403; unknown story 404; bad input 400', async () => {
    assertStatus(await inject('POST', `/api/stories/${storyId}/comments`, {}, { body: 'x' }), 401);
    // Another lab cannot see a story under review at all…
    assertStatus(
      await inject('POST', `/api/stories/${storyId}/comments`, as.otherCorrespondent, { body: 'x' }),
      404,
    );
    // …and reads an accepted one in the network feed without joining its discussion.
    const accepted = await inject('POST', '/api/stories', as.correspondent, {
      kind: 'award',
      title: 'Médaille de bronze',
      labIds: [network.lab.id],
    });
    await inject('POST', `/api/stories/${accepted.json().id}/submit`, as.correspondent);
    assertStatus(await inject('POST', `/api/stories/${accepted.json().id}/accept`, as.cell), 200);
    assertStatus(await inject('GET', `/api/stories/${accepted.json().id}`, as.otherCorrespondent), 200);
    assertStatus(
      await inject('POST', `/api/stories/${accepted.json().id}/comments`, as.otherCorrespondent, {
        body: 'x',
      }),
      403,
    );
    assertStatus(
      await inject('GET', `/api/stories/${accepted.json().id}/comments`, as.otherCorrespondent),
      403,
    );
    assertStatus(
      await inject('POST', '/api/stories/00000000-0000-4000-8000-000000000000/comments', as.cell, {
        body: 'x',
      }),
      404,
    );
    assertInvalid(
      await inject('POST', `/api/stories/${storyId}/comments`, as.cell, { body: '   ', extra: 1 }),
      'body',
      'extra',
    );
  });

  test('the cell comments and mentions the DR officer: both notified, in the app and by mail; history kept', async () => {
    const response = await inject('POST', `/api/stories/${storyId}/comments`, as.cell, {
      body: '@Stéphanie pouvez-vous relayer en région ?',
      mentionIds: [drOfficer.id, otherCorrespondent.id],
    });
    assertStatus(response, 201);
    const items = response.json().items as Array<{ body: string; mentions: Array<{ id: string }> }>;
    assert.equal(items.length, 1);
    const officer = await inject('GET', '/api/notifications', as.drOfficer);
    assert.ok(officer.json().items.some((n: { kind: string }) => n.kind === 'mention'));
    assert.equal(officer.json().unreadCount >= 1, true);
    const lab = await inject('GET', '/api/notifications?unread=true', as.correspondent);
    assert.ok(lab.json().items.some((n: { kind: string }) => n.kind === 'comment'));
    // A mentioned person who may not see the story gets nothing.
    const other = await inject('GET', '/api/notifications', as.otherCorrespondent);
    assert.equal(other.json().items.filter((n: { storyId: string }) => n.storyId === storyId).length, 0);
    await t.runJobs();
    const mail = await t.db
      .selectFrom('outbox_messages')
      .select('subject')
      .where('to_address', '=', drOfficer.email)
      .execute();
    assert.ok(mail.some((m) => m.subject.startsWith('Vous êtes mentionné')));
    const history = await inject('GET', `/api/stories/${storyId}/history`, as.correspondent);
    assert.ok(history.json().items.some((e: { action: string }) => e.action === 'commented'));
  });

  test('marking notifications read; the count follows', async () => {
    const before = (await inject('GET', '/api/notifications', as.correspondent)).json();
    assert.ok(before.unreadCount > 0);
    assertStatus(
      await inject('POST', '/api/notifications/read', as.correspondent, { ids: [before.items[0].id] }),
      204,
    );
    const middle = (await inject('GET', '/api/notifications', as.correspondent)).json();
    assert.equal(middle.unreadCount, before.unreadCount - 1);
    assertStatus(await inject('POST', '/api/notifications/read', as.correspondent), 204);
    assert.equal((await inject('GET', '/api/notifications', as.correspondent)).json().unreadCount, 0);
    assertStatus(await inject('GET', '/api/notifications', {}), 401);
    assertInvalid(await inject('POST', '/api/notifications/read', as.correspondent, { ids: 'all' }), 'ids');
  });

  test('only its author or the cell deletes a comment', async () => {
    const response = await inject('POST', `/api/stories/${storyId}/comments`, as.correspondent, {
      body: 'Photo ajoutée.',
    });
    const mine = (response.json().items as Array<{ id: string; body: string }>).find(
      (c) => c.body === 'Photo ajoutée.',
    )!;
    assertStatus(await inject('DELETE', `/api/comments/${mine.id}`, as.drOfficer), 403);
    assertStatus(await inject('DELETE', `/api/comments/${mine.id}`, as.correspondent), 204);
    assertStatus(await inject('DELETE', `/api/comments/${mine.id}`, as.correspondent), 404);
  });

  test('choosing "off" stops notification mail but keeps the bell', async () => {
    assertStatus(
      await inject('PATCH', `/api/people/${drOfficer.id}`, as.drOfficer, { notificationMode: 'off' }),
      200,
    );
    await t.runJobs();
    const before = await t.db
      .selectFrom('outbox_messages')
      .select('id')
      .where('to_address', '=', drOfficer.email)
      .execute();
    await inject('POST', `/api/stories/${storyId}/comments`, as.cell, {
      body: 'Encore une question',
      mentionIds: [drOfficer.id],
    });
    await t.runJobs();
    const after = await t.db
      .selectFrom('outbox_messages')
      .select('id')
      .where('to_address', '=', drOfficer.email)
      .execute();
    assert.equal(after.length, before.length);
    const bell = (await inject('GET', '/api/notifications?unread=true', as.drOfficer)).json();
    assert.ok(
      bell.items.some((n: { data: { message?: string } }) => n.data.message === 'Encore une question'),
    );
    assertInvalid(
      await inject('PATCH', `/api/people/${drOfficer.id}`, as.drOfficer, { notificationMode: 'sometimes' }),
      'notificationMode',
    );
  });
});
