import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connection.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { generateNetwork, type Scale, scales } from './generate.ts';
import { load, median, root, startAndWait } from './lib.ts';

/**
 * `npm run bench -- [--scale tiny|small|queue] [--db sqlite|postgres] [--seconds 5]`
 * Every figure is compared with a baseline measured in the same run (a bare Fastify route; a
 * bare process start): these machines are noisy. Prints a table; writes bench/results/<time>.json.
 */
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'queue' },
    db: { type: 'string', default: 'sqlite' },
    seconds: { type: 'string', default: '5' },
  },
});
const scale = values.scale as Scale;
if (!(scale in scales)) throw new Error(`--scale must be one of ${Object.keys(scales).join(', ')}`);
const seconds = Number(values.seconds);
const rows: Array<Record<string, string | number>> = [];
const row = (
  measure: string,
  relais: string | number,
  baseline: string | number,
  ratio: string | number,
  note = '',
) => rows.push({ measure, relais, baseline, ratio, note });

// 1. A database at the chosen scale.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-'));
let databaseUrl = '';
let dropDatabase = async () => {};
if (values.db === 'postgres') {
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `relais_bench_${process.pid}`;
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: base, max: 1 }) }),
  });
  await sql`create database ${sql.id(name)}`.execute(admin);
  await admin.destroy();
  const url = new URL(base);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    const again = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: base, max: 1 }) }),
    });
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(again);
    await again.destroy();
  };
}
const env = {
  RELAIS_DATA_DIR: dataDir,
  RELAIS_DEMO: '0',
  LOG_LEVEL: 'warn',
  DATABASE_URL: databaseUrl,
  PUBLIC_URL: 'http://127.0.0.1',
};
const database = openDatabase(loadConfig(env));
await migrateToLatest(database.db, database.dialect);
const generated = await generateNetwork(database.db, database.dialect, scale);
await database.close();
row(
  `generate ${scale} (${scales[scale].stories} stories), ${database.dialect}`,
  `${generated.loadMs} ms load + ${generated.indexMs} ms index`,
  '',
  '',
);

try {
  // 2. Cold start on that existing database, against a bare process start.
  const starts: number[] = [];
  const bareStarts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const relais = await startAndWait('server/main.ts', env);
    starts.push(relais.ms);
    relais.child.kill();
    const bare = await startAndWait('bench/bare-server.ts', {});
    bareStarts.push(bare.ms);
    bare.child.kill();
  }
  row(
    'cold start, ms (median of 3)',
    Math.round(median(starts)),
    Math.round(median(bareStarts)),
    +(median(starts) / median(bareStarts)).toFixed(2),
    'target < 2,000 ms',
  );

  // 3. HTTP under 50 concurrent clients, against a bare Fastify route.
  const relais = await startAndWait('server/main.ts', env);
  const bare = await startAndWait('bench/bare-server.ts', {});
  const base = `http://127.0.0.1:${relais.port}`;
  const signIn = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: generated.cell.email, password: 'bench-password-2026' }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (!signIn.ok) throw new Error(`bench sign-in failed: ${signIn.status}`);
  const baseline = await load(`http://127.0.0.1:${bare.port}/bare`, seconds);
  row(
    'bare Fastify route, req/s',
    '',
    Math.round(baseline.rps),
    1,
    `p50 ${baseline.p50} ms, p99 ${baseline.p99} ms`,
  );
  const lab = generated.labs[3]!.id;
  const endpoints: Array<[string, string[], string]> = [
    [
      'review queue, first page',
      [`${base}/api/stories?state=submitted&state=in_review&sort=waiting&limit=25`],
      'p99 < 50 ms',
    ],
    [
      'review queue, filtered by lab and theme',
      [`${base}/api/stories?state=submitted&state=in_review&lab=${lab}&theme=Neutrinos&limit=25`],
      'p99 < 50 ms',
    ],
    [
      'search (mixed queries)',
      ['energie neutrino', 'détecteur', 'matière noire galaxie', 'prix médaille', 'Higgs'].map(
        (q) => `${base}/api/stories?q=${encodeURIComponent(q)}&limit=20`,
      ),
      'p99 < 50 ms',
    ],
    ['labs list', [`${base}/api/labs`], ''],
    ['people search', [`${base}/api/people?q=nom1`], ''],
  ];
  for (const [name, urls, target] of endpoints) {
    const result = await load(urls, seconds, { cookie });
    row(
      `${name}: req/s`,
      Math.round(result.rps),
      Math.round(baseline.rps),
      +(result.rps / baseline.rps).toFixed(3),
      `p50 ${result.p50} ms, p99 ${result.p99} ms${target ? ` (${target})` : ''}${result.errors ? `, ${result.errors} errors` : ''}`,
    );
  }
  const status = fs.readFileSync(`/proc/${relais.child.pid}/status`, 'utf8');
  row(
    'peak RSS of the server, MB',
    Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024),
    '',
    '',
  );
  relais.child.kill();
  bare.child.kill();
} finally {
  await dropDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

console.table(rows);
const out = path.join(root, 'bench/results');
fs.mkdirSync(out, { recursive: true });
const file = path.join(out, `${new Date().toISOString().replace(/[:.]/g, '-')}-${scale}-${values.db}.json`);
fs.writeFileSync(
  file,
  JSON.stringify(
    {
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      scale,
      db: values.db,
      seconds,
      rows,
    },
    null,
    2,
  ),
);
console.log(`written ${path.relative(root, file)}`);
