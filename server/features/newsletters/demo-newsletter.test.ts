import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertStatus } from '../../test/expect.ts';
import { signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';
import { seedDemoNetwork } from '../demo/seed.ts';

/** The demo data of the newsletter, greeting cards and press releases, as the API and the archive show them. */
const t = await buildTestApp({ isDemo: true });
await seedDemoNetwork(t.db, t.clock.current, { dialect: t.dialect, dataDir: t.ctx.config.dataDir });

test('a published issue on the archive, a draft with three candidates, a greeting card and a press release', async () => {
  const archive = await t.app.inject({ method: 'GET', url: '/lettre/1' });
  assertStatus(archive, 200);
  assert.match(archive.body, /La lettre de l’automne/);
  assert.match((await t.app.inject({ method: 'GET', url: '/lettre' })).body, /href="\/lettre\/1"/);
  assertStatus(await t.app.inject({ method: 'GET', url: '/lettre/2' }), 404);

  const cellRow = await t.db
    .selectFrom('people')
    .innerJoin('role_assignments', 'role_assignments.person_id', 'people.id')
    .select('people.email')
    .where('role_assignments.role', '=', 'cell')
    .executeTakeFirstOrThrow();
  const cell = await signInAs(t, { email: cellRow.email, password: 'relais-demo-2026' });
  const issues = (await t.app.inject({ method: 'GET', url: '/api/newsletters', headers: cell })).json() as {
    items: Array<{ id: string; number: number; state: string; sections: Array<{ items: unknown[] }> }>;
  };
  assert.deepEqual(
    issues.items.map((issue) => [issue.number, issue.state]),
    [
      [2, 'draft'],
      [1, 'published'],
    ],
  );
  assert.ok(issues.items[1]!.sections.flatMap((section) => section.items).length >= 1);
  const candidates = await t.app.inject({
    method: 'GET',
    url: `/api/newsletters/${issues.items[0]!.id}/candidates`,
    headers: cell,
  });
  assert.ok(candidates.json().total >= 3, candidates.body);

  const greetings = (await t.app.inject({ method: 'GET', url: '/api/greetings', headers: cell })).json();
  assert.equal(greetings.items[0].year, t.clock.current.getUTCFullYear() + 1);
  assert.equal(greetings.items[0].state, 'draft');
  const image = await t.app.inject({
    method: 'GET',
    url: greetings.items[0].imageUrl.replace('http://relais.test', ''),
  });
  assertStatus(image, 200);

  const press = (await t.app.inject({ method: 'GET', url: '/api/press-releases', headers: cell })).json();
  assert.equal(press.total, 1);
  assert.equal(press.items[0].state, 'draft');
  assert.match(press.items[0].campaign.subject, /^EMBARGO jusqu’au/);
  // Seeding again changes nothing.
  await seedDemoNetwork(t.db, t.clock.current, { dialect: t.dialect, dataDir: t.ctx.config.dataDir });
  assert.equal((await t.db.selectFrom('newsletter_issues').select('id').execute()).length, 2);
});
