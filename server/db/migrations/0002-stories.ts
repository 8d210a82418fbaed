import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { columnTypes } from '../column-types.ts';
import type { Dialect } from '../connection.ts';

/**
 * The upward flow: tips, stories (labs, tags, attachments), channels and relays, comments,
 * notifications, and full-text search (FTS5 on SQLite; tsvector + GIN with a French, accent-free
 * configuration on PostgreSQL).
 */
export function migration(dialect: Dialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('people')
        .addColumn('notification_mode', 'text', (c) => c.notNull().defaultTo('immediate'))
        .execute();

      await db.schema
        .createTable('channels')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name_fr', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('delegation_id', 'text', (c) => c.references('delegations.id'))
        .addColumn('is_active', t.boolean, (c) => c.notNull().defaultTo(true))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('tips')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('lab_id', 'text', (c) => c.notNull().references('labs.id'))
        .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('what', 'text', (c) => c.notNull())
        .addColumn('when_text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('who_text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('photo_path', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('story_id', 'text')
        .addColumn('response', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('handled_by', 'text', (c) => c.references('people.id'))
        .addColumn('handled_at', t.timestamp)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('tips_lab_idx')
        .on('tips')
        .columns(['lab_id', 'state', 'created_at'])
        .execute();
      await db.schema
        .createIndex('tips_author_idx')
        .on('tips')
        .columns(['author_id', 'created_at'])
        .execute();

      let stories = db.schema
        .createTable('stories')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // The integer key of the search index row (FTS5 needs an integer rowid that VACUUM never changes).
        .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('event_date', 'text')
        .addColumn('event_end_date', 'text')
        .addColumn('embargo_until', t.timestamp)
        .addColumn('embargo_time_zone', 'text')
        .addColumn('themes', t.json, (c) => c.notNull())
        .addColumn('projects', t.json, (c) => c.notNull())
        .addColumn('researchers', t.json, (c) => c.notNull())
        .addColumn('links', t.json, (c) => c.notNull())
        .addColumn('proposed_channels', t.json, (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('primary_lab_id', 'text', (c) => c.notNull().references('labs.id'))
        .addColumn('tip_id', 'text')
        .addColumn('submitted_at', t.timestamp)
        .addColumn('decided_at', t.timestamp)
        .addColumn('decided_by', 'text', (c) => c.references('people.id'))
        .addColumn('decision_reason', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('deleted_at', t.timestamp);
      if (dialect === 'postgres') stories = stories.addColumn('search_vector', sql`tsvector`);
      await stories.execute();
      await db.schema
        .createIndex('stories_queue_idx')
        .on('stories')
        .columns(['state', 'submitted_at'])
        .execute();
      // The review queue walks this index instead of sorting every waiting story (the queries
      // inline these two states as literals, so SQLite can prove the index applies).
      await sql`create index stories_review_idx on stories (submitted_at, id)
        where state in ('submitted', 'in_review') and deleted_at is null`.execute(db);
      await db.schema
        .createIndex('stories_lab_idx')
        .on('stories')
        .columns(['primary_lab_id', 'created_at'])
        .execute();
      await db.schema
        .createIndex('stories_author_idx')
        .on('stories')
        .columns(['author_id', 'updated_at'])
        .execute();
      await db.schema
        .createIndex('stories_updated_idx')
        .on('stories')
        .columns(['updated_at', 'id'])
        .execute();

      await db.schema
        .createTable('story_labs')
        .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('lab_id', 'text', (c) => c.notNull().references('labs.id'))
        .addPrimaryKeyConstraint('story_labs_pk', ['story_id', 'lab_id'])
        .execute();
      await db.schema
        .createIndex('story_labs_lab_idx')
        .on('story_labs')
        .columns(['lab_id', 'story_id'])
        .execute();

      await db.schema
        .createTable('story_tags')
        .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('story_tags_pk', ['story_id', 'tag'])
        .execute();
      await db.schema
        .createIndex('story_tags_tag_idx')
        .on('story_tags')
        .columns(['tag', 'story_id'])
        .execute();

      await db.schema
        .createTable('story_attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('original_name', 'text', (c) => c.notNull())
        .addColumn('file_path', 'text', (c) => c.notNull())
        .addColumn('thumb_path', 'text')
        .addColumn('mime_type', 'text', (c) => c.notNull())
        .addColumn('byte_size', 'integer', (c) => c.notNull())
        .addColumn('width', 'integer')
        .addColumn('height', 'integer')
        .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('licence', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('shows_people', t.boolean, (c) => c.notNull().defaultTo(false))
        .addColumn('has_consent', t.boolean, (c) => c.notNull().defaultTo(false))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('story_attachments_story_idx')
        .on('story_attachments')
        .columns(['story_id', 'position'])
        .execute();

      await db.schema
        .createTable('relays')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('published_on', 'text')
        .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('relays_story_channel_uq', ['story_id', 'channel_id'])
        .execute();
      await db.schema
        .createIndex('relays_channel_idx')
        .on('relays')
        .columns(['channel_id', 'state'])
        .execute();

      await db.schema
        .createTable('comments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('mentions', t.json, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('deleted_at', t.timestamp)
        .execute();
      await db.schema
        .createIndex('comments_story_idx')
        .on('comments')
        .columns(['story_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('recipient_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('story_id', 'text')
        .addColumn('actor_id', 'text')
        .addColumn('data', t.json, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('read_at', t.timestamp)
        .addColumn('emailed_at', t.timestamp)
        .execute();
      await db.schema
        .createIndex('notifications_recipient_idx')
        .on('notifications')
        .columns(['recipient_id', 'created_at'])
        .execute();

      if (dialect === 'postgres') {
        await sql`create extension if not exists unaccent schema public`.execute(db);
        await sql`create or replace function public.relais_unaccent(text) returns text
          language sql immutable parallel safe strict
          as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$`.execute(db);
        await sql`do $$ begin
            if not exists (select 1 from pg_ts_config where cfgname = 'relais_fr') then
              create text search configuration public.relais_fr (copy = pg_catalog.french);
              alter text search configuration public.relais_fr
                alter mapping for hword, hword_part, word with public.unaccent, pg_catalog.french_stem;
            end if;
          end $$`.execute(db);
        await sql`create index stories_search_idx on stories using gin (search_vector)`.execute(db);
      } else {
        await sql`create virtual table stories_fts using fts5(
            title, summary, body, tags, labs,
            tokenize = "unicode61 remove_diacritics 2"
          )`.execute(db);
      }
    },
  };
}
