import type { Config } from './config.ts';
import type { Db, Dialect } from './db/connection.ts';
import type { Mailer } from './mail/mailer.ts';

/** What every route and action needs, built once per app (tests build their own). */
export type AppContext = {
  db: Db;
  dialect: Dialect;
  config: Config;
  /** The clock; tests inject one to move time (embargoes, expiries, reminders). */
  now: () => Date;
  mailer: Mailer;
};

export const nowIso = (ctx: Pick<AppContext, 'now'>) => ctx.now().toISOString();
