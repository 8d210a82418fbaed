import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertStatus } from '../../test/expect.ts';
import { signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';
import { demoPassword, seedDemoNetwork } from '../demo/seed.ts';

const t = await buildTestApp({ isDemo: true });
await seedDemoNetwork(t.db, t.clock.current, { dialect: t.dialect, dataDir: t.ctx.config.dataDir });
const signIn = (email: string) => signInAs(t, { email, password: demoPassword });

type Item = {
  id: string;
  title: string;
  state: string;
  origin: string;
  summary: null | Record<string, number>;
};
const list = async (query: string, headers: Record<string, string>) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/requests${query}`, headers });
  assertStatus(response, 200);
  return (response.json() as { items: Item[] }).items;
};

test('the demo network has requests in every state and solicitations, seen as each demo account should', async () => {
  const states = (await t.db.selectFrom('requests').select('state').execute()).map((row) => row.state).sort();
  assert.deepEqual(states, ['closed', 'open', 'open', 'to_route']);
  const dircom = await signIn('heloise.marchetti@cnrs.example');
  assert.deepEqual((await list('?box=mine', dircom)).map((item) => item.state).sort(), [
    'closed',
    'to_route',
  ]);
  const cell = await signIn('isabelle.delmas@cnrs.example');
  assert.equal((await list('?box=to_route', cell)).length, 1);
  assert.equal((await list('', cell)).length, 4);
  const officer = await signIn('stephanie.collet@cnrs.example');
  const [fete] = await list('?box=mine', officer);
  assert.equal(fete?.origin, 'dr_officer');
  assert.equal(fete?.summary?.answered, 1);
  assert.equal(fete?.summary?.declined, 1);
  const ijclab = await signIn('camille.lefebvre@ijclab.example');
  assert.deepEqual((await list('?box=for_my_lab', ijclab)).map((item) => item.state).sort(), [
    'closed',
    'open',
    'open',
  ]);
  const cppm = await signIn('sophie.garnier@cppm.example');
  assert.equal(
    (await list('?q=neutrinos&state=closed', cppm)).length,
    1,
    'the archive finds last time’s answers',
  );
  const solicitations = await t.app.inject({ method: 'GET', url: '/api/solicitations', headers: cell });
  assert.equal(solicitations.json().total, 3);
  // Idempotent: seeding again does nothing.
  assert.equal(
    await seedDemoNetwork(t.db, t.clock.current, { dialect: t.dialect, dataDir: t.ctx.config.dataDir }),
    false,
  );
});
