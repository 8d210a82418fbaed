import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { jobDefinitions } from '../../jobs/registry.ts';
import { createWorker } from '../../jobs/worker.ts';
import { assertStatus } from '../../test/expect.ts';
import { createPerson, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

/**
 * Campaign mail through a real SMTP exchange: an in-process smtp-server on loopback reads back what
 * Relais sent (mailparser), checks its DKIM signature (mailauth, with a stub DNS resolver serving the
 * public key), and answers 450, 421 or 550 to some recipients to see retries and suppressions.
 */
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicDer = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const resolver = async (name: string, type: string) => {
  if (type === 'TXT' && name === 'relais2026._domainkey.relais.example')
    return [[`v=DKIM1; k=rsa; p=${publicDer}`]];
  const error = new Error(`no ${type} for ${name}`) as Error & { code: string };
  error.code = 'ENOTFOUND';
  throw error;
};

type Received = { to: string; raw: Buffer };
const received: Received[] = [];
/** Addresses already refused once (450 at RCPT, 421 after DATA): the second try is accepted. */
const refusedOnce = new Set<string>();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    const to = address.address;
    const refuse = (code: number, message: string) =>
      callback(Object.assign(new Error(message), { responseCode: code }));
    if (to.startsWith('bounce')) return refuse(550, '5.1.1 No such user');
    if (to.startsWith('down')) return refuse(451, '4.3.0 Temporary system failure');
    if (to.startsWith('greylist') && !refusedOnce.has(to)) {
      refusedOnce.add(to);
      return refuse(450, '4.2.0 Greylisted, try again later');
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const to = session.envelope.rcptTo[0]!.address;
      if (to.startsWith('busy') && !refusedOnce.has(to)) {
        refusedOnce.add(to);
        return callback(Object.assign(new Error('4.7.0 Too busy, come back later'), { responseCode: 421 }));
      }
      received.push({ to, raw: Buffer.concat(chunks) });
      if (to.startsWith('slow')) setTimeout(() => callback(), 60);
      else callback();
    });
  },
});
smtp.on('error', () => {});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const port = (smtp.server.address() as AddressInfo).port;

const t = await buildTestApp({
  env: {
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    MAIL_FROM: 'CNRS Nucléaire & Particules <lettre@relais.example>',
    DKIM_DOMAIN: 'relais.example',
    DKIM_SELECTOR: 'relais2026',
    DKIM_PRIVATE_KEY: privatePem.replace(/\n/g, '\\n'),
    CAMPAIGN_RATE: '1000',
    CAMPAIGN_MAX_CONNECTIONS: '3',
    CAMPAIGN_PAUSE_AFTER_ERRORS: '5',
  },
});
after(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
let cell: { cookie: string };
before(async () => {
  cell = await signInAs(t, await createPerson(t.db, { roles: [{ role: 'cell' }] }));
});

async function campaignTo(emails: Array<[string, string]>, subject: string) {
  const list = await t.app.inject({
    method: 'POST',
    url: '/api/lists',
    headers: cell,
    payload: { name: subject },
  });
  const listId = list.json().id as string;
  const csv = ['email;prénom', ...emails.map(([email, name]) => `${email};${name}`)].join('\n');
  await t.app.inject({
    method: 'POST',
    url: `/api/lists/${listId}/import`,
    headers: cell,
    payload: { csv, commit: true },
  });
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/campaigns',
    headers: cell,
    payload: {
      kind: 'newsletter',
      subject,
      bodyHtml: '<h2>Bonjour {{firstName}},</h2><p>Voici les nouvelles du réseau.</p>',
      listIds: [listId],
    },
  });
  assertStatus(created, 201);
  const id = created.json().id as string;
  assertStatus(
    await t.app.inject({ method: 'POST', url: `/api/campaigns/${id}/send-now`, headers: cell }),
    200,
  );
  return id;
}
const ledger = async (campaignId: string) =>
  Object.fromEntries(
    (
      await t.db
        .selectFrom('campaign_recipients')
        .select(['email', 'state', 'attempts'])
        .where('campaign_id', '=', campaignId)
        .execute()
    ).map((row) => [row.email, row.state]),
  );
const copiesTo = (email: string) => received.filter((mail) => mail.to === email).length;

describe('campaign mail over SMTP', () => {
  test('multipart text + HTML, one-click unsubscribe headers signed by DKIM, values escaped', async () => {
    const id = await campaignTo(
      [
        ['alice@lab.example', 'Alice'],
        ['bob@lab.example', '<img src=x onerror=alert(1)>'],
      ],
      'Lettre DKIM',
    );
    await t.runJobs();
    assert.deepEqual(await ledger(id), { 'alice@lab.example': 'sent', 'bob@lab.example': 'sent' });
    const row = await t.db
      .selectFrom('campaign_recipients')
      .select(['smtp_response', 'message_id'])
      .where('campaign_id', '=', id)
      .where('email', '=', 'alice@lab.example')
      .executeTakeFirstOrThrow();
    assert.match(row.smtp_response ?? '', /^250/);
    assert.match(row.message_id ?? '', /^<[\w-]+@relais\.example>$/);

    const raw = received.find((mail) => mail.to === 'bob@lab.example')!.raw;
    const mail = await simpleParser(raw);
    assert.equal(mail.subject, 'Lettre DKIM');
    assert.equal(
      mail.messageId,
      (
        await t.db
          .selectFrom('campaign_recipients')
          .select('message_id')
          .where('email', '=', 'bob@lab.example')
          .executeTakeFirstOrThrow()
      ).message_id,
    );
    assert.match(
      String(
        mail.headers.get('content-type') && (mail.headers.get('content-type') as { value: string }).value,
      ),
      /multipart\/alternative/,
    );
    assert.match(mail.text ?? '', /Bonjour <img src=x onerror=alert\(1\)>,/);
    assert.match(String(mail.html), /Bonjour &lt;img src=x onerror=alert\(1\)&gt;,/);
    assert.doesNotMatch(String(mail.html), /<img src=x/);
    const list = mail.headers.get('list') as {
      unsubscribe: { url: string; mail: string };
      'unsubscribe-post': { name: string };
      id: { id: string };
    };
    assert.match(list.unsubscribe.url, /^http:\/\/relais\.test\/u\/[\w-]+$/);
    assert.equal(list.unsubscribe.mail, 'lettre@relais.example?subject=unsubscribe');
    assert.equal(list.id.id, 'newsletter.relais.example');
    assert.equal(list['unsubscribe-post'].name, 'List-Unsubscribe=One-Click');
    assert.equal(mail.headers.get('precedence'), 'bulk');
    assert.ok(String(mail.html).includes(list.unsubscribe.url), 'a visible unsubscribe link in the body');
    assert.ok((mail.text ?? '').includes(list.unsubscribe.url));

    const result = await dkimVerify(raw, { resolver });
    const [signature] = result.results as Array<{
      status: { result: string };
      signingHeaders: { keys: string };
    }>;
    assert.equal(signature?.status.result, 'pass', JSON.stringify(result.results));
    const signed = signature!.signingHeaders.keys.toLowerCase().split(/:\s*/);
    for (const header of ['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post', 'list-id'])
      assert.ok(signed.includes(header), `h= covers ${header}: ${signature!.signingHeaders.keys}`);

    // The one-click POST of the header's address, as a mailbox provider sends it.
    const unsubscribe = await t.app.inject({
      method: 'POST',
      url: new URL(list.unsubscribe.url).pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assertStatus(unsubscribe, 200);
  });

  test('450 and 421 are retried later, once; 550 suppresses the address for every later campaign', async () => {
    const id = await campaignTo(
      [
        ['greylist@lab.example', 'Gus'],
        ['ok@lab.example', 'Olga'],
        ['busy@lab.example', 'Basile'],
        ['bounce@lab.example', 'Bea'],
      ],
      'Lettre retry',
    );
    await t.runJobs();
    assert.deepEqual(await ledger(id), {
      'greylist@lab.example': 'pending',
      'ok@lab.example': 'sent',
      'busy@lab.example': 'pending',
      'bounce@lab.example': 'suppressed',
    });
    const suppression = await t.db
      .selectFrom('suppressions')
      .selectAll()
      .where('email', '=', 'bounce@lab.example')
      .executeTakeFirstOrThrow();
    assert.equal(suppression.reason, 'hard_bounce');
    assert.equal(suppression.scope, '*');
    assert.match(suppression.detail, /550/);
    const progress = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${id}/progress`,
      headers: cell,
    });
    assert.equal(progress.json().state, 'sending');
    assert.equal(progress.json().pending, 2);
    assert.match(progress.json().lastError, /(450|421|550) /);

    t.clock.current = new Date(t.clock.current.getTime() + 2 * 60_000);
    await t.runJobs();
    assert.deepEqual(await ledger(id), {
      'greylist@lab.example': 'sent',
      'ok@lab.example': 'sent',
      'busy@lab.example': 'sent',
      'bounce@lab.example': 'suppressed',
    });
    for (const email of ['greylist@lab.example', 'ok@lab.example', 'busy@lab.example'])
      assert.equal(copiesTo(email), 1, email);
    assert.equal(copiesTo('bounce@lab.example'), 0);

    const next = await campaignTo([['bounce@lab.example', 'Bea']], 'Lettre suivante');
    await t.runJobs();
    assert.deepEqual(await ledger(next), { 'bounce@lab.example': 'suppressed' });
  });

  test('repeated errors pause the campaign with the last error; resumed, it finishes', async () => {
    const emails = Array.from({ length: 8 }, (_, index): [string, string] => [
      `down${index}@lab.example`,
      `D${index}`,
    ]);
    const id = await campaignTo(emails, 'Lettre en panne');
    await t.runJobs();
    const campaign = await t.app.inject({ method: 'GET', url: `/api/campaigns/${id}`, headers: cell });
    assert.equal(campaign.json().state, 'paused');
    assert.match(campaign.json().pauseReason, /5 failed sends in a row/);
    assert.match(campaign.json().lastError, /451/);
    const rows = await t.db
      .selectFrom('campaign_recipients')
      .select(['state', 'attempts'])
      .where('campaign_id', '=', id)
      .execute();
    const attempted = rows.filter((row) => row.attempts > 0).length;
    assert.ok(
      attempted >= 5 && attempted <= 7,
      `stopped claiming after the fifth error (${attempted} tried)`,
    );
    assert.ok(rows.every((row) => row.state === 'pending'));

    // The relay is back: resumed, every recipient gets one copy.
    await t.db
      .updateTable('campaign_recipients')
      .set({ email: (eb) => eb.fn('replace', [eb.ref('email'), eb.val('down'), eb.val('up')]) })
      .where('campaign_id', '=', id)
      .execute();
    assertStatus(
      await t.app.inject({ method: 'POST', url: `/api/campaigns/${id}/resume`, headers: cell }),
      200,
    );
    t.clock.current = new Date(t.clock.current.getTime() + 10 * 60_000);
    await t.runJobs();
    assert.equal(
      (await t.app.inject({ method: 'GET', url: `/api/campaigns/${id}`, headers: cell })).json().state,
      'sent',
    );
    for (let index = 0; index < 8; index++) assert.equal(copiesTo(`up${index}@lab.example`), 1);
  });

  test('graceful shutdown: stops claiming, finishes the messages in hand, leaves a follow-up job', async () => {
    const emails = Array.from({ length: 30 }, (_, index): [string, string] => [
      `slow${index}@lab.example`,
      `S${index}`,
    ]);
    const id = await campaignTo(emails, 'Lettre arrêt');
    const worker = createWorker(t.ctx, {
      definitions: jobDefinitions,
      schedules: [],
      pollMs: 20,
      log: { info() {}, warn() {}, error() {} },
    });
    worker.start();
    const sentCount = async () => Object.values(await ledger(id)).filter((state) => state === 'sent').length;
    while ((await sentCount()) < 4) await sleep(20);
    await worker.stop();
    const states = Object.values(await ledger(id));
    assert.equal(
      states.filter((state) => state === 'claimed' || state === 'uncertain').length,
      0,
      'nothing left in doubt',
    );
    assert.ok(states.includes('pending'), 'the rest waits');
    const followUp = await t.db
      .selectFrom('jobs')
      .select('state')
      .where('kind', '=', 'campaigns.send')
      .where('state', '=', 'pending')
      .execute();
    assert.equal(followUp.length, 1);
    await t.runJobs();
    assert.deepEqual(new Set(Object.values(await ledger(id))), new Set(['sent']));
    for (const [email] of emails) assert.equal(copiesTo(email), 1, email);
  });
});
