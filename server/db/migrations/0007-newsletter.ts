import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { columnTypes } from '../column-types.ts';
import type { Dialect } from '../connection.ts';

/**
 * The newsletter (issues composed of accepted stories, in sections), greeting cards and press
 * releases. Each owns one campaign (0006), which sends it; see docs/api-newsletters.md.
 */
export function migration(dialect: Dialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('newsletter_issues')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'integer', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('edito_html', 'text', (c) => c.notNull().defaultTo(''))
        // [{ key, title }] in order: the sections of the issue
        .addColumn('sections', t.json, (c) => c.notNull())
        .addColumn('campaign_id', 'text', (c) => c.notNull().unique().references('campaigns.id'))
        // Set when its campaign is sent: from then on the archive page shows it.
        .addColumn('published_at', t.timestamp)
        .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('newsletter_issues_published_idx')
        .on('newsletter_issues')
        .column('published_at')
        .execute();

      // A story appears in one issue at most.
      await db.schema
        .createTable('newsletter_items')
        .addColumn('issue_id', 'text', (c) => c.notNull().references('newsletter_issues.id'))
        .addColumn('story_id', 'text', (c) => c.notNull().unique().references('stories.id'))
        .addColumn('section', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('newsletter_items_pk', ['issue_id', 'story_id'])
        .execute();

      await db.schema
        .createTable('greeting_cards')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('message_html', 'text', (c) => c.notNull())
        // Re-encoded WebP under RELAIS_DATA_DIR/uploads
        .addColumn('image_path', 'text')
        .addColumn('image_alt', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('campaign_id', 'text', (c) => c.notNull().unique().references('campaigns.id'))
        .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('press_releases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('contacts', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('campaign_id', 'text', (c) => c.notNull().unique().references('campaigns.id'))
        .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('press_releases_story_idx')
        .on('press_releases')
        .column('story_id')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['press_releases', 'greeting_cards', 'newsletter_items', 'newsletter_issues'])
        await db.schema.dropTable(table).execute();
    },
  };
}
