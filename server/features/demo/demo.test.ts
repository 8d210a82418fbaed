import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { roleNames } from '../../../shared/roles.ts';
import type { Db } from '../../db/connection.ts';
import { assertError, assertStatus } from '../../test/expect.ts';
import { buildTestApp } from '../../test/helpers.ts';
import { seedDemoNetwork } from './seed.ts';

async function countRows(db: Db) {
  const tables = ['delegations', 'labs', 'people', 'role_assignments', 'skills', 'person_skills'] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}

describe('demo mode off', async () => {
  const t = await buildTestApp();

  test('GET /api/demo/accounts does not exist', async () => {
    assertError(await t.app.inject({ method: 'GET', url: '/api/demo/accounts' }), 404, 'not_found');
  });
});

describe('demo mode on', async () => {
  const t = await buildTestApp({ isDemo: true });
  assert.equal(
    await seedDemoNetwork(t.db, new Date(), { dialect: t.dialect, dataDir: t.ctx.config.dataDir }),
    true,
  );

  test('seeds stories in every state, with relays, images on disk, and an embargo still running', async () => {
    const stories = await t.db.selectFrom('stories').select(['state', 'embargo_until']).execute();
    assert.deepEqual([...new Set(stories.map((story) => story.state))].sort(), [
      'accepted',
      'changes_requested',
      'declined',
      'draft',
      'in_review',
      'submitted',
    ]);
    assert.ok(stories.length >= 35);
    assert.ok(stories.some((story) => story.embargo_until && Date.parse(story.embargo_until) > Date.now()));
    const relays = await t.db.selectFrom('relays').select('state').execute();
    assert.ok(relays.some((relay) => relay.state === 'published'));
    const images = await t.db.selectFrom('story_attachments').select(['file_path', 'thumb_path']).execute();
    assert.ok(images.length >= 10);
    for (const image of images) {
      assert.ok(fs.existsSync(path.join(t.ctx.config.dataDir, 'uploads', image.file_path)), image.file_path);
      assert.ok(fs.existsSync(path.join(t.ctx.config.dataDir, 'uploads', image.thumb_path!)));
    }
    // The search index holds them: an accent-free query finds an accented title.
    const cell = (await t.app.inject({ method: 'GET', url: '/api/demo/accounts' }))
      .json()
      .find((a: { roles: string[] }) => a.roles.includes('cell'));
    const session = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: cell.email, password: cell.password },
    });
    const cookie = `relais_session=${session.cookies.find((c) => c.name === 'relais_session')!.value}`;
    const found = await t.app.inject({ method: 'GET', url: '/api/stories?q=neutrino', headers: { cookie } });
    assert.ok(found.json().total > 0);
  });

  test('lists one account per role, each of which can sign in with that role', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/demo/accounts' });
    assertStatus(response, 200);
    const accounts = response.json() as Array<{
      email: string;
      password: string;
      roles: string[];
      label: { fr: string };
    }>;
    assert.equal(accounts.length, roleNames.length);
    for (const role of roleNames) {
      assert.ok(
        accounts.some((account) => account.roles.includes(role)),
        `no demo account for ${role}`,
      );
    }
    for (const account of accounts) {
      assert.ok(account.label.fr);
      const signedIn = await t.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: account.email, password: account.password },
      });
      assertStatus(signedIn, 200);
      assert.equal(signedIn.json().email, account.email);
      assert.deepEqual(
        signedIn
          .json()
          .roles.map((grant: { role: string }) => grant.role)
          .sort(),
        [...account.roles].sort(),
      );
    }
  });

  test('seeds a believable network, and seeding again changes nothing', async () => {
    const before = await countRows(t.db);
    assert.ok(before.labs! >= 20, `labs: ${before.labs}`);
    assert.ok(before.people! >= 50, `people: ${before.people}`);
    assert.ok(before.skills! > 0 && before.person_skills! > 0);
    assert.equal(
      await seedDemoNetwork(t.db, new Date(), { dialect: t.dialect, dataDir: t.ctx.config.dataDir }),
      false,
    );
    assert.deepEqual(await countRows(t.db), before);
  });

  test('every lab of the demo has a correspondent', async () => {
    const labs = (await t.app.inject({ method: 'GET', url: '/api/labs' })).json().items as Array<{
      acronym: string;
      correspondents: unknown[];
    }>;
    for (const lab of labs) assert.ok(lab.correspondents.length > 0, `${lab.acronym} has no correspondent`);
  });
});
