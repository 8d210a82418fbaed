import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { jobDefinitions, jobSchedules } from '../jobs/registry.ts';
import { createWorker } from '../jobs/worker.ts';

// Registered at import, on the root test, so it runs once the whole file is done — wherever
// buildTestApp was called from (a before hook, a describe, a test).
const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/**
 * A real app on a real, empty database: a SQLite file in a temp folder, or, when
 * TEST_DATABASE_URL is set, a fresh PostgreSQL database created for this test file and
 * dropped afterwards. The clock is a settable one.
 */
export async function buildTestApp(options: { isDemo?: boolean; env?: Record<string, string> } = {}) {
  const clock = { current: new Date('2026-11-24T09:00:00.000Z') };
  const now = () => new Date(clock.current);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-test-'));
  const baseUrl = process.env.TEST_DATABASE_URL;
  let databaseUrl: string | null = null;
  let dropDatabase = async () => {};
  if (baseUrl) {
    const name = `relais_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: baseUrl, max: 1 }) }),
    });
    await sql`create database ${sql.id(name)}`.execute(admin);
    await admin.destroy();
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const again = new Kysely<unknown>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: baseUrl, max: 1 }) }),
      });
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(again);
      await again.destroy();
    };
  }
  const config = loadConfig({
    RELAIS_DATA_DIR: dataDir,
    RELAIS_DEMO: options.isDemo ? '1' : '0',
    PUBLIC_URL: 'http://relais.test',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  });
  const database = openDatabase(config);
  await migrateToLatest(database.db, database.dialect);
  const app = await buildApp({ config, database, now });
  cleanups.push(async () => {
    await app.close();
    await database.close();
    await dropDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const worker = createWorker(app.ctx, {
    definitions: jobDefinitions,
    schedules: jobSchedules,
    log: { info() {}, warn() {}, error: console.error },
  });
  /** Runs every job due at the clock's time (mails, reminders, digests) until none is left. */
  const runJobs = () => worker.runUntilIdle();
  return { app, db: database.db, ctx: app.ctx, clock, dialect: database.dialect, runJobs };
}

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;
