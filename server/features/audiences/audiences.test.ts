import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { assertError, assertInvalid, assertStatus, eventsOf } from '../../test/expect.ts';
import { createNetwork, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
type Headers = { cookie: string };
let cell: Headers;
let admin: Headers;
let correspondent: Headers;

before(async () => {
  cell = await signInAs(t, network.people.cell);
  admin = await signInAs(t, network.people.admin);
  correspondent = await signInAs(t, network.people.correspondent);
});

async function createList(headers: Headers, name = `Liste ${Math.random().toString(36).slice(2, 7)}`) {
  const response = await t.app.inject({ method: 'POST', url: '/api/lists', headers, payload: { name } });
  assertStatus(response, 201);
  return response.json() as {
    id: string;
    name: string;
    counts: Record<string, number>;
    abilities: Record<string, boolean>;
  };
}

describe('lists', () => {
  test('the cell and admins create, read, rename and delete lists; history is kept', async () => {
    const list = await createList(cell, 'Presse nationale');
    assert.deepEqual(list.counts, { active: 0, pending: 0, unsubscribed: 0 });
    assert.equal(list.abilities.delete, true);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/lists/${list.id}`,
      headers: admin,
      payload: { name: 'Presse', isPublic: true },
    });
    assertStatus(renamed, 200);
    assert.equal(renamed.json().isPublic, true);
    const all = await t.app.inject({ method: 'GET', url: '/api/lists', headers: cell });
    assert.ok((all.json() as { items: Array<{ id: string }> }).items.some((item) => item.id === list.id));
    assertStatus(await t.app.inject({ method: 'DELETE', url: `/api/lists/${list.id}`, headers: cell }), 204);
    assertError(await t.app.inject({ method: 'GET', url: `/api/lists/${list.id}`, headers: cell }), 404);
    assert.deepEqual(
      (await eventsOf(t.db, list.id)).map((event) => event.action),
      ['created', 'updated', 'deleted'],
    );
  });

  test('nobody signed in: 401; other roles: 403 on the collection, 404 on a list', async () => {
    const list = await createList(cell);
    assertError(await t.app.inject({ method: 'GET', url: '/api/lists' }), 401);
    assertError(await t.app.inject({ method: 'POST', url: '/api/lists', payload: { name: 'x' } }), 401);
    assertError(await t.app.inject({ method: 'GET', url: `/api/lists/${list.id}` }), 401);
    assertError(await t.app.inject({ method: 'GET', url: '/api/lists', headers: correspondent }), 403);
    assertError(
      await t.app.inject({
        method: 'POST',
        url: '/api/lists',
        headers: correspondent,
        payload: { name: 'x' },
      }),
      403,
    );
    for (const [method, url] of [
      ['GET', `/api/lists/${list.id}`],
      ['GET', `/api/lists/${list.id}/subscribers`],
      ['GET', `/api/lists/${list.id}/export`],
      ['DELETE', `/api/lists/${list.id}`],
    ] as const) {
      assertError(await t.app.inject({ method, url, headers: correspondent }), 404);
    }
    assertError(
      await t.app.inject({
        method: 'POST',
        url: `/api/lists/${list.id}/subscribers`,
        headers: correspondent,
        payload: { email: 'a@b.example' },
      }),
      404,
    );
    assertError(await t.app.inject({ method: 'GET', url: '/api/suppressions', headers: correspondent }), 403);
  });

  test('bad input is a 400 naming the field', async () => {
    assertInvalid(
      await t.app.inject({ method: 'POST', url: '/api/lists', headers: cell, payload: { name: ' ' } }),
      'name',
    );
    assertInvalid(
      await t.app.inject({ method: 'POST', url: '/api/lists', headers: cell, payload: {} }),
      'name',
    );
    const list = await createList(cell);
    assertInvalid(
      await t.app.inject({
        method: 'POST',
        url: `/api/lists/${list.id}/subscribers`,
        headers: cell,
        payload: { email: 'not an address' },
      }),
      'email',
    );
    assertInvalid(
      await t.app.inject({
        method: 'POST',
        url: `/api/lists/${list.id}/import`,
        headers: cell,
        payload: { csv: '' },
      }),
      'csv',
    );
  });

  test('a list a draft campaign uses cannot be deleted', async () => {
    const list = await createList(cell);
    const campaign = await t.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      headers: cell,
      payload: { kind: 'newsletter', subject: 'Lettre', bodyHtml: '<p>Bonjour</p>', listIds: [list.id] },
    });
    assertStatus(campaign, 201);
    const shown = await t.app.inject({ method: 'GET', url: `/api/lists/${list.id}`, headers: cell });
    assert.equal(shown.json().abilities.delete, false);
    assertError(await t.app.inject({ method: 'DELETE', url: `/api/lists/${list.id}`, headers: cell }), 403);
  });
});

describe('subscribers', () => {
  test('add, find, refuse a second time, remove', async () => {
    const list = await createList(cell);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/lists/${list.id}/subscribers`,
      headers: cell,
      payload: {
        email: 'Claire.Martin@Journal.example',
        firstName: 'Claire',
        lastName: 'Martin',
        organisation: 'Le Journal',
      },
    });
    assertStatus(added, 201);
    const subscriber = added.json() as { contactId: string; email: string; state: string };
    assert.equal(subscriber.email, 'claire.martin@journal.example');
    assert.equal(subscriber.state, 'active');
    assertError(
      await t.app.inject({
        method: 'POST',
        url: `/api/lists/${list.id}/subscribers`,
        headers: cell,
        payload: { email: 'claire.martin@journal.example' },
      }),
      409,
    );
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/lists/${list.id}/subscribers?q=martin`,
      headers: cell,
    });
    assert.equal(page.json().total, 1);
    assertStatus(
      await t.app.inject({
        method: 'DELETE',
        url: `/api/lists/${list.id}/subscribers/${subscriber.contactId}`,
        headers: cell,
      }),
      204,
    );
    assertError(
      await t.app.inject({
        method: 'DELETE',
        url: `/api/lists/${list.id}/subscribers/${subscriber.contactId}`,
        headers: cell,
      }),
      404,
    );
    assert.deepEqual(
      (await eventsOf(t.db, list.id)).map((event) => event.action),
      ['created', 'member_added', 'member_removed'],
    );
  });
});

describe('CSV import and export', () => {
  const csv = [
    'Prénom;Nom;Courriel;Média',
    'Claire;Martin;claire@journal.example;Le Journal',
    'Paul;Durand;pas-une-adresse;Radio',
    'Claire;Martin;CLAIRE@journal.example;Le Journal',
    '"Léa, dite ""Lou""";Petit;lea@radio.example;Radio',
    ';;;',
    'Marc;Blanc;marc@tele.example;Télé',
  ].join('\r\n');

  test('the preview reports duplicates, invalid addresses, suppressed ones; the commit adds the rest once', async () => {
    const list = await createList(cell);
    await t.app.inject({
      method: 'POST',
      url: '/api/suppressions',
      headers: cell,
      payload: { email: 'marc@tele.example', reason: 'complaint' },
    });
    const preview = await t.app.inject({
      method: 'POST',
      url: `/api/lists/${list.id}/import`,
      headers: cell,
      payload: { csv, commit: false },
    });
    assertStatus(preview, 200);
    const report = preview.json();
    assert.equal(report.totalRows, 5);
    assert.equal(report.validRows, 3);
    assert.equal(report.toAdd, 3);
    assert.equal(report.suppressed, 1);
    assert.deepEqual(report.invalid, [{ line: 3, value: 'pas-une-adresse', reason: 'not an email address' }]);
    assert.deepEqual(report.duplicates, [{ line: 4, email: 'claire@journal.example', firstLine: 2 }]);
    assert.equal(report.sample[1].firstName, 'Léa, dite "Lou"');
    assert.equal(report.sample[1].organisation, 'Radio');
    assert.equal(report.committed, false);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: `/api/lists/${list.id}`, headers: cell })).json().counts
        .active,
      0,
    );

    const commit = await t.app.inject({
      method: 'POST',
      url: `/api/lists/${list.id}/import`,
      headers: cell,
      payload: { csv, commit: true },
    });
    assert.equal(commit.json().added, 3);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/lists/${list.id}/import`,
      headers: cell,
      payload: { csv, commit: true },
    });
    assert.equal(again.json().added, 0);
    assert.equal(again.json().alreadySubscribed, 3);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: `/api/lists/${list.id}`, headers: cell })).json().counts
        .active,
      3,
    );

    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/lists/${list.id}/export`,
      headers: cell,
    });
    assertStatus(exported, 200);
    assert.match(String(exported.headers['content-type']), /text\/csv/);
    const lines = exported.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0]!, /^email;first_name;last_name/);
    assert.ok(
      lines.some((line) =>
        line.startsWith('lea@radio.example;"Léa, dite ""Lou""";Petit;Radio;active;import'),
      ),
    );
  });

  test('a header-less file: the column with @ is the address', async () => {
    const list = await createList(cell);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/lists/${list.id}/import`,
      headers: cell,
      payload: { csv: 'a@x.example,Anne,Roux\nb@x.example,Bruno,Vidal\n', commit: true },
    });
    assert.equal(response.json().added, 2);
    assert.equal(response.json().hasHeader, false);
    assert.deepEqual(response.json().sample[0], {
      line: 1,
      email: 'a@x.example',
      firstName: 'Anne',
      lastName: 'Roux',
      organisation: '',
    });
  });

  test('exported cells cannot run as spreadsheet formulas', async () => {
    const list = await createList(cell);
    await t.app.inject({
      method: 'POST',
      url: `/api/lists/${list.id}/subscribers`,
      headers: cell,
      payload: { email: 'f@x.example', firstName: '=HYPERLINK("http://evil")' },
    });
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/lists/${list.id}/export`,
      headers: cell,
    });
    assert.match(exported.body, /f@x\.example;"'=HYPERLINK\(""http:\/\/evil""\)"/);
  });
});

describe('suppression list', () => {
  test('manual entries are added once, listed, lifted; an unsubscribe cannot be lifted by the cell', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/suppressions',
      headers: cell,
      payload: { email: 'Nope@Example.org', detail: 'asked by phone' },
    });
    assertStatus(created, 201);
    const row = created.json() as { id: string; email: string; scope: string; abilities: { lift: boolean } };
    assert.equal(row.email, 'nope@example.org');
    assert.equal(row.scope, '*');
    assert.equal(row.abilities.lift, true);
    assertError(
      await t.app.inject({
        method: 'POST',
        url: '/api/suppressions',
        headers: cell,
        payload: { email: 'nope@example.org' },
      }),
      409,
    );
    assertInvalid(
      await t.app.inject({
        method: 'POST',
        url: '/api/suppressions',
        headers: cell,
        payload: { email: 'x', scope: 'all' },
      }),
      'email',
    );
    const listed = await t.app.inject({ method: 'GET', url: '/api/suppressions?q=nope', headers: cell });
    assert.equal(listed.json().total, 1);
    assertError(
      await t.app.inject({ method: 'DELETE', url: `/api/suppressions/${row.id}`, headers: correspondent }),
      403,
    );
    assertStatus(
      await t.app.inject({ method: 'DELETE', url: `/api/suppressions/${row.id}`, headers: cell }),
      204,
    );
    await t.db
      .insertInto('suppressions')
      .values({
        id: '00000000-0000-4000-8000-00000000aaaa',
        email: 'gone@example.org',
        scope: 'newsletter',
        reason: 'unsubscribe',
        detail: '',
        campaign_id: null,
        created_by: null,
        created_at: t.ctx.now().toISOString(),
      })
      .execute();
    assertError(
      await t.app.inject({
        method: 'DELETE',
        url: '/api/suppressions/00000000-0000-4000-8000-00000000aaaa',
        headers: admin,
      }),
      403,
    );
  });
});
