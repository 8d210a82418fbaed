import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Starts Relais (e2e/server.ts: web + worker, with a clock the specs can move) on a free port with
 * a fresh demo database (SQLite, mail to the outbox), waits for it, runs every e2e/*.spec.ts with node:test, then stops the server. Exit code: the tests'.
 */
const root = path.resolve(import.meta.dirname, '..');
if (!fs.existsSync(path.join(root, 'dist/index.html'))) {
  console.error('The web app is not built: run `npm run build` first.');
  process.exit(1);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const port = await freePort();
const clockPort = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-'));
const server = spawn(process.execPath, ['e2e/server.ts'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    RELAIS_DATA_DIR: dataDir,
    RELAIS_DEMO: '1',
    DATABASE_URL: '',
    SMTP_URL: '',
    LOG_LEVEL: 'warn',
    E2E_CLOCK_PORT: String(clockPort),
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not become healthy within 30 s');
}

let code = 1;
try {
  await waitForHealth();
  const specs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['e2e/*.spec.ts'];
  // A hung browser step must fail the run, not stall CI: each spec file gets 5 minutes.
  const tests = spawn(
    process.execPath,
    ['--test', '--test-concurrency=1', '--test-timeout=300000', ...specs],
    {
      cwd: root,
      env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_CLOCK_URL: `http://127.0.0.1:${clockPort}/clock` },
      stdio: 'inherit',
    },
  );
  code = await new Promise<number>((resolve) => tests.on('exit', (exitCode) => resolve(exitCode ?? 1)));
} catch (error) {
  console.error(error);
} finally {
  server.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
