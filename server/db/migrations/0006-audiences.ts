import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { columnTypes } from '../column-types.ts';
import type { Dialect } from '../connection.ts';

/**
 * Audiences (contacts, lists and memberships, the suppression list) and campaigns with their
 * per-recipient ledger, unique on (campaign, contact). See docs/ARCHITECTURE.md, "Sending".
 */
export function migration(dialect: Dialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      // One row per address (lowercased), whatever the lists: suppression and preferences are per address.
      await db.schema
        .createTable('contacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('first_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('last_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('mailing_lists')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        // Offered on the public subscribe page and the preference page.
        .addColumn('is_public', t.boolean, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('people.id'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('deleted_at', t.timestamp)
        .execute();

      await db.schema
        .createTable('list_members')
        .addColumn('list_id', 'text', (c) => c.notNull().references('mailing_lists.id'))
        .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        // Double opt-in: SHA-256 of the link's secret, until it is confirmed or expires.
        .addColumn('confirm_token_hash', 'text')
        .addColumn('confirm_expires_at', t.timestamp)
        .addColumn('subscribed_at', t.timestamp)
        .addColumn('unsubscribed_at', t.timestamp)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('list_members_pk', ['list_id', 'contact_id'])
        .execute();
      await db.schema
        .createIndex('list_members_contact_idx')
        .on('list_members')
        .column('contact_id')
        .execute();
      await db.schema
        .createIndex('list_members_state_idx')
        .on('list_members')
        .columns(['list_id', 'state'])
        .execute();
      await db.schema
        .createIndex('list_members_token_idx')
        .on('list_members')
        .column('confirm_token_hash')
        .execute();

      await db.schema
        .createTable('suppressions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull())
        // '*' (every stream) or one stream
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('campaign_id', 'text')
        .addColumn('created_by', 'text', (c) => c.references('people.id'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('suppressions_once', ['email', 'scope'])
        .execute();
      await db.schema
        .createIndex('suppressions_campaign_idx')
        .on('suppressions')
        .column('campaign_id')
        .execute();

      await db.schema
        .createTable('campaigns')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('stream', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
        // Rendered once (MJML → HTML, and the text part) when it is scheduled; {{placeholders}} left in.
        .addColumn('html_template', 'text')
        .addColumn('text_template', 'text')
        .addColumn('list_ids', t.json, (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('scheduled_at', t.timestamp)
        .addColumn('started_at', t.timestamp)
        .addColumn('finished_at', t.timestamp)
        .addColumn('audience_frozen_at', t.timestamp)
        .addColumn('recipient_count', 'integer', (c) => c.notNull().defaultTo(0))
        // Bumped each time a send job is enqueued: the job's dedupe key.
        .addColumn('run_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('pause_reason', 'text')
        .addColumn('last_error', 'text')
        .addColumn('last_error_at', t.timestamp)
        .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('campaigns_state_idx')
        .on('campaigns')
        .columns(['state', 'created_at'])
        .execute();

      await db.schema
        .createTable('campaign_recipients')
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
        .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
        // Frozen when sending starts: later edits of the contact do not change what was sent.
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('first_name', 'text', (c) => c.notNull())
        .addColumn('last_name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', t.timestamp, (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_until', t.timestamp)
        .addColumn('smtp_response', 'text')
        .addColumn('message_id', 'text')
        .addColumn('last_error', 'text')
        .addColumn('sent_at', t.timestamp)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('campaign_recipients_pk', ['campaign_id', 'contact_id'])
        .execute();
      await sql`create index campaign_recipients_due_idx on campaign_recipients (campaign_id, next_attempt_at) where state = 'pending'`.execute(
        db,
      );
      await sql`create index campaign_recipients_claimed_idx on campaign_recipients (campaign_id, claimed_until) where state = 'claimed'`.execute(
        db,
      );
      await db.schema
        .createIndex('campaign_recipients_state_idx')
        .on('campaign_recipients')
        .columns(['campaign_id', 'state'])
        .execute();
      await db.schema
        .createIndex('campaign_recipients_sent_idx')
        .on('campaign_recipients')
        .columns(['campaign_id', 'sent_at'])
        .execute();

      // The key that signs unsubscribe and preference links, shared by every process (MAIL_LINK_SECRET overrides).
      await db.schema
        .createTable('signing_keys')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'signing_keys',
        'campaign_recipients',
        'campaigns',
        'suppressions',
        'list_members',
        'mailing_lists',
        'contacts',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
