import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jobDefinitions, jobSchedules } from '../../jobs/registry.ts';
import { createWorker } from '../../jobs/worker.ts';
import { assertError, assertStatus, eventsOf } from '../../test/expect.ts';
import { createLab, createNetwork, createPerson, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';
import { dueStep, planReminders } from './reminders.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const { cell, drOfficer, correspondent, otherCorrespondent } = network.people;
const thirdLab = await createLab(t.db, { delegationId: network.delegation.id });
const thirdCorrespondent = await createPerson(t.db, {
  labId: thirdLab.id,
  roles: [{ role: 'correspondent', labId: thirdLab.id }],
});
const deputy = await createPerson(t.db, {
  labId: network.lab.id,
  roles: [{ role: 'correspondent', labId: network.lab.id }],
});
const as = {
  cell: await signInAs(t, cell),
  drOfficer: await signInAs(t, drOfficer),
  correspondent: await signInAs(t, correspondent),
  otherCorrespondent: await signInAs(t, otherCorrespondent),
  thirdCorrespondent: await signInAs(t, thirdCorrespondent),
};
const start = new Date('2026-11-24T09:00:00.000Z');

const inject = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

type Board = Array<{
  lab: { id: string };
  reminders: Array<{ id: string; step: number; state: string; abilities: Record<string, boolean> }>;
}>;

async function createRequest(title: string, date: string, labIds: string[]) {
  const response = await inject('POST', '/api/requests', as.cell, {
    kind: 'figures',
    title,
    deadline: { date, time: '17:00', timeZone: 'Europe/Paris' },
    targetMode: 'labs',
    labIds,
  });
  assertStatus(response, 201);
  return (response.json() as { id: string }).id;
}

/** Reminder mails per address for one request (the subject carries its title). */
async function remindersTo(title: string) {
  const rows = await t.db
    .selectFrom('outbox_messages')
    .select(['to_address', 'subject'])
    .where('subject', 'like', `Rappel : %${title}`)
    .execute();
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.to_address] = (counts[row.to_address] ?? 0) + 1;
  return counts;
}

const board = async (id: string) =>
  ((await inject('GET', `/api/requests/${id}`, as.cell)).json() as { board: Board }).board;

/** The clock goes back between tests: make the 5-minute tick due now, then run the jobs. */
async function tick() {
  await t.db
    .updateTable('job_schedules')
    .set({ next_run_at: t.clock.current.toISOString() })
    .where('name', '=', 'request-reminders')
    .execute();
  await t.runJobs();
}

/** A worker started afresh, as after a restart. */
const restartedWorker = () =>
  createWorker(t.ctx, {
    definitions: jobDefinitions,
    schedules: jobSchedules,
    log: { info() {}, warn() {}, error: console.error },
  });

describe('reminders: exactly once per lab and step', () => {
  test('steps 3 and 1 days before; only labs that have not answered; never twice, across runs and restarts', async () => {
    t.clock.current = new Date(start);
    await t.runJobs(); // the schedules start
    // A correspondent who turned notification mails off gets the bell, not the mail.
    const quiet = await createPerson(t.db, {
      labId: network.otherLab.id,
      roles: [{ role: 'correspondent', labId: network.otherLab.id }],
    });
    await t.db.updateTable('people').set({ notification_mode: 'off' }).where('id', '=', quiet.id).execute();
    const title = 'Chiffres du bilan social';
    const id = await createRequest(title, '2026-12-01', [network.lab.id, network.otherLab.id, thirdLab.id]);
    // The third lab says "nothing for this one" early: it is not reminded.
    assertStatus(
      await inject('POST', `/api/requests/${id}/answers`, as.thirdCorrespondent, { kind: 'nothing' }),
      201,
    );

    t.clock.current = new Date('2026-11-28T15:50:00.000Z'); // step 3 is due at 16:00 UTC
    await t.runJobs();
    assert.deepEqual(await remindersTo(title), {});

    t.clock.current = new Date('2026-11-28T16:05:00.000Z');
    await t.runJobs();
    await t.runJobs();
    await restartedWorker().runUntilIdle();
    t.clock.current = new Date('2026-11-28T16:20:00.000Z');
    await t.runJobs();
    await restartedWorker().runUntilIdle();
    const expectedOnce = {
      [correspondent.email]: 1,
      [deputy.email]: 1,
      [otherCorrespondent.email]: 1,
    };
    assert.deepEqual(await remindersTo(title), expectedOnce);
    const ledger = await t.db
      .selectFrom('request_reminders')
      .selectAll()
      .where('request_id', '=', id)
      .execute();
    assert.deepEqual(
      ledger.map((row) => [row.lab_id, Number(row.step), row.state]).sort(),
      [
        [network.lab.id, 3, 'sent'],
        [network.otherLab.id, 3, 'sent'],
      ].sort(),
    );
    // The bell too, without a second mail.
    const bell = await t.db
      .selectFrom('notifications')
      .select(['emailed_at'])
      .where('recipient_id', '=', correspondent.id)
      .where('kind', '=', 'request_reminder')
      .execute();
    assert.equal(bell.length, 1);
    assert.ok(bell[0]?.emailed_at);
    const quietBell = await t.db
      .selectFrom('notifications')
      .select('id')
      .where('recipient_id', '=', quiet.id)
      .where('kind', '=', 'request_reminder')
      .execute();
    assert.equal(quietBell.length, 1);

    // One lab answers; step 1 reminds the other only.
    assertStatus(
      await inject('POST', `/api/requests/${id}/answers`, as.correspondent, {
        kind: 'content',
        body: '12 %',
      }),
      201,
    );
    t.clock.current = new Date('2026-11-30T16:01:00.000Z');
    await t.runJobs();
    await restartedWorker().runUntilIdle();
    assert.deepEqual(await remindersTo(title), { ...expectedOnce, [otherCorrespondent.email]: 2 });

    // After the deadline, nothing more.
    t.clock.current = new Date('2026-12-02T09:00:00.000Z');
    await t.runJobs();
    assert.deepEqual(await remindersTo(title), { ...expectedOnce, [otherCorrespondent.email]: 2 });
    const rows = (await board(id)).find((row) => row.lab.id === network.otherLab.id)!.reminders;
    assert.deepEqual(
      rows.map((row) => [row.step, row.state]),
      [
        [3, 'sent'],
        [1, 'sent'],
      ],
    );
  });

  test('a worker down for days sends one reminder, not a burst; a request sent late skips the earlier steps', () => {
    const request = {
      deadline_at: '2026-12-10T16:00:00.000Z',
      opened_at: '2026-11-01T09:00:00.000Z',
      reminder_days: [3, 1],
    };
    assert.equal(dueStep(request, new Date('2026-12-06T16:00:00.000Z')), null);
    assert.equal(dueStep(request, new Date('2026-12-07T16:00:00.000Z')), 3);
    assert.equal(dueStep(request, new Date('2026-12-09T17:00:00.000Z')), 1, 'the latest step only');
    assert.equal(dueStep(request, new Date('2026-12-10T16:00:00.000Z')), null, 'deadline passed');
    const late = { ...request, opened_at: '2026-12-08T09:00:00.000Z' };
    assert.equal(dueStep(late, new Date('2026-12-08T10:00:00.000Z')), null, 'no "3 days left" 2 days before');
    assert.equal(dueStep(late, new Date('2026-12-09T16:30:00.000Z')), 1);
  });
});

describe('an interrupted send is uncertain: never resent by itself; a person resends it or marks it sent', () => {
  test('claimed then the worker died → uncertain after the lease → shown on the board → resend / mark sent', async () => {
    t.clock.current = new Date(start);
    const title = 'Effectifs des doctorants';
    const id = await createRequest(title, '2026-12-01', [network.lab.id, network.otherLab.id]);
    t.clock.current = new Date('2026-11-28T16:05:00.000Z');
    await planReminders(t.ctx);
    // Both rows are claimed by a worker that then dies before the SMTP exchange ends.
    await t.db
      .updateTable('request_reminders')
      .set({ state: 'sending', claimed_until: '2026-11-28T16:07:00.000Z' })
      .where('request_id', '=', id)
      .execute();
    await tick();
    assert.deepEqual(await remindersTo(title), {}, 'still within the lease: left alone');
    t.clock.current = new Date('2026-11-28T16:10:00.000Z');
    await tick();
    await restartedWorker().runUntilIdle();
    assert.deepEqual(await remindersTo(title), {}, 'never resent by itself');
    const rows = await board(id);
    const uncertain = rows.flatMap((row) => row.reminders);
    assert.deepEqual(
      uncertain.map((row) => row.state),
      ['uncertain', 'uncertain'],
    );
    assert.deepEqual(uncertain[0]?.abilities, { resend: true, markSent: true });

    const labRow = rows.find((row) => row.lab.id === network.lab.id)!.reminders[0]!;
    const otherRow = rows.find((row) => row.lab.id === network.otherLab.id)!.reminders[0]!;
    const resendUrl = `/api/requests/${id}/reminders/${labRow.id}/resend`;
    assertError(await inject('POST', resendUrl, {}), 401);
    assertError(await inject('POST', resendUrl, as.correspondent), 403);
    assertError(await inject('POST', resendUrl, as.otherCorrespondent), 403);
    assertError(await inject('POST', resendUrl, as.thirdCorrespondent), 404);
    assertError(await inject('POST', `/api/requests/${id}/reminders/${id}/resend`, as.cell), 404);
    assertStatus(await inject('POST', resendUrl, as.cell), 200);
    assertError(await inject('POST', resendUrl, as.cell), 409);
    assertStatus(
      await inject('POST', `/api/requests/${id}/reminders/${otherRow.id}/mark-sent`, as.cell),
      200,
    );
    await tick();
    assert.deepEqual(await remindersTo(title), { [correspondent.email]: 1, [deputy.email]: 1 });
    const states = (await board(id)).flatMap((row) => row.reminders.map((reminder) => reminder.state));
    assert.deepEqual(states, ['sent', 'sent']);
    const actions = (await eventsOf(t.db, id)).map((event) => event.action);
    assert.ok(actions.includes('reminder_resent') && actions.includes('reminder_marked_sent'));
  });

  test('an SMTP error: refused before the message → retried next run; any other → uncertain', async () => {
    t.clock.current = new Date(start);
    const title = 'Nombre de stagiaires';
    const id = await createRequest(title, '2026-12-01', [network.otherLab.id]);
    t.clock.current = new Date('2026-11-28T16:05:00.000Z');
    const send = t.ctx.mailer.send;
    try {
      t.ctx.mailer.send = async () => {
        throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' });
      };
      await tick();
      const [pending] = await t.db
        .selectFrom('request_reminders')
        .selectAll()
        .where('request_id', '=', id)
        .execute();
      assert.equal(pending?.state, 'pending');
      t.ctx.mailer.send = async () => {
        throw new Error('Connection closed unexpectedly');
      };
      t.clock.current = new Date('2026-11-28T16:11:00.000Z');
      await tick();
      const [uncertain] = await t.db
        .selectFrom('request_reminders')
        .selectAll()
        .where('request_id', '=', id)
        .execute();
      assert.equal(uncertain?.state, 'uncertain');
      assert.match(uncertain?.last_error ?? '', /closed unexpectedly/);
    } finally {
      t.ctx.mailer.send = send;
    }
    t.clock.current = new Date('2026-11-28T16:20:00.000Z');
    await tick();
    assert.deepEqual(await remindersTo(title), {});
  });

  test('closing a request cancels its pending reminders', async () => {
    t.clock.current = new Date(start);
    const id = await createRequest('Photos du hall', '2026-12-01', [network.otherLab.id]);
    t.clock.current = new Date('2026-11-28T16:05:00.000Z');
    await planReminders(t.ctx);
    assertStatus(await inject('POST', `/api/requests/${id}/close`, as.cell), 200);
    await tick();
    const [row] = await t.db
      .selectFrom('request_reminders')
      .selectAll()
      .where('request_id', '=', id)
      .execute();
    assert.equal(row?.state, 'cancelled');
    assert.deepEqual(await remindersTo('Photos du hall'), {});
  });
});
