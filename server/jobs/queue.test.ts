import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, assertInvalid, assertStatus, countMailsTo, eventsOf } from '../test/expect.ts';
import { createNetwork, createPerson, signInAs } from '../test/factories.ts';
import { buildTestApp } from '../test/helpers.ts';
import { claimJobs, enqueueJob, retryDelayMs } from './queue.ts';
import { createWorker, enqueueDueSchedules, type JobDefinition, nextRunOf } from './worker.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const admin = await signInAs(t, network.people.admin);
const cell = await signInAs(t, network.people.cell);
const quiet = { info() {}, warn() {}, error() {} };

const minutes = (n: number) => n * 60_000;
const advance = (ms: number) => {
  t.clock.current = new Date(t.clock.current.getTime() + ms);
};
const jobsOfKind = (kind: string) =>
  t.db.selectFrom('jobs').selectAll().where('kind', '=', kind).orderBy('created_at').orderBy('id').execute();

/** A worker with test handlers: `seen` records each run's payload; `flaky` fails its first runs. */
function testWorker(options: { failures?: number } = {}) {
  const seen: Array<Record<string, unknown>> = [];
  let failuresLeft = options.failures ?? 0;
  const definitions: JobDefinition[] = [
    {
      kind: 'test.record',
      async run(_ctx, payload) {
        seen.push(payload);
      },
    },
    {
      kind: 'test.flaky',
      maxAttempts: 3,
      async run(_ctx, payload) {
        if (failuresLeft-- > 0) throw new Error('SMTP 421 try again later');
        seen.push(payload);
      },
    },
  ];
  const worker = createWorker(t.ctx, { definitions, schedules: [], log: quiet });
  return { worker, seen };
}

describe('the job queue', () => {
  test('runs a due job once and marks it done', async () => {
    const { worker, seen } = testWorker();
    await enqueueJob(t.db, 'test.record', { n: 1 }, { now: t.ctx.now() });
    assert.equal(await worker.runUntilIdle(), 1);
    assert.equal(await worker.runUntilIdle(), 0);
    assert.deepEqual(seen, [{ n: 1 }]);
    const [job] = await jobsOfKind('test.record');
    assert.equal(job?.state, 'done');
    assert.equal(job?.attempts, 1);
    assert.ok(job?.finished_at);
  });

  test('a job scheduled for later waits for its time', async () => {
    const { worker, seen } = testWorker();
    await enqueueJob(
      t.db,
      'test.record',
      { later: true },
      { now: t.ctx.now(), runAt: new Date(t.ctx.now().getTime() + minutes(10)) },
    );
    assert.equal(await worker.runUntilIdle(), 0);
    advance(minutes(10));
    assert.equal(await worker.runUntilIdle(), 1);
    assert.deepEqual(seen, [{ later: true }]);
  });

  test('a key deduplicates: the second job with the same key is ignored', async () => {
    assert.equal(await enqueueJob(t.db, 'test.record', { a: 1 }, { now: t.ctx.now(), key: 'once' }), true);
    assert.equal(await enqueueJob(t.db, 'test.record', { a: 2 }, { now: t.ctx.now(), key: 'once' }), false);
    const { worker, seen } = testWorker();
    await worker.runUntilIdle();
    assert.deepEqual(seen, [{ a: 1 }]);
    assert.equal(await enqueueJob(t.db, 'test.record', { a: 3 }, { now: t.ctx.now(), key: 'once' }), false);
  });

  test('a job enqueued in a transaction that rolls back does not exist', async () => {
    await assert.rejects(
      t.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, 'test.record', { rolledBack: true }, { now: t.ctx.now(), key: 'rolled-back' });
        throw new Error('the action failed');
      }),
    );
    const job = await t.db
      .selectFrom('jobs')
      .select('id')
      .where('dedupe_key', '=', 'rolled-back')
      .executeTakeFirst();
    assert.equal(job, undefined);
  });

  test('a failing job is retried with backoff, then marked failed with its error', async () => {
    const { worker, seen } = testWorker({ failures: 5 });
    await enqueueJob(t.db, 'test.flaky', { flaky: 1 }, { now: t.ctx.now(), maxAttempts: 3 });
    await worker.runUntilIdle();
    let [job] = await jobsOfKind('test.flaky');
    assert.equal(job?.state, 'pending');
    assert.equal(job?.attempts, 1);
    assert.match(job?.last_error ?? '', /421/);
    assert.ok((job?.run_at ?? '') > t.ctx.now().toISOString(), 'retried later, not at once');
    assert.equal(await worker.runUntilIdle(), 0, 'not before the backoff');
    advance(retryDelayMs(1, 1));
    await worker.runUntilIdle();
    advance(retryDelayMs(2, 1));
    await worker.runUntilIdle();
    [job] = await jobsOfKind('test.flaky');
    assert.equal(job?.state, 'failed');
    assert.equal(job?.attempts, 3);
    assert.deepEqual(seen, []);
  });

  test('backoff grows and is capped at an hour', () => {
    assert.equal(retryDelayMs(1, 0.5), 30_000);
    assert.equal(retryDelayMs(2, 0.5), 60_000);
    assert.equal(retryDelayMs(20, 0.5), 3_600_000);
    assert.ok(retryDelayMs(1, 0) >= 27_000 && retryDelayMs(1, 1) <= 33_000);
  });

  test('a job whose worker died is run again by another worker once its lease expires', async () => {
    await enqueueJob(t.db, 'test.record', { orphan: true }, { now: t.ctx.now(), key: 'orphan' });
    const claimed = await claimJobs(t.db, t.dialect, {
      workerId: 'dead-worker',
      now: t.ctx.now(),
      leaseMs: minutes(5),
      limit: 10,
      kinds: ['test.record'],
    });
    assert.equal(claimed.length, 1);
    const { worker, seen } = testWorker();
    assert.equal(await worker.runUntilIdle(), 0, 'still leased by the dead worker');
    advance(minutes(6));
    assert.equal(await worker.runUntilIdle(), 1);
    assert.deepEqual(seen, [{ orphan: true }]);
    const job = await t.db
      .selectFrom('jobs')
      .selectAll()
      .where('dedupe_key', '=', 'orphan')
      .executeTakeFirstOrThrow();
    assert.equal(job.state, 'done');
    assert.equal(job.attempts, 2);
  });

  test('concurrent claims never hand the same job to two workers', async () => {
    for (let i = 0; i < 40; i++) await enqueueJob(t.db, 'test.race', { i }, { now: t.ctx.now() });
    const claims = await Promise.all(
      Array.from({ length: 5 }, (_, n) =>
        claimJobs(t.db, t.dialect, {
          workerId: `worker-${n}`,
          now: t.ctx.now(),
          leaseMs: minutes(5),
          limit: 15,
          kinds: ['test.race'],
        }),
      ),
    );
    assert.ok(
      claims.every((claim) => claim.length <= 15),
      'each claim respects its limit',
    );
    const ids = claims.flat().map((job) => job.id);
    assert.equal(new Set(ids).size, ids.length, 'no job claimed twice');
    assert.equal(ids.length, 40);
  });

  test('stop() lets the job in hand finish and claims nothing more', async () => {
    let release = () => {};
    const started = Promise.withResolvers<void>();
    const runs: string[] = [];
    const worker = createWorker(t.ctx, {
      definitions: [
        {
          kind: 'test.slow',
          async run(_ctx, payload) {
            started.resolve();
            await new Promise<void>((resolve) => {
              release = resolve;
            });
            runs.push(String(payload.name));
          },
        },
      ],
      schedules: [],
      pollMs: 10,
      concurrency: 1,
      log: quiet,
    });
    await enqueueJob(t.db, 'test.slow', { name: 'first' }, { now: t.ctx.now() });
    await enqueueJob(t.db, 'test.slow', { name: 'second' }, { now: t.ctx.now() });
    worker.start();
    await started.promise;
    const stopping = worker.stop();
    release();
    await stopping;
    assert.deepEqual(runs, ['first']);
    const states = (await jobsOfKind('test.slow')).map((job) => job.state);
    assert.deepEqual(states, ['done', 'pending']);
  });
});

describe('recurring jobs', () => {
  const schedule = { name: 'test-hourly', cron: '0 * * * *', timeZone: 'Europe/Paris', kind: 'test.record' };

  test('the next run follows the cron expression in its time zone', () => {
    const daily = { cron: '0 7 * * *', timeZone: 'Europe/Paris' };
    assert.equal(
      nextRunOf(daily, new Date('2026-11-24T09:00:00Z')).toISOString(),
      '2026-11-25T06:00:00.000Z',
    );
    assert.equal(
      nextRunOf(daily, new Date('2026-07-01T04:00:00Z')).toISOString(),
      '2026-07-01T05:00:00.000Z',
    );
  });

  test('each run is enqueued once, even by several workers at the same time', async () => {
    t.clock.current = new Date('2026-11-24T10:30:00.000Z');
    assert.equal(await enqueueDueSchedules(t.ctx, [schedule]), 0, 'the first sight only plans the next run');
    advance(minutes(31));
    const enqueued = await Promise.all([1, 2, 3].map(() => enqueueDueSchedules(t.ctx, [schedule])));
    assert.equal(
      enqueued.reduce((a, b) => a + b, 0),
      1,
    );
    const row = await t.db
      .selectFrom('job_schedules')
      .selectAll()
      .where('name', '=', schedule.name)
      .executeTakeFirstOrThrow();
    assert.equal(row.last_run_at, '2026-11-24T11:00:00.000Z');
    assert.equal(row.next_run_at, '2026-11-24T12:00:00.000Z');
    const runs = await t.db.selectFrom('jobs').select('payload').where('kind', '=', 'test.record').execute();
    assert.ok(runs.some((run) => run.payload.scheduledFor === '2026-11-24T11:00:00.000Z'));
  });

  test('runs missed while no worker was up collapse into one', async () => {
    advance(minutes(5 * 60));
    assert.equal(await enqueueDueSchedules(t.ctx, [schedule]), 1);
    assert.equal(await enqueueDueSchedules(t.ctx, [schedule]), 0);
  });

  test('a changed cron expression is planned afresh', async () => {
    await enqueueDueSchedules(t.ctx, [{ ...schedule, cron: '0 6 * * *' }]);
    const row = await t.db
      .selectFrom('job_schedules')
      .selectAll()
      .where('name', '=', schedule.name)
      .executeTakeFirstOrThrow();
    assert.equal(row.cron, '0 6 * * *');
    assert.equal(
      nextRunOf({ cron: row.cron, timeZone: 'Europe/Paris' }, new Date(row.next_run_at)).getUTCHours(),
      5,
    );
  });
});

describe('notification mail through the queue', () => {
  test('the daily digest gathers what a person has not read into one morning mail', async () => {
    const reader = await createPerson(t.db, { email: 'digest.reader@lab.example' });
    await t.db
      .updateTable('people')
      .set({ notification_mode: 'daily' })
      .where('id', '=', reader.id)
      .execute();
    t.clock.current = new Date('2026-11-25T09:00:00.000Z');
    const at = t.ctx.now().toISOString();
    const row = (title: string, id: string) => ({
      id,
      recipient_id: reader.id,
      kind: 'story_submitted',
      story_id: `story-${id}`,
      actor_id: null,
      data: JSON.stringify({ title }),
      created_at: at,
      read_at: null,
      emailed_at: null,
    });
    await t.db
      .insertInto('notifications')
      .values([row('Première lumière', 'n1'), row('Prix Joliot-Curie', 'n2')])
      .execute();
    await t.runJobs();
    assert.equal(await countMailsTo(t.db, reader.email), 0, 'nothing before the morning');
    t.clock.current = new Date('2026-11-26T06:00:00.000Z'); // 07:00 in Paris
    await t.runJobs();
    assert.equal(await countMailsTo(t.db, reader.email), 1);
    const mail = await t.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('to_address', '=', reader.email)
      .executeTakeFirstOrThrow();
    assert.match(mail.subject, /résumé du jour \(2 nouveautés\)/);
    assert.match(mail.text_body, /Première lumière/);
    assert.match(mail.text_body, /Prix Joliot-Curie/);
    t.clock.current = new Date('2026-11-27T06:00:00.000Z');
    await t.runJobs();
    assert.equal(await countMailsTo(t.db, reader.email), 1, 'nothing new, no second digest');
  });
});

describe('GET /api/admin/jobs', () => {
  test('not signed in, not an admin, bad input', async () => {
    assertError(await t.app.inject({ method: 'GET', url: '/api/admin/jobs' }), 401, 'unauthorized');
    assertError(
      await t.app.inject({ method: 'GET', url: '/api/admin/jobs', headers: cell }),
      403,
      'forbidden',
    );
    assertInvalid(
      await t.app.inject({ method: 'GET', url: '/api/admin/jobs?state=exploded', headers: admin }),
      'state',
    );
  });

  test('lists jobs with counts per state and the schedules; filters by state', async () => {
    const all = await t.app.inject({ method: 'GET', url: '/api/admin/jobs', headers: admin });
    assertStatus(all, 200);
    const body = all.json();
    assert.ok(body.counts.done >= 1);
    assert.ok(body.counts.failed >= 1);
    assert.ok(body.schedules.some((s: { name: string }) => s.name === 'notification-digest'));
    const failed = await t.app.inject({ method: 'GET', url: '/api/admin/jobs?state=failed', headers: admin });
    const items = failed.json().items as Array<{
      state: string;
      lastError: string;
      abilities: { retry: boolean };
    }>;
    assert.ok(items.length >= 1);
    assert.ok(items.every((item) => item.state === 'failed' && item.abilities.retry));
    assert.ok(items.some((item) => /421/.test(item.lastError)));
  });
});

describe('POST /api/admin/jobs/:id/retry', () => {
  test('not signed in, not an admin, unknown job, a job that has not failed', async () => {
    const [done] = await t.db.selectFrom('jobs').select('id').where('state', '=', 'done').limit(1).execute();
    const url = `/api/admin/jobs/${done?.id}/retry`;
    assertError(await t.app.inject({ method: 'POST', url }), 401, 'unauthorized');
    assertError(await t.app.inject({ method: 'POST', url, headers: cell }), 403, 'forbidden');
    assertError(
      await t.app.inject({ method: 'POST', url: '/api/admin/jobs/nope/retry', headers: admin }),
      404,
      'not_found',
    );
    assertError(await t.app.inject({ method: 'POST', url, headers: admin }), 409, 'invalid_state');
  });

  test('sends a failed job back to the queue, with fresh attempts, in the history', async () => {
    const job = await t.db
      .selectFrom('jobs')
      .selectAll()
      .where('state', '=', 'failed')
      .executeTakeFirstOrThrow();
    assertStatus(
      await t.app.inject({ method: 'POST', url: `/api/admin/jobs/${job.id}/retry`, headers: admin }),
      204,
    );
    const after = await t.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.state, 'pending');
    assert.equal(after.attempts, 0);
    assert.equal((await eventsOf(t.db, job.id, 'retried')).length, 1);
  });
});
