import fs from 'node:fs';
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
  /** Campaign mail (newsletter, greeting cards, press): DKIM signature, pool, rate, auto-pause. */
  campaigns: CampaignConfig;
};

export type CampaignConfig = {
  dkim: { domainName: string; keySelector: string; privateKey: string } | null;
  /** messages per second, per worker process */
  rate: number;
  maxConnections: number;
  /** consecutive failed sends after which a campaign pauses itself */
  pauseAfterErrors: number;
  /** signs the unsubscribe and preference links; default: a key kept in the database */
  linkSecret: string | null;
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
    campaigns: {
      dkim: loadDkim(env),
      rate: parseInteger('CAMPAIGN_RATE', env.CAMPAIGN_RATE, 20) || 20,
      maxConnections: parseInteger('CAMPAIGN_MAX_CONNECTIONS', env.CAMPAIGN_MAX_CONNECTIONS, 3) || 1,
      pauseAfterErrors: parseInteger('CAMPAIGN_PAUSE_AFTER_ERRORS', env.CAMPAIGN_PAUSE_AFTER_ERRORS, 20) || 1,
      linkSecret: env.MAIL_LINK_SECRET || null,
    },
  };
}

/** DKIM_DOMAIN + DKIM_SELECTOR + the key (DKIM_PRIVATE_KEY in PEM, `\\n` allowed, or DKIM_PRIVATE_KEY_FILE). */
function loadDkim(env: NodeJS.ProcessEnv): CampaignConfig['dkim'] {
  const file = env.DKIM_PRIVATE_KEY_FILE;
  let key = env.DKIM_PRIVATE_KEY?.replace(/\\n/g, '\n') || null;
  if (!key && file) {
    try {
      key = fs.readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError(`DKIM_PRIVATE_KEY_FILE: cannot read ${file}`);
    }
  }
  const parts = [env.DKIM_DOMAIN, env.DKIM_SELECTOR, key];
  if (parts.every((part) => !part)) return null;
  if (!parts.every(Boolean))
    throw new ConfigError(
      'DKIM needs DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY (or DKIM_PRIVATE_KEY_FILE)',
    );
  if (!key?.includes('PRIVATE KEY')) throw new ConfigError('DKIM private key must be in PEM format');
  return { domainName: env.DKIM_DOMAIN!, keySelector: env.DKIM_SELECTOR!, privateKey: key };
}
