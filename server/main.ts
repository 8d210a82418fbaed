import { parseArgs } from 'node:util';
import { buildApp, createContext } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemoNetwork } from './features/demo/seed.ts';
import { bootstrapAdmin } from './features/people/bootstrap-admin.ts';
import { ensureDefaultChannels } from './features/stories/default-channels.ts';
import { jobDefinitions, jobSchedules } from './jobs/registry.ts';
import { createWorker } from './jobs/worker.ts';

const usage = `Usage: node server/main.ts [--web] [--worker]
  (no flag)  the web server and the job worker in one process (what \`npm start\` does)
  --web      the web server only (run workers elsewhere, sharing one PostgreSQL database)
  --worker   the job worker only (mails, reminders, digests, campaigns)`;

/**
 * Process entry: configuration, database, migrations, then the web server and/or the job worker.
 * Several web processes and workers may share one PostgreSQL database; on SQLite run one worker.
 */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const { values } = parseArgs({
    options: { web: { type: 'boolean' }, worker: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const runWeb = values.web || !values.worker;
  const runWorker = values.worker || !values.web;
  const config = loadConfig();
  const database = openDatabase(config);
  await migrateToLatest(database.db, database.dialect);
  if (
    runWeb &&
    config.isDemo &&
    (await seedDemoNetwork(database.db, new Date(), { dialect: database.dialect, dataDir: config.dataDir }))
  ) {
    console.log('Relais: demo network seeded (demo accounts are listed on the sign-in page)');
  }
  if (runWeb) await ensureDefaultChannels(database.db, new Date().toISOString());
  const ctx = createContext({ config, database });
  const app = runWeb ? await buildApp({ config, database, ctx, logger: { level: config.logLevel } }) : null;
  const log = app ? app.log : console;
  const worker = runWorker
    ? createWorker(ctx, {
        definitions: jobDefinitions,
        schedules: jobSchedules,
        log: {
          info: (m: string) => log.info(m),
          warn: (m: string) => log.warn(m),
          error: (m: string) => log.error(m),
        },
      })
    : null;

  const close = async (signal: string) => {
    log.info(`${signal}: shutting down (finishing the jobs in hand)`);
    await worker?.stop();
    if (app) await app.close();
    else await ctx.mailer.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));

  if (app && config.adminEmail) {
    const link = await bootstrapAdmin(app.ctx, config.adminEmail);
    if (link)
      console.log(`Relais: first administrator ${config.adminEmail} created; choose the password at ${link}`);
  }
  if (app) await app.listen({ port: config.port, host: config.host });
  worker?.start();
  const ms = Math.round(performance.now() - startedAt);
  const parts = [
    database.dialect,
    ...(config.isDemo && app ? ['demo mode'] : []),
    `mail: ${ctx.mailer.kind}`,
  ];
  if (app)
    log.info(
      `Relais ready in ${ms} ms on ${config.publicUrl} (${parts.join(', ')}${worker ? ', with a job worker' : ''})`,
    );
  else log.info(`Relais job worker ${worker?.id} ready in ${ms} ms (${parts.join(', ')})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
