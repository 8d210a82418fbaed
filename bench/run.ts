import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

/**
 * Benchmarks, as ratios to a baseline measured in the same run (these machines are noisy):
 * - cold start of `node server/main.ts` on an existing demo database, against starting a bare
 *   Fastify server in a fresh process;
 * - HTTP throughput and latency with 50 connections on directory endpoints, against a bare
 *   Fastify route on the same machine.
 * Writes bench/results/<date>.json and prints a table.
 */
const root = path.resolve(import.meta.dirname, '..');
const duration = Number(process.env.BENCH_SECONDS ?? 5);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startAndWait(args: string[], env: Record<string, string>, port: number) {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/api/health`;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { child, ms: performance.now() - started };
}

async function load(url: string) {
  const result = await autocannon({ url, connections: 50, duration });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-'));
const bareFile = path.join(root, 'bench/bare-server.ts');
const env = { RELAIS_DATA_DIR: dataDir, RELAIS_DEMO: '1', LOG_LEVEL: 'warn', DATABASE_URL: '' };
const rows: Array<Record<string, string | number>> = [];

// First start seeds the database; the measured starts reuse it.
const first = await startAndWait(['server/main.ts'], env, await freePort());
first.child.kill();
const starts: number[] = [];
const bareStarts: number[] = [];
for (let i = 0; i < 3; i++) {
  const relais = await startAndWait(['server/main.ts'], env, await freePort());
  starts.push(relais.ms);
  relais.child.kill();
  const bare = await startAndWait([bareFile], {}, await freePort());
  bareStarts.push(bare.ms);
  bare.child.kill();
}
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
rows.push({
  measure: 'cold start (ms, median of 3)',
  relais: Math.round(median(starts)),
  baseline: Math.round(median(bareStarts)),
  ratio: +(median(starts) / median(bareStarts)).toFixed(2),
});

const port = await freePort();
const relais = await startAndWait(['server/main.ts'], env, port);
const barePort = await freePort();
const bare = await startAndWait([bareFile], {}, barePort);
const base = `http://127.0.0.1:${port}`;
const labs = (await (await fetch(`${base}/api/labs`)).json()) as { items: Array<{ id: string }> };
const skills = (await (await fetch(`${base}/api/skills`)).json()) as { items: Array<{ slug: string }> };
const baseline = await load(`http://127.0.0.1:${barePort}/bare`);
rows.push({
  measure: 'bare Fastify route (req/s)',
  relais: '',
  baseline: Math.round(baseline.rps),
  ratio: 1,
});
const endpoints: Array<[string, string]> = [
  ['GET /api/labs', '/api/labs'],
  ['GET /api/labs/:id', `/api/labs/${labs.items[0]!.id}`],
  ['GET /api/people?skill=', `/api/people?skill=${skills.items[0]!.slug}`],
  ['GET /api/people?q=', '/api/people?q=mar'],
];
for (const [name, url] of endpoints) {
  const result = await load(base + url);
  rows.push({
    measure: `${name} (req/s; p50/p99 ms)`,
    relais: `${Math.round(result.rps)}; ${result.p50}/${result.p99}`,
    baseline: Math.round(baseline.rps),
    ratio: +(result.rps / baseline.rps).toFixed(2),
    errors: result.errors,
  });
}
const rssKb = Number(
  fs.readFileSync(`/proc/${relais.child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? 0,
);
rows.push({ measure: 'peak RSS after load (MB)', relais: Math.round(rssKb / 1024), baseline: '', ratio: '' });
relais.child.kill();
bare.child.kill();

console.table(rows);
const out = path.join(root, 'bench/results');
fs.mkdirSync(out, { recursive: true });
const file = path.join(out, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(
  file,
  JSON.stringify(
    {
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      durationSeconds: duration,
      rows,
    },
    null,
    2,
  ),
);
console.log(`written ${path.relative(root, file)}`);
fs.rmSync(dataDir, { recursive: true, force: true });
