import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { startRelais } from './start.ts';

const usage = `Usage: node server/main.ts [--web] [--worker]
  (no flag)  the web server and the job worker in one process (what \`npm start\` does)
  --web      the web server only (run workers elsewhere, sharing one PostgreSQL database)
  --worker   the job worker only (mails, reminders, digests, campaigns)`;

/**
 * Process entry: flags and configuration, then the web server and/or the job worker. Several web
 * processes and workers may share one PostgreSQL database; on SQLite run one worker.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { web: { type: 'boolean' }, worker: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const relais = await startRelais({
    config: loadConfig(),
    web: Boolean(values.web || !values.worker),
    worker: Boolean(values.worker || !values.web),
  });
  const stop = async (signal: string) => {
    console.log(`Relais: ${signal}, shutting down (finishing the jobs in hand)`);
    await relais.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
