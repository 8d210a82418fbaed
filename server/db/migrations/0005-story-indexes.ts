import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../connection.ts';

/**
 * Story lists at 100,000 stories (docs/PERFORMANCE.md). The planner preferred `stories_queue_idx
 * (state, submitted_at)` plus a sort of every waiting story over the review queue's partial index,
 * so it goes. The indexes that lists walk in order now also carry the columns of the visibility
 * clause (state, author, embargo, deletion), so the capped count of a page reads the index only:
 * the review queue by waiting time and by last change, and every list by last change.
 */
const visibilityColumns = sql.raw('state, author_id, embargo_until, deleted_at');
const review = sql.raw(`state in ('submitted', 'in_review') and deleted_at is null`);

export function migration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('stories_queue_idx').execute();
      await db.schema.dropIndex('stories_review_idx').execute();
      await sql`create index stories_review_idx on stories (submitted_at, id, ${visibilityColumns})
        where ${review}`.execute(db);
      await sql`create index stories_review_recent_idx on stories (updated_at, id, ${visibilityColumns})
        where ${review}`.execute(db);
      await db.schema.dropIndex('stories_updated_idx').execute();
      await sql`create index stories_updated_idx on stories (updated_at, id, ${visibilityColumns})`.execute(
        db,
      );
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('stories_review_recent_idx').execute();
      await db.schema.dropIndex('stories_review_idx').execute();
      await db.schema.dropIndex('stories_updated_idx').execute();
      await sql`create index stories_review_idx on stories (submitted_at, id) where ${review}`.execute(db);
      await sql`create index stories_updated_idx on stories (updated_at, id)`.execute(db);
      await sql`create index stories_queue_idx on stories (state, submitted_at)`.execute(db);
    },
  };
}
