import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { assertStatus } from '../../test/expect.ts';
import { buildTestApp } from '../../test/helpers.ts';
import { setUpNetwork } from './test-support.ts';

/**
 * An issue to 500 subscribers through a real SMTP exchange (an in-process smtp-server on loopback):
 * scheduled, sent by the job at its time, each subscriber once, then on the archive with its
 * stories' newsletter relays published.
 */
const received: Array<{ to: string; raw: Buffer }> = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo[0]!.address, raw: Buffer.concat(chunks) });
      callback();
    });
  },
});
smtp.on('error', () => {});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
after(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const t = await buildTestApp({
  env: {
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    MAIL_FROM: 'CNRS Nucléaire & Particules <lettre@relais.example>',
    CAMPAIGN_RATE: '2000',
    CAMPAIGN_MAX_CONNECTIONS: '4',
  },
});
const { as, inject, acceptedStory, listWith } = await setUpNetwork(t);

test('an issue to 500 subscribers over SMTP: each once, then archived, relays published', async () => {
  const story = await acceptedStory({ title: 'Le sujet de la lettre aux 500' });
  const emails = Array.from(
    { length: 500 },
    (_, index) => `lecteur${String(index).padStart(3, '0')}@abonnes.example`,
  );
  const listId = await listWith(emails, 'Les 500');
  const created = await inject('POST', '/api/newsletters', as.cell, {
    title: 'La lettre aux 500',
    listIds: [listId],
  });
  assertStatus(created, 201);
  const issue = created.json() as { id: string; number: number; campaign: { id: string } };
  assertStatus(
    await inject('PATCH', `/api/newsletters/${issue.id}`, as.cell, {
      items: [{ storyId: story.id, section: 'une' }],
    }),
    200,
  );
  assertStatus(
    await inject('POST', `/api/newsletters/${issue.id}/schedule`, as.cell, { at: '2026-11-25T07:00:00Z' }),
    200,
  );
  await t.runJobs();
  // (Notification mail about the stories goes through the same relay.)
  const toSubscribers = () => received.filter((mail) => mail.to.endsWith('@abonnes.example'));
  assert.equal(toSubscribers().length, 0);

  t.clock.current = new Date('2026-11-25T07:00:05Z');
  await t.runJobs();
  const campaign = (await inject('GET', `/api/campaigns/${issue.campaign.id}`, as.cell)).json() as {
    state: string;
    counts: Record<string, number>;
  };
  assert.equal(campaign.state, 'sent');
  assert.equal(campaign.counts.sent, 500);
  assert.equal(toSubscribers().length, 500);
  assert.deepEqual([...new Set(toSubscribers().map((mail) => mail.to))].sort(), emails);

  const mail = await simpleParser(toSubscribers()[0]!.raw);
  assert.equal(mail.subject, `La lettre aux 500 — n° ${issue.number}`);
  assert.match(String(mail.html), /Le sujet de la lettre aux 500/);
  assert.match(String(mail.text), /Le sujet de la lettre aux 500/);
  assert.match(String(mail.html), new RegExp(`http://relais\\.test/lettre/${issue.number}`));
  const list = mail.headers.get('list') as { unsubscribe?: unknown; id?: unknown } | undefined;
  assert.ok(list?.unsubscribe && list.id);
  assert.doesNotMatch(String(mail.html), /\{\{\s*\w+\s*\}\}/);

  const archive = await t.app.inject({ method: 'GET', url: `/lettre/${issue.number}` });
  assertStatus(archive, 200);
  assert.match(archive.body, /Le sujet de la lettre aux 500/);
  const relay = (await inject('GET', `/api/stories/${story.id}`, as.cell)).json().relays[0] as {
    state: string;
    url: string;
  };
  assert.deepEqual([relay.state, relay.url], ['published', `http://relais.test/lettre/${issue.number}`]);
});
