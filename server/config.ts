import path from 'node:path';

/** Validated configuration, read once from the environment. Every variable is listed in the README. */
export type Config = {
  port: number;
  host: string;
  /** Public base URL used in emails and origin checks, e.g. https://relais.example.org */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  isDemo: boolean;
  smtpUrl: string | null;
  mailFrom: string;
  logLevel: string;
  sessionDays: number;
  trustProxy: boolean;
  /** Creates a first administrator when none exists (a new installation without demo data). */
  adminEmail: string | null;
};

export class ConfigError extends Error {}

function parseInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function parseFlag(raw: string | undefined): boolean {
  return raw === '1' || raw === 'true' || raw === 'yes';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = parseInteger('PORT', env.PORT, 3000);
  const host = env.HOST || '0.0.0.0';
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database)',
    );
  }
  return {
    port,
    host,
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    dataDir: path.resolve(env.RELAIS_DATA_DIR || './data'),
    databaseUrl,
    isDemo: parseFlag(env.RELAIS_DEMO),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM || 'Relais <relais@localhost>',
    logLevel: env.LOG_LEVEL || 'info',
    sessionDays: parseInteger('SESSION_DAYS', env.SESSION_DAYS, 30),
    trustProxy: parseFlag(env.TRUST_PROXY),
    adminEmail: env.RELAIS_ADMIN_EMAIL || null,
  };
}
