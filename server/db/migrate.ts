import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Dialect } from './connection.ts';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-stories.ts';
import * as m0003 from './migrations/0003-jobs.ts';
import * as m0004 from './migrations/0004-requests.ts';
import * as m0005 from './migrations/0005-story-indexes.ts';
import * as m0006 from './migrations/0006-audiences.ts';
import * as m0007 from './migrations/0007-newsletter.ts';

/** Migrations are listed here (not read from a folder) so the order is explicit and bundling-proof. */
const migrations: Record<string, (dialect: Dialect) => Migration> = {
  '0001-foundation': m0001.migration,
  '0002-stories': m0002.migration,
  '0003-jobs': m0003.migration,
  '0004-requests': m0004.migration,
  '0005-story-indexes': m0005.migration,
  '0006-audiences': m0006.migration,
  '0007-newsletter': m0007.migration,
};

// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(Object.entries(migrations).map(([name, make]) => [name, make(dialect)])),
  };
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
