import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { columnTypes } from '../column-types.ts';
import type { Dialect } from '../connection.ts';

/**
 * Requests sent down to the labs (targets per lab, answers and their files, the reminder ledger)
 * and out-of-band solicitations. Searches use folded `search_text` columns (LIKE on both dialects).
 */
export function migration(dialect: Dialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // A human number (D-42); PostgreSQL counts with a sequence, SQLite with max + 1 in the transaction.
        .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('requester_id', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('delegation_id', 'text', (c) => c.references('delegations.id'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('deadline_at', t.timestamp, (c) => c.notNull())
        .addColumn('deadline_time_zone', 'text', (c) => c.notNull())
        .addColumn('reminder_days', t.json, (c) => c.notNull())
        .addColumn('target_mode', 'text', (c) => c.notNull())
        .addColumn('target_delegation_id', 'text', (c) => c.references('delegations.id'))
        .addColumn('target_lab_ids', t.json, (c) => c.notNull())
        .addColumn('target_person_ids', t.json, (c) => c.notNull())
        .addColumn('cell_context', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('routed_by', 'text', (c) => c.references('people.id'))
        .addColumn('routed_at', t.timestamp)
        .addColumn('opened_at', t.timestamp)
        .addColumn('decided_by', 'text', (c) => c.references('people.id'))
        .addColumn('decided_at', t.timestamp)
        .addColumn('decision_reason', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('closed_by', 'text', (c) => c.references('people.id'))
        .addColumn('closed_at', t.timestamp)
        .addColumn('solicitation_id', 'text')
        .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('requests_state_idx')
        .on('requests')
        .columns(['state', 'created_at'])
        .execute();
      await db.schema
        .createIndex('requests_requester_idx')
        .on('requests')
        .columns(['requester_id', 'created_at'])
        .execute();
      await db.schema
        .createIndex('requests_origin_idx')
        .on('requests')
        .columns(['origin', 'delegation_id'])
        .execute();
      // What the reminder job scans: open requests by deadline.
      await sql`create index requests_open_deadline_idx on requests (deadline_at) where state = 'open'`.execute(
        db,
      );

      await db.schema
        .createTable('request_targets')
        .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
        .addColumn('lab_id', 'text', (c) => c.notNull().references('labs.id'))
        // Named correspondents (mode "people"); empty: all the lab's correspondents.
        .addColumn('person_ids', t.json, (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('seen_at', t.timestamp)
        .addColumn('answered_at', t.timestamp)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('request_targets_pk', ['request_id', 'lab_id'])
        .execute();
      await db.schema
        .createIndex('request_targets_lab_idx')
        .on('request_targets')
        .columns(['lab_id', 'request_id'])
        .execute();

      await db.schema
        .createTable('request_answers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
        .addColumn('lab_id', 'text', (c) => c.notNull().references('labs.id'))
        .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('expert_person_id', 'text', (c) => c.references('people.id'))
        .addColumn('story_ids', t.json, (c) => c.notNull())
        .addColumn('links', t.json, (c) => c.notNull())
        .addColumn('used_at', t.timestamp)
        .addColumn('used_by', 'text', (c) => c.references('people.id'))
        .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('request_answers_request_idx')
        .on('request_answers')
        .columns(['request_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('request_answer_files')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('answer_id', 'text', (c) => c.notNull().references('request_answers.id'))
        .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('original_name', 'text', (c) => c.notNull())
        .addColumn('file_path', 'text', (c) => c.notNull())
        .addColumn('thumb_path', 'text')
        .addColumn('mime_type', 'text', (c) => c.notNull())
        .addColumn('byte_size', 'integer', (c) => c.notNull())
        .addColumn('width', 'integer')
        .addColumn('height', 'integer')
        .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('request_answer_files_answer_idx')
        .on('request_answer_files')
        .columns(['answer_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('request_reminders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
        .addColumn('lab_id', 'text', (c) => c.notNull().references('labs.id'))
        .addColumn('step', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('claimed_until', t.timestamp)
        .addColumn('recipients', t.json, (c) => c.notNull())
        .addColumn('sent_to', t.json, (c) => c.notNull())
        .addColumn('message_id', 'text')
        .addColumn('sent_at', t.timestamp)
        .addColumn('last_error', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('request_reminders_once', ['request_id', 'lab_id', 'step'])
        .execute();
      await sql`create index request_reminders_pending_idx on request_reminders (created_at) where state = 'pending'`.execute(
        db,
      );
      await sql`create index request_reminders_sending_idx on request_reminders (claimed_until) where state = 'sending'`.execute(
        db,
      );

      await db.schema
        .createTable('solicitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('lab_id', 'text', (c) => c.notNull().references('labs.id'))
        .addColumn('recorded_by', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('requester_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('requester_organisation', 'text', (c) => c.notNull())
        .addColumn('organisation_key', 'text', (c) => c.notNull())
        .addColumn('contacted_person_id', 'text', (c) => c.references('people.id'))
        .addColumn('contacted_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('contacted_on', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('asked', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('request_id', 'text', (c) => c.references('requests.id'))
        .addColumn('handled_by', 'text', (c) => c.references('people.id'))
        .addColumn('handled_at', t.timestamp)
        .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      // Network health: per lab and date, per requesting organisation.
      await db.schema
        .createIndex('solicitations_lab_idx')
        .on('solicitations')
        .columns(['lab_id', 'contacted_on'])
        .execute();
      await db.schema
        .createIndex('solicitations_organisation_idx')
        .on('solicitations')
        .columns(['organisation_key', 'contacted_on'])
        .execute();
      await db.schema
        .createIndex('solicitations_state_idx')
        .on('solicitations')
        .columns(['state', 'created_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'solicitations',
        'request_reminders',
        'request_answer_files',
        'request_answers',
        'request_targets',
        'requests',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
