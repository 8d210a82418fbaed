import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer } from 'smtp-server';
import { enqueueJob } from '../../jobs/queue.ts';
import { assertStatus } from '../../test/expect.ts';
import { createLab, createPerson, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';

/**
 * A real worker process (`node server/main.ts --worker`) sends reminders through a real SMTP
 * exchange and is killed (SIGKILL) while the server holds its answer to the third mail: the server
 * has the message, the worker never learnt it. Restarted, the worker finishes the batch without
 * sending anyone a second reminder, and the interrupted one is left "uncertain" for a person.
 */
const received: string[] = [];
let isHolding = true;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      received.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
      // From the third mail on, the first worker never gets its "250 OK".
      if (isHolding && received.length >= 3) return;
      callback();
    });
  },
});
smtp.on('error', () => {});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const port = (smtp.server.address() as AddressInfo).port;

const t = await buildTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
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
      RELAIS_DATA_DIR: t.ctx.config.dataDir,
      ...(t.ctx.config.databaseUrl ? { DATABASE_URL: t.ctx.config.databaseUrl } : {}),
      SMTP_URL: `smtp://127.0.0.1:${port}`,
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
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(100);
  }
  assert.fail(`timed out waiting for ${what}; worker said:\n${output()}`);
}

test('SIGKILL mid-batch, restart: no lab gets a second reminder; every lab got one or is reported uncertain', async () => {
  // Five labs with one correspondent each, and a request whose 1-day reminder is due now (real time).
  const now = new Date();
  t.clock.current = new Date(now.getTime() - 86_400_000);
  const cell = await createPerson(t.db, { roles: [{ role: 'cell' }] });
  const labs = [];
  const emails = new Map<string, string>();
  for (let index = 0; index < 5; index++) {
    const lab = await createLab(t.db);
    const person = await createPerson(t.db, {
      email: `correspondent${index}@crash.example`,
      labId: lab.id,
      roles: [{ role: 'correspondent', labId: lab.id }],
    });
    emails.set(lab.id, person.email);
    labs.push(lab);
  }
  const deadline = new Date(now.getTime() + 86_400_000 - 3_600_000).toISOString();
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/requests',
    headers: await signInAs(t, cell),
    payload: {
      kind: 'figures',
      title: 'Chiffres pour le rapport',
      deadline: { date: deadline.slice(0, 10), time: deadline.slice(11, 16), timeZone: 'UTC' },
      reminderDays: [1],
      targetMode: 'labs',
      labIds: labs.map((lab) => lab.id),
    },
  });
  assertStatus(response, 201);
  const requestId = (response.json() as { id: string }).id;
  // The arrival notices are not part of this test: their mails are done with.
  await t.db.updateTable('jobs').set({ state: 'done' }).where('kind', '=', 'notifications.email').execute();
  await enqueueJob(t.db, 'requests.remind', {}, { now });

  const ledger = () =>
    t.db
      .selectFrom('request_reminders')
      .select(['lab_id', 'state'])
      .where('request_id', '=', requestId)
      .execute();

  const first = startWorker();
  await waitFor('the third mail to reach the server', () => received.length >= 3, first.output);
  first.child.kill('SIGKILL');
  await first.exited;
  assert.deepEqual(
    (await ledger()).map((row) => row.state).sort(),
    ['pending', 'pending', 'sending', 'sent', 'sent'],
    'killed while the third was in the SMTP exchange',
  );

  // Time passes: the leases of the dead worker (the reminder's, the job's) expire.
  const past = new Date(Date.now() - 1000).toISOString();
  await t.db
    .updateTable('request_reminders')
    .set({ claimed_until: past })
    .where('state', '=', 'sending')
    .execute();
  await t.db.updateTable('jobs').set({ locked_until: past }).where('state', '=', 'running').execute();
  isHolding = false;

  const second = startWorker();
  await waitFor(
    'the batch to finish',
    async () => (await ledger()).every((row) => row.state === 'sent' || row.state === 'uncertain'),
    second.output,
  );
  second.child.kill('SIGTERM');
  await second.exited;

  const counts = new Map<string, number>();
  for (const address of received) counts.set(address, (counts.get(address) ?? 0) + 1);
  for (const [address, count] of counts) assert.equal(count, 1, `${address} got ${count} reminders`);
  const rows = await ledger();
  assert.deepEqual(rows.map((row) => row.state).sort(), ['sent', 'sent', 'sent', 'sent', 'uncertain']);
  for (const row of rows) {
    const email = emails.get(row.lab_id)!;
    if (row.state === 'sent') assert.equal(counts.get(email), 1, `${email}: sent once`);
  }
  // The board says so, with the way out.
  const board = await t.app.inject({
    method: 'GET',
    url: `/api/requests/${requestId}`,
    headers: await signInAs(t, cell),
  });
  const reminders = (
    board.json() as { board: Array<{ reminders: Array<{ id: string; state: string; abilities: object }> }> }
  ).board.flatMap((row) => row.reminders);
  const uncertain = reminders.filter((reminder) => reminder.state === 'uncertain');
  assert.equal(uncertain.length, 1);
  assert.deepEqual(uncertain[0]?.abilities, { resend: true, markSent: true });
  // The server had the interrupted message (it was holding its answer): the cell confirms it went
  // out. Every lab then has exactly one reminder for the step, and the ledger says so.
  assert.equal(received.length, 5);
  const confirmed = await t.app.inject({
    method: 'POST',
    url: `/api/requests/${requestId}/reminders/${uncertain[0]!.id}/mark-sent`,
    headers: await signInAs(t, cell),
    payload: {},
  });
  assertStatus(confirmed, 200);
  assert.deepEqual(
    (await ledger()).map((row) => row.state),
    ['sent', 'sent', 'sent', 'sent', 'sent'],
  );
  assert.equal(received.length, 5, 'confirming sends nothing');
});
