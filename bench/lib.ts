import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';

export const root = path.resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts a server script and resolves once /api/health answers, with the time it took. */
export async function startAndWait(
  script: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; ms: number; port: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/api/health`;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { child, ms: performance.now() - started, port };
}

export type LoadResult = { rps: number; p50: number; p99: number; errors: number };
export type LoadRequest = {
  method?: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /** Changes the request from what earlier responses of the same client left in `context`. */
  setupRequest?: (request: { path: string }, context: Record<string, unknown>) => { path: string };
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
};

/** 50 concurrent connections for `seconds`, optionally with headers (a session cookie), over URLs or request sequences. */
export async function load(
  url: string | string[] | { origin: string; requests: LoadRequest[] },
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const urls = typeof url === 'string' ? [url] : Array.isArray(url) ? url : [];
  const origin = Array.isArray(url) || typeof url === 'string' ? new URL(urls[0]!).origin : url.origin;
  const requests: LoadRequest[] =
    Array.isArray(url) || typeof url === 'string'
      ? urls.map((u) => ({ method: 'GET', path: new URL(u).pathname + new URL(u).search }))
      : url.requests;
  const result = await autocannon({
    url: origin,
    connections: 50,
    duration: seconds,
    headers,
    requests: requests as autocannon.Request[],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/**
 * Waits until a server has worked off what a load left queued (its health answers within 20 ms),
 * so that one measure does not pay for the backlog of the previous one. Resolves with the wait.
 */
export async function settle(origin: string, maxMs = 120_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < maxMs) {
    const sent = performance.now();
    try {
      await fetch(`${origin}/api/health`);
      if (performance.now() - sent < 20) break;
    } catch {
      // still busy
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return performance.now() - started;
}

/** Median and worst time of `run` over `times` sequential runs (after one warm-up), in ms. */
export async function latency(run: () => Promise<unknown>, times = 7) {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return { median: median(samples), max: Math.max(...samples) };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Stops a server started by startAndWait, and waits until it has exited. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await exited;
}
