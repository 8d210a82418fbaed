import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemoNetwork } from './features/demo/seed.ts';
import { bootstrapAdmin } from './features/people/bootstrap-admin.ts';
import { ensureDefaultChannels } from './features/stories/default-channels.ts';

/** Process entry: configuration, database, migrations, demo data, then the web server. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const database = openDatabase(config);
  await migrateToLatest(database.db, database.dialect);
  if (
    config.isDemo &&
    (await seedDemoNetwork(database.db, new Date(), { dialect: database.dialect, dataDir: config.dataDir }))
  ) {
    console.log('Relais: demo network seeded (demo accounts are listed on the sign-in page)');
  }
  await ensureDefaultChannels(database.db, new Date().toISOString());
  const app = await buildApp({ config, database, logger: { level: config.logLevel } });
  if (config.adminEmail) {
    const link = await bootstrapAdmin(app.ctx, config.adminEmail);
    if (link)
      console.log(`Relais: first administrator ${config.adminEmail} created; choose the password at ${link}`);
  }
  const close = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const ms = Math.round(performance.now() - startedAt);
  app.log.info(
    `Relais ready in ${ms} ms on ${config.publicUrl} (${database.dialect}${config.isDemo ? ', demo mode' : ''}, mail: ${app.ctx.mailer.kind})`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
