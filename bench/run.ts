import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connection.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { toFtsQuery } from '../server/features/stories/search.ts';
import { generateNetwork, type Scale, scales } from './generate.ts';
import { latency, load, median, root, settle, startAndWait, stop } from './lib.ts';

/**
 * `npm run bench -- [--scale tiny|small|queue|cnrs] [--db sqlite|postgres] [--seconds 5]`
 * Every figure is compared with a baseline measured in the same run (a bare Fastify route; a
 * bare process start; the raw full-text query through the driver): these machines are noisy.
 * Prints a table; writes bench/results/<time>-<scale>-<db>.json.
 */
// `--scale newsletter [--recipients N] [--connections N]`: the campaign sending benchmark, its own run.
if (process.argv.includes('newsletter')) await import('./newsletter.ts');
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
const ratio = (value: number, base: number) => +(value / base).toFixed(value / base < 0.1 ? 4 : 2);

/** 20 representative French queries, with accents, as people type them (some without). */
const searchQueries = [
  'énergie',
  'neutrino',
  'détecteur',
  'matière noire',
  'matière noire galaxie',
  'onde gravitationnelle',
  'télescope sous-marin',
  'rayonnement cosmique',
  'boson de Higgs',
  'prix médaille',
  'fête de la science',
  'élèves enseignants',
  'hadronthérapie',
  'accélérateur particule',
  'supernova étoile',
  'antimatière',
  'désintégration',
  'kilonova',
  'energie neutrino',
  'collaboration découverte',
];

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
const storyIds = (
  await database.db
    .selectFrom('stories')
    .select('id')
    .where('state', '=', 'accepted')
    .orderBy('seq')
    .limit(20)
    .execute()
).map((story) => story.id);
await database.close();
row(
  `generate ${scale} (${scales[scale].labs} labs, ${scales[scale].people} people, ${scales[scale].stories} stories), ${database.dialect}`,
  `${generated.loadMs} ms load + ${generated.indexMs} ms indexes + ${generated.searchIndexMs} ms search index`,
  '',
  '',
  'bulk insert without secondary indexes, then indexes, then the search index in one statement',
);

/** The raw full-text query through the driver, as the baseline of search: match, rank, 20 best. */
function rawSearch(): { run: (q: string) => Promise<unknown>; close: () => Promise<void> } {
  if (database.dialect === 'sqlite') {
    const raw = new DatabaseSync(path.join(dataDir, 'relais.sqlite'), { readOnly: true });
    const statement = raw.prepare(`select rowid, bm25(stories_fts, 8.0, 4.0, 1.0, 3.0, 2.0) as rank
      from stories_fts where stories_fts match ? order by rank limit 20`);
    return { run: async (q) => statement.all(toFtsQuery(q)), close: async () => raw.close() };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  const connected = client.connect();
  return {
    run: async (q) => {
      await connected;
      return client.query(
        `select id, ts_rank_cd(search_vector, websearch_to_tsquery('relais_fr', $1)) as rank from stories
          where search_vector @@ websearch_to_tsquery('relais_fr', $1) order by rank desc limit 20`,
        [q],
      );
    },
    close: () => client.end(),
  };
}

const servers: ChildProcess[] = [];
const started = async (script: string, serverEnv: Record<string, string>) => {
  const server = await startAndWait(script, serverEnv);
  servers.push(server.child);
  return server;
};
try {
  // 2. Cold start on that existing database, against a bare process start.
  const starts: number[] = [];
  const bareStarts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const relais = await started('server/main.ts', env);
    starts.push(relais.ms);
    await stop(relais.child);
    const bare = await started('bench/bare-server.ts', {});
    bareStarts.push(bare.ms);
    await stop(bare.child);
  }
  row(
    'cold start, ms (median of 3)',
    Math.round(median(starts)),
    Math.round(median(bareStarts)),
    ratio(median(starts), median(bareStarts)),
    'target < 2,000 ms',
  );

  // 3. HTTP under 50 concurrent clients, against a bare Fastify route.
  const relais = await started('server/main.ts', env);
  const bare = await started('bench/bare-server.ts', {});
  const base = `http://127.0.0.1:${relais.port}`;
  const signIn = async (email: string) => {
    const response = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'bench-password-2026' }),
    });
    if (!response.ok) throw new Error(`bench sign-in failed: ${response.status}`);
    return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  };
  const cookie = await signIn(generated.cell.email);
  const correspondentCookie = await signIn(generated.correspondent.email);
  const baseline = await load(`http://127.0.0.1:${bare.port}/bare`, seconds);
  row(
    'bare Fastify route (GET), req/s',
    '',
    Math.round(baseline.rps),
    1,
    `p50 ${baseline.p50} ms, p99 ${baseline.p99} ms`,
  );
  const bareWrite = await load(
    {
      origin: `http://127.0.0.1:${bare.port}`,
      requests: [
        { method: 'POST', path: '/bare', headers: { 'content-type': 'application/json' }, body: '{"a":1}' },
      ],
    },
    seconds,
  );
  row(
    'bare Fastify route (POST JSON), req/s',
    '',
    Math.round(bareWrite.rps),
    1,
    `p50 ${bareWrite.p50} ms, p99 ${bareWrite.p99} ms`,
  );
  const lab = generated.labs[3]!.id;
  const endpoints: Array<[string, string[], string]> = [
    [
      'review queue, first page (sort=waiting, 25)',
      [`${base}/api/stories?state=submitted&state=in_review&sort=waiting&limit=25`],
      'p99 < 50 ms',
    ],
    [
      'review queue as the web asks it (sort=recent, 20)',
      [`${base}/api/stories?state=submitted&state=in_review&sort=recent&limit=20`],
      'p99 < 50 ms',
    ],
    [
      'review queue, filtered by lab and theme',
      [`${base}/api/stories?state=submitted&state=in_review&lab=${lab}&theme=Neutrinos&limit=25`],
      '',
    ],
    [
      `search (the ${searchQueries.length} queries below, in turn)`,
      searchQueries.map((q) => `${base}/api/stories?q=${encodeURIComponent(q)}&limit=20`),
      'p99 < 50 ms',
    ],
    ['labs list', [`${base}/api/labs`], ''],
    ['lab page', generated.labs.slice(0, 10).map((one) => `${base}/api/labs/${one.id}`), ''],
    ['story page', storyIds.map((id) => `${base}/api/stories/${id}`), ''],
    ['people search', [`${base}/api/people?q=nom1`], ''],
  ];
  for (const [name, urls, target] of endpoints) {
    const waited = await settle(base);
    const result = await load(urls, seconds, { cookie });
    row(
      `${name}: req/s`,
      Math.round(result.rps),
      Math.round(baseline.rps),
      ratio(result.rps, baseline.rps),
      `p50 ${result.p50} ms, p99 ${result.p99} ms${target ? ` (${target})` : ''}${result.errors ? `, ${result.errors} errors` : ''}${waited > 1000 ? `; waited ${Math.round(waited / 1000)} s for the previous backlog` : ''}`,
    );
  }

  // 4. Search latency, one request at a time, against the raw full-text query on the same data.
  await settle(base);
  const raw = rawSearch();
  const searchRatios: number[] = [];
  for (const q of searchQueries) {
    const url = `${base}/api/stories?q=${encodeURIComponent(q)}&limit=20`;
    const viaRelais = await latency(async () => {
      const response = await fetch(url, { headers: { cookie } });
      if (!response.ok) throw new Error(`search ${q}: ${response.status}`);
      await response.arrayBuffer();
    });
    const viaDriver = await latency(() => raw.run(q));
    searchRatios.push(viaRelais.median / viaDriver.median);
    row(
      `search "${q}", ms (median of 7, one client)`,
      +viaRelais.median.toFixed(1),
      +viaDriver.median.toFixed(1),
      ratio(viaRelais.median, viaDriver.median),
      'baseline: the raw ranked full-text query (20 best) through the driver',
    );
  }
  await raw.close();
  row(
    `search, ${searchQueries.length} queries: median of the ratios to the raw query`,
    '',
    '',
    +median(searchRatios).toFixed(2),
    `worst ${Math.max(...searchRatios).toFixed(2)}`,
  );

  // 5. Writes: a correspondent creates a story and submits it (two requests, then again), last, as
  // it adds stories.
  await settle(base);
  const body = JSON.stringify({
    kind: 'result',
    title: 'Une découverte mesurée au détecteur',
    summary: 'Résumé de la découverte, pour le banc d’essai.',
    bodyHtml: '<p>Les chercheuses ont mesuré l’énergie de la particule avec une précision inédite.</p>',
    labIds: [generated.labs[0]!.id],
    themes: ['Neutrinos'],
  });
  const writes = await load(
    {
      origin: base,
      requests: [
        {
          method: 'POST',
          path: '/api/stories',
          headers: { 'content-type': 'application/json', cookie: correspondentCookie },
          body,
          onResponse: (_status, responseBody, context) => {
            context.id = (JSON.parse(responseBody) as { id?: string }).id;
          },
        },
        {
          method: 'POST',
          path: '/api/stories/:id/submit',
          headers: { cookie: correspondentCookie },
          setupRequest: (request, context) => ({ ...request, path: `/api/stories/${context.id}/submit` }),
        },
      ],
    },
    seconds,
  );
  row(
    'write: create + submit a story (correspondent), req/s',
    Math.round(writes.rps),
    Math.round(bareWrite.rps),
    ratio(writes.rps, bareWrite.rps),
    `p50 ${writes.p50} ms, p99 ${writes.p99} ms${writes.errors ? `, ${writes.errors} errors` : ''}; baseline: bare POST route`,
  );

  const status = fs.readFileSync(`/proc/${relais.child.pid}/status`, 'utf8');
  row(
    'peak RSS of the server, MB',
    Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024),
    '',
    '',
  );
  await stop(relais.child);
  await stop(bare.child);
} finally {
  for (const server of servers) await stop(server);
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
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model,
        node: process.version,
        loadAverage: os.loadavg(),
      },
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
