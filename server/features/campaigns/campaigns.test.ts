import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { assertError, assertInvalid, assertStatus, eventsOf, lastMailTo } from '../../test/expect.ts';
import { createNetwork, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

/** Campaigns through the API, mail kept in the outbox (no SMTP_URL). */
const t = await buildTestApp();
const network = await createNetwork(t);
type Headers = { cookie: string };
let cell: Headers;
let correspondent: Headers;

before(async () => {
  cell = await signInAs(t, network.people.cell);
  correspondent = await signInAs(t, network.people.correspondent);
});

type Campaign = {
  id: string;
  state: string;
  recipientCount: number;
  counts: Record<string, number>;
  stats: Record<string, number>;
  abilities: Record<string, boolean>;
};

async function listWith(emails: string[]) {
  const list = await t.app.inject({
    method: 'POST',
    url: '/api/lists',
    headers: cell,
    payload: { name: `Liste ${Math.random().toString(36).slice(2, 7)}`, isPublic: true },
  });
  const id = (list.json() as { id: string }).id;
  const csv = [
    'email,prénom,nom',
    ...emails.map((email, index) => `${email},Prénom${index},Nom${index}`),
  ].join('\n');
  await t.app.inject({
    method: 'POST',
    url: `/api/lists/${id}/import`,
    headers: cell,
    payload: { csv, commit: true },
  });
  return id;
}

async function createCampaign(listIds: string[], extra: Record<string, unknown> = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/campaigns',
    headers: cell,
    payload: {
      kind: 'newsletter',
      subject: 'La lettre de novembre',
      bodyHtml: '<h2>Bonjour {{firstName}}</h2><p>Les nouvelles du réseau.</p>',
      listIds,
      ...extra,
    },
  });
  assertStatus(response, 201);
  return response.json() as Campaign;
}

const get = async (id: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/campaigns/${id}`, headers: cell })).json() as Campaign;
const post = (id: string, action: string, payload?: object) =>
  t.app.inject({
    method: 'POST',
    url: `/api/campaigns/${id}/${action}`,
    headers: cell,
    ...(payload ? { payload } : {}),
  });

describe('drafts', () => {
  test('create, edit, delete a draft; placeholders and lists are checked', async () => {
    const listId = await listWith(['a@draft.example']);
    const draft = await createCampaign([listId]);
    assert.equal(draft.state, 'draft');
    assert.equal(draft.abilities.update, true);
    assert.equal(draft.abilities.pause, false);
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/campaigns/${draft.id}`,
      headers: cell,
      payload: { subject: 'Nouveau sujet', bodyHtml: '<p>Bonjour</p><script>alert(1)</script>' },
    });
    assertStatus(edited, 200);
    assert.equal(edited.json().bodyHtml, '<p>Bonjour</p>');
    assertInvalid(
      await t.app.inject({
        method: 'PATCH',
        url: `/api/campaigns/${draft.id}`,
        headers: cell,
        payload: { bodyHtml: '<p>{{prenom}}</p>' },
      }),
      'bodyHtml',
    );
    assertInvalid(
      await t.app.inject({
        method: 'POST',
        url: '/api/campaigns',
        headers: cell,
        payload: { kind: 'newsletter', subject: 'x', bodyHtml: '<p>x</p>', listIds: ['nope'] },
      }),
      'listIds',
    );
    assertInvalid(
      await t.app.inject({
        method: 'POST',
        url: '/api/campaigns',
        headers: cell,
        payload: { kind: 'flyer' },
      }),
      'kind',
    );
    assertStatus(
      await t.app.inject({ method: 'DELETE', url: `/api/campaigns/${draft.id}`, headers: cell }),
      204,
    );
    assert.deepEqual(
      (await eventsOf(t.db, draft.id)).map((event) => event.action),
      ['created', 'updated', 'deleted'],
    );
  });

  test('nobody signed in: 401; other roles: 403 on the collection, 404 on a campaign', async () => {
    const draft = await createCampaign([await listWith(['b@draft.example'])]);
    assertError(await t.app.inject({ method: 'GET', url: '/api/campaigns' }), 401);
    assertError(await t.app.inject({ method: 'GET', url: '/api/campaigns', headers: correspondent }), 403);
    assertError(
      await t.app.inject({
        method: 'POST',
        url: '/api/campaigns',
        headers: correspondent,
        payload: { kind: 'newsletter', subject: 'x', bodyHtml: '<p>x</p>', listIds: [] },
      }),
      403,
    );
    const bodies: Record<string, object> = {
      'test-send': { emails: ['x@y.example'] },
      schedule: { at: '2030-01-01T00:00:00Z' },
      'send-now': {},
      pause: {},
      resume: {},
      cancel: {},
      'retry-remaining': {},
      'uncertain/resolve': { as: 'sent' },
    };
    for (const [action, payload] of Object.entries(bodies)) {
      const url = `/api/campaigns/${draft.id}/${action}`;
      assertError(await t.app.inject({ method: 'POST', url, payload }), 401);
      assertError(await t.app.inject({ method: 'POST', url, payload, headers: correspondent }), 404);
    }
    for (const path of ['', '/progress', '/uncertain', '/preview']) {
      assertError(await t.app.inject({ method: 'GET', url: `/api/campaigns/${draft.id}${path}` }), 401);
      assertError(
        await t.app.inject({
          method: 'GET',
          url: `/api/campaigns/${draft.id}${path}`,
          headers: correspondent,
        }),
        404,
      );
    }
    // Wrong state: a draft cannot be paused, resumed or have its failures retried.
    for (const action of ['pause', 'resume', 'cancel', 'retry-remaining'])
      assertError(await post(draft.id, action), 403);
    assertInvalid(await post(draft.id, 'schedule', { at: 'tomorrow' }), 'at');
    assertInvalid(await post(draft.id, 'schedule', { at: '2020-01-01T00:00:00Z' }), 'at');
    assertInvalid(await post(draft.id, 'test-send', { emails: ['nope'] }), 'emails.0');
    assertInvalid(await post(draft.id, 'uncertain/resolve', { as: 'maybe' }), 'as');
  });
});

describe('sending through the outbox', () => {
  test('test send, send now: one mail per subscriber with the one-click headers; suppressed and unsubscribed are skipped', async () => {
    const emails = ['ana@news.example', 'ben@news.example', 'chloe@news.example', 'dan@news.example'];
    const listId = await listWith(emails);
    const otherList = await listWith(['ana@news.example', 'eve@news.example']);
    await t.app.inject({
      method: 'POST',
      url: '/api/suppressions',
      headers: cell,
      payload: { email: 'dan@news.example', reason: 'complaint' },
    });
    // A name that is markup is escaped in the HTML part.
    await t.db
      .updateTable('contacts')
      .set({ first_name: '<b>Ben</b> & Co' })
      .where('email', '=', 'ben@news.example')
      .execute();
    const campaign = await createCampaign([listId, otherList]);

    const tested = await post(campaign.id, 'test-send', {
      emails: ['relecture@cell.example', 'dan@news.example'],
    });
    assertStatus(tested, 200);
    assert.deepEqual(
      tested.json().results.map((result: { state: string }) => result.state),
      ['sent', 'suppressed'],
    );
    // The preview is the mail as sent, with the reader's name and test links.
    const preview = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaign.id}/preview`,
      headers: cell,
    });
    assertStatus(preview, 200);
    assert.equal(preview.json().subject, 'La lettre de novembre');
    assert.match(preview.json().html, /<html/);
    assert.match(preview.json().html, /\/u\/test-message/);
    assert.doesNotMatch(preview.json().html, /\{\{/, 'every placeholder is filled');
    assert.match(preview.json().text, /\/u\/test-message/);
    const testMail = await lastMailTo(t.db, 'relecture@cell.example');
    assert.equal(testMail?.subject, '[Test] La lettre de novembre');
    assert.match(testMail!.text_body, /\/u\/test-message/);
    assert.equal((await t.db.selectFrom('campaign_recipients').select('email').execute()).length, 0);

    assertStatus(await post(campaign.id, 'send-now'), 200);
    assert.equal((await get(campaign.id)).state, 'scheduled');
    await t.runJobs();
    const sent = await get(campaign.id);
    assert.equal(sent.state, 'sent');
    assert.equal(sent.recipientCount, 5);
    assert.deepEqual(sent.counts, {
      pending: 0,
      claimed: 0,
      sent: 4,
      failed: 0,
      suppressed: 1,
      uncertain: 0,
    });

    const mails = await t.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('stream', '=', 'newsletter')
      .where('subject', '=', 'La lettre de novembre')
      .execute();
    assert.deepEqual(mails.map((mail) => mail.to_address).sort(), [
      'ana@news.example',
      'ben@news.example',
      'chloe@news.example',
      'eve@news.example',
    ]);
    const ben = mails.find((mail) => mail.to_address === 'ben@news.example')!;
    const headers = ben.headers as Record<string, string>;
    assert.match(
      headers['List-Unsubscribe']!,
      /^<http:\/\/relais\.test\/u\/[\w-]+>, <mailto:relais@localhost\?subject=unsubscribe>$/,
    );
    assert.equal(headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    assert.match(headers['List-Id']!, /<newsletter\.localhost>$/);
    assert.match(ben.html_body!, /Bonjour &lt;b&gt;Ben&lt;\/b&gt; &amp; Co/);
    assert.match(ben.text_body, /Bonjour <b>Ben<\/b> & Co/);
    assert.ok(
      ben.html_body!.includes(
        headers['List-Unsubscribe']!.slice(1, headers['List-Unsubscribe']!.indexOf('>')),
      ),
    );

    const progress = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaign.id}/progress`,
      headers: cell,
    });
    assertStatus(progress, 200);
    assert.equal(progress.json().percent, 100);
    assert.equal(progress.json().sent, 4);
    assert.deepEqual(
      (await eventsOf(t.db, campaign.id)).map((event) => event.action),
      ['created', 'test_sent', 'send_now', 'sending_started', 'sent'],
    );

    // Running the jobs again sends nothing more.
    await post(campaign.id, 'send-now');
    await t.runJobs();
    const count = await t.db
      .selectFrom('outbox_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('subject', '=', 'La lettre de novembre')
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 4);

    // One-click unsubscribe: the GET only shows a button; the cookie-less POST unsubscribes, 200, idempotent.
    const link = /<(http:\/\/relais\.test(\/u\/[\w-]+))>/.exec(headers['List-Unsubscribe']!)![2]!;
    const page = await t.app.inject({ method: 'GET', url: link });
    assertStatus(page, 200);
    assert.match(page.body, /<form method="post"/);
    assert.equal(
      (await t.db.selectFrom('suppressions').selectAll().where('email', '=', 'ben@news.example').execute())
        .length,
      0,
    );
    for (let round = 0; round < 2; round++) {
      const done = await t.app.inject({
        method: 'POST',
        url: link,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://mail.provider.example',
        },
        payload: 'List-Unsubscribe=One-Click',
      });
      assertStatus(done, 200);
    }
    const suppression = await t.db
      .selectFrom('suppressions')
      .selectAll()
      .where('email', '=', 'ben@news.example')
      .execute();
    assert.deepEqual(
      suppression.map((row) => [row.scope, row.reason, row.campaign_id]),
      [['newsletter', 'unsubscribe', campaign.id]],
    );
    assert.equal((await get(campaign.id)).stats.unsubscribes, 1);
    assertStatus(
      await t.app.inject({ method: 'POST', url: '/u/abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij' }),
      404,
    );
  });

  test('schedule for later: nothing leaves before the time; cancel stops a scheduled campaign', async () => {
    const listId = await listWith(['later@news.example']);
    const campaign = await createCampaign([listId], { subject: 'Plus tard' });
    const at = new Date(t.clock.current.getTime() + 3_600_000).toISOString();
    const scheduled = await post(campaign.id, 'schedule', { at });
    assertStatus(scheduled, 200);
    assert.equal(scheduled.json().state, 'scheduled');
    await t.runJobs();
    assert.equal(await lastMailTo(t.db, 'later@news.example'), undefined);
    t.clock.current = new Date(t.clock.current.getTime() + 3_600_001);
    await t.runJobs();
    assert.equal((await lastMailTo(t.db, 'later@news.example'))?.subject, 'Plus tard');

    const other = await createCampaign([listId], { subject: 'Jamais' });
    await post(other.id, 'schedule', { at: new Date(t.clock.current.getTime() + 60_000).toISOString() });
    assertStatus(await post(other.id, 'cancel'), 200);
    t.clock.current = new Date(t.clock.current.getTime() + 120_000);
    await t.runJobs();
    assert.equal((await get(other.id)).state, 'cancelled');
    assert.equal((await lastMailTo(t.db, 'later@news.example'))?.subject, 'Plus tard');
  });

  test('pause, resume; uncertain rows are listed and resolved; retry-remaining never touches a sent row', async () => {
    const emails = ['p1@pause.example', 'p2@pause.example', 'p3@pause.example'];
    const listId = await listWith(emails);
    const campaign = await createCampaign([listId], { subject: 'Pause' });
    await post(campaign.id, 'send-now');
    // The job has frozen the audience; pretend it was interrupted: one sent, one claimed by a dead worker, one failed.
    await t.runJobs();
    const ledger = () =>
      t.db
        .selectFrom('campaign_recipients')
        .select(['email', 'state'])
        .where('campaign_id', '=', campaign.id)
        .orderBy('email')
        .execute();
    assert.deepEqual(
      (await ledger()).map((row) => row.state),
      ['sent', 'sent', 'sent'],
    );
    const past = new Date(t.clock.current.getTime() - 1000).toISOString();
    await t.db
      .updateTable('campaign_recipients')
      .set({ state: 'claimed', claimed_until: past, claimed_by: 'dead' })
      .where('email', '=', 'p2@pause.example')
      .execute();
    await t.db
      .updateTable('campaign_recipients')
      .set({ state: 'failed', last_error: '554 rejected' })
      .where('email', '=', 'p3@pause.example')
      .execute();
    await t.db.updateTable('campaigns').set({ state: 'sending' }).where('id', '=', campaign.id).execute();
    assertStatus(await post(campaign.id, 'pause'), 200);
    assert.equal((await get(campaign.id)).abilities.resume, true);
    assertStatus(await post(campaign.id, 'resume'), 200);
    await t.runJobs();
    assert.deepEqual(
      (await ledger()).map((row) => row.state),
      ['sent', 'uncertain', 'failed'],
    );
    const shown = await get(campaign.id);
    assert.equal(shown.state, 'sent');
    assert.equal(shown.abilities.resolveUncertain, true);
    assert.equal(shown.abilities.retryRemaining, true);
    const uncertain = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaign.id}/uncertain`,
      headers: cell,
    });
    assert.deepEqual(
      uncertain.json().items.map((item: { email: string }) => item.email),
      ['p2@pause.example'],
    );
    const before = await t.db
      .selectFrom('outbox_messages')
      .select('to_address')
      .where('subject', '=', 'Pause')
      .execute();
    assertStatus(await post(campaign.id, 'retry-remaining'), 200);
    await t.runJobs();
    assert.deepEqual(
      (await ledger()).map((row) => row.state),
      ['sent', 'uncertain', 'sent'],
    );
    assertStatus(await post(campaign.id, 'uncertain/resolve', { as: 'resend' }), 200);
    await t.runJobs();
    assert.deepEqual(
      (await ledger()).map((row) => row.state),
      ['sent', 'sent', 'sent'],
    );
    assertError(await post(campaign.id, 'uncertain/resolve', { as: 'sent' }), 403);
    const after = await t.db
      .selectFrom('outbox_messages')
      .select('to_address')
      .where('subject', '=', 'Pause')
      .execute();
    assert.deepEqual(
      after.map((row) => row.to_address).sort(),
      [...before.map((row) => row.to_address), 'p2@pause.example', 'p3@pause.example'].sort(),
    );
    assert.equal(after.filter((row) => row.to_address === 'p1@pause.example').length, 1, 'p1 once');
  });
});

describe('a dead worker', () => {
  test('its claimed rows, still under lease, are looked at again when the lease ends: uncertain, and the campaign ends', async () => {
    const listId = await listWith(['d1@dead.example', 'd2@dead.example']);
    const campaign = await createCampaign([listId], { subject: 'Mort' });
    await post(campaign.id, 'send-now');
    await t.runJobs();
    // Rewind: d2 was in the SMTP exchange of a worker that died a minute ago (lease: 14 more minutes).
    const lease = new Date(t.clock.current.getTime() + 14 * 60_000).toISOString();
    await t.db
      .updateTable('campaign_recipients')
      .set({ state: 'claimed', claimed_by: 'dead', claimed_until: lease })
      .where('email', '=', 'd2@dead.example')
      .execute();
    await t.db.updateTable('campaigns').set({ state: 'sending' }).where('id', '=', campaign.id).execute();
    await t.db
      .transaction()
      .execute((trx) =>
        import('./sending.ts').then(({ enqueueCampaignRun }) =>
          enqueueCampaignRun(trx, campaign.id, t.clock.current),
        ),
      );
    await t.runJobs();
    assert.equal((await get(campaign.id)).state, 'sending', 'not done while the lease runs');
    t.clock.current = new Date(Date.parse(lease) + 2000);
    await t.runJobs();
    const done = await get(campaign.id);
    assert.equal(done.state, 'sent');
    assert.deepEqual(done.counts, {
      pending: 0,
      claimed: 0,
      sent: 1,
      failed: 0,
      suppressed: 0,
      uncertain: 1,
    });
  });
});

describe('public pages', () => {
  test('subscribe with double opt-in, confirm with a POST, preferences from the signed link', async () => {
    const listId = await listWith([]);
    const form = await t.app.inject({ method: 'GET', url: '/subscribe' });
    assertStatus(form, 200);
    assert.match(form.body, new RegExp(`value="${listId}"`));
    const posted = await t.app.inject({
      method: 'POST',
      url: '/subscribe',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://elsewhere.example' },
      payload: `email=New.Reader%40Example.org&firstName=Nora&lastName=%3Cscript%3E&list=${listId}`,
    });
    assertStatus(posted, 200);
    const mail = await lastMailTo(t.db, 'new.reader@example.org');
    assert.ok(mail?.link, 'a confirmation mail');
    const members = () =>
      t.db
        .selectFrom('list_members')
        .innerJoin('contacts', 'contacts.id', 'list_members.contact_id')
        .select(['list_members.state', 'contacts.id'])
        .where('list_id', '=', listId)
        .execute();
    assert.deepEqual(
      (await members()).map((row) => row.state),
      ['pending'],
    );
    const path = new URL(mail!.link!).pathname;
    assertStatus(await t.app.inject({ method: 'GET', url: path }), 200);
    assert.deepEqual(
      (await members()).map((row) => row.state),
      ['pending'],
      'a GET confirms nothing',
    );
    const confirmed = await t.app.inject({ method: 'POST', url: path });
    assertStatus(confirmed, 200);
    assert.deepEqual(
      (await members()).map((row) => row.state),
      ['active'],
    );
    assertStatus(await t.app.inject({ method: 'POST', url: path }), 404);

    // A second post within minutes sends no second mail.
    await t.app.inject({
      method: 'POST',
      url: '/subscribe',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=bad`,
    });

    // The preference page of the campaign mail's link.
    const campaign = await createCampaign([listId], { subject: 'Préférences' });
    await post(campaign.id, 'send-now');
    await t.runJobs();
    const sent = await lastMailTo(t.db, 'new.reader@example.org');
    const prefs = /http:\/\/relais\.test(\/preferences\/[\w-]+)/.exec(sent!.text_body)![1]!;
    const shown = await t.app.inject({ method: 'GET', url: prefs });
    assertStatus(shown, 200);
    assert.match(shown.body, /new\.reader@example\.org/);
    const saved = await t.app.inject({
      method: 'POST',
      url: prefs,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    assertStatus(saved, 303);
    assert.deepEqual(
      (await members()).map((row) => row.state),
      ['unsubscribed'],
    );
    await t.app.inject({
      method: 'POST',
      url: prefs,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `list=${listId}`,
    });
    assert.deepEqual(
      (await members()).map((row) => row.state),
      ['active'],
    );
    assertStatus(
      await t.app.inject({
        method: 'GET',
        url: '/preferences/forged-token-forged-token-forged-token-forged',
      }),
      404,
    );
  });
});
