import { buildApp, createContext } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemoNetwork } from './features/demo/seed.ts';
import { bootstrapAdmin } from './features/people/bootstrap-admin.ts';
import { ensureDefaultChannels } from './features/stories/default-channels.ts';
import { jobDefinitions, jobSchedules } from './jobs/registry.ts';
import { createWorker } from './jobs/worker.ts';

export type StartOptions = {
  config: Config;
  web: boolean;
  worker: boolean;
  /** The clock; the browser tests move it to see reminders and embargoes happen. */
  now?: () => Date;
};

/**
 * Starts Relais: database and migrations, then the web server and/or the job worker. Returns a
 * stop function that finishes the jobs in hand, closes the server and the database.
 */
export async function startRelais(options: StartOptions): Promise<{ stop: () => Promise<void> }> {
  const startedAt = performance.now();
  const { config } = options;
  const database = openDatabase(config);
  await migrateToLatest(database.db, database.dialect);
  if (options.web) {
    if (
      config.isDemo &&
      (await seedDemoNetwork(database.db, new Date(), { dialect: database.dialect, dataDir: config.dataDir }))
    )
      console.log('Relais: demo network seeded (demo accounts are listed on the sign-in page)');
    await ensureDefaultChannels(database.db, new Date().toISOString());
  }
  const ctx = createContext({ config, database, now: options.now });
  const app = options.web
    ? await buildApp({ config, database, ctx, logger: { level: config.logLevel } })
    : null;
  const log = app ? app.log : console;
  const worker = options.worker
    ? createWorker(ctx, {
        definitions: jobDefinitions,
        schedules: jobSchedules,
        log: {
          info: (message: string) => log.info(message),
          warn: (message: string) => log.warn(message),
          error: (message: string) => log.error(message),
        },
      })
    : null;
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
  return {
    async stop() {
      await worker?.stop();
      if (app) await app.close();
      else await ctx.mailer.close();
      await database.close();
    },
  };
}
