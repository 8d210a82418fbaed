import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer } from 'smtp-server';
import { assertStatus } from '../../test/expect.ts';
import { createPerson, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

/**
 * A real worker process (`node server/main.ts --worker`) sends a campaign to a slow SMTP server and
 * is killed (SIGKILL) while the server holds its answers: those messages reached the server, the
 * worker never learnt it. Restarted, a worker finishes the campaign: nobody gets a second copy,
 * nobody is silently skipped — every recipient was sent exactly one, or is reported uncertain.
 */
const received: string[] = [];
const holdFrom = 12;
let isHolding = true;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      received.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
      // From the twelfth message on, the first worker never gets its "250 OK".
      if (isHolding && received.length >= holdFrom) return;
      setTimeout(() => callback(), 20);
    });
  },
});
smtp.on('error', () => {});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const port = (smtp.server.address() as AddressInfo).port;
const smtpEnv = {
  SMTP_URL: `smtp://127.0.0.1:${port}`,
  CAMPAIGN_RATE: '100',
  CAMPAIGN_MAX_CONNECTIONS: '3',
  MAIL_LINK_SECRET: 'crash-test-secret',
};

const t = await buildTestApp({ env: smtpEnv });
const children: ChildProcess[] = [];
after(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const root = path.resolve(import.meta.dirname, '../../..');
function startWorker() {
  const child = spawn(process.execPath, ['server/main.ts', '--worker'], {
    cwd: root,
    env: {
      ...process.env,
      ...smtpEnv,
      RELAIS_DATA_DIR: t.ctx.config.dataDir,
      ...(t.ctx.config.databaseUrl ? { DATABASE_URL: t.ctx.config.databaseUrl } : {}),
      RELAIS_DEMO: '0',
      PUBLIC_URL: 'http://relais.test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  children.push(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, exited, output: () => output };
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, output: () => string) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(50);
  }
  assert.fail(`timed out waiting for ${what}; worker said:\n${output()}`);
}

test('SIGKILL mid-campaign, restart: no recipient gets two copies; each got one or is reported uncertain', async () => {
  t.clock.current = new Date(Date.now() - 60_000);
  const cell = await signInAs(t, await createPerson(t.db, { roles: [{ role: 'cell' }] }));
  const total = 40;
  const emails = Array.from(
    { length: total },
    (_, index) => `reader${String(index).padStart(2, '0')}@crash.example`,
  );
  const list = await t.app.inject({
    method: 'POST',
    url: '/api/lists',
    headers: cell,
    payload: { name: 'Crash' },
  });
  const listId = list.json().id as string;
  await t.app.inject({
    method: 'POST',
    url: `/api/lists/${listId}/import`,
    headers: cell,
    payload: { csv: ['email', ...emails].join('\n'), commit: true },
  });
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/campaigns',
    headers: cell,
    payload: {
      kind: 'newsletter',
      subject: 'Lettre',
      bodyHtml: '<p>Bonjour {{firstName}}</p>',
      listIds: [listId],
    },
  });
  const campaignId = created.json().id as string;
  assertStatus(
    await t.app.inject({ method: 'POST', url: `/api/campaigns/${campaignId}/send-now`, headers: cell }),
    200,
  );

  const ledger = () =>
    t.db
      .selectFrom('campaign_recipients')
      .select(['email', 'state'])
      .where('campaign_id', '=', campaignId)
      .execute();
  const byState = async () => {
    const counts: Record<string, number> = {};
    for (const row of await ledger()) counts[row.state] = (counts[row.state] ?? 0) + 1;
    return counts;
  };

  const first = startWorker();
  await waitFor('the server to hold messages', () => received.length >= holdFrom, first.output);
  await sleep(200);
  first.child.kill('SIGKILL');
  await first.exited;
  const atKill = await byState();
  assert.ok((atKill.claimed ?? 0) >= 1, `some were in the SMTP exchange: ${JSON.stringify(atKill)}`);
  assert.ok((atKill.pending ?? 0) > 0, `some were never tried: ${JSON.stringify(atKill)}`);
  assert.equal((atKill.sent ?? 0) + (atKill.claimed ?? 0) + (atKill.pending ?? 0), total);

  // Time passes: the dead worker's leases (the rows', the job's) expire.
  const past = new Date(Date.now() - 1000).toISOString();
  await t.db
    .updateTable('campaign_recipients')
    .set({ claimed_until: past })
    .where('state', '=', 'claimed')
    .execute();
  await t.db.updateTable('jobs').set({ locked_until: past }).where('state', '=', 'running').execute();
  isHolding = false;

  const second = startWorker();
  await waitFor(
    'the campaign to finish',
    async () =>
      (
        await t.db
          .selectFrom('campaigns')
          .select('state')
          .where('id', '=', campaignId)
          .executeTakeFirstOrThrow()
      ).state === 'sent',
    second.output,
  );
  second.child.kill('SIGTERM');
  await second.exited;

  const copies = new Map<string, number>();
  for (const address of received) copies.set(address, (copies.get(address) ?? 0) + 1);
  for (const [address, count] of copies) assert.equal(count, 1, `${address} got ${count} copies`);
  const rows = await ledger();
  assert.equal(rows.length, total);
  const uncertain = rows.filter((row) => row.state === 'uncertain');
  assert.equal(uncertain.length, atKill.claimed, 'exactly the messages in hand at the kill are uncertain');
  for (const row of rows) {
    assert.ok(row.state === 'sent' || row.state === 'uncertain', `${row.email} is ${row.state}`);
    if (row.state === 'sent') assert.equal(copies.get(row.email), 1, `${row.email}: sent once`);
  }
  // The operator sees them, and decides.
  const listed = await t.app.inject({
    method: 'GET',
    url: `/api/campaigns/${campaignId}/uncertain`,
    headers: cell,
  });
  assert.deepEqual(
    listed
      .json()
      .items.map((item: { email: string }) => item.email)
      .sort(),
    uncertain.map((row) => row.email).sort(),
  );
  const progress = await t.app.inject({
    method: 'GET',
    url: `/api/campaigns/${campaignId}/progress`,
    headers: cell,
  });
  assert.equal(progress.json().uncertain, uncertain.length);
  assert.equal(progress.json().sent, total - uncertain.length);
});
