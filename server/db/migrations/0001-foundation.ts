import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { columnTypes } from '../column-types.ts';
import type { Dialect } from '../connection.ts';

/** Directory, accounts, sessions, mail outbox and the history of events. */
export function migration(dialect: Dialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('delegations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('city', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('labs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('acronym', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('city', 'text', (c) => c.notNull())
        .addColumn('site', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('region', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('delegation_id', 'text', (c) => c.notNull().references('delegations.id'))
        .addColumn('partners', t.json, (c) => c.notNull())
        .addColumn('themes', t.json, (c) => c.notNull())
        .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('logo_path', 'text')
        .addColumn('latitude', t.float)
        .addColumn('longitude', t.float)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('deleted_at', t.timestamp)
        .execute();
      // One live lab per acronym (the action also compares case-insensitively); removed labs keep theirs.
      await db.schema
        .createIndex('labs_acronym_live_idx')
        .on('labs')
        .column('acronym')
        .unique()
        .where(sql.ref('deleted_at'), 'is', null)
        .execute();
      await db.schema.createIndex('labs_delegation_idx').on('labs').column('delegation_id').execute();

      await db.schema
        .createTable('people')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('first_name', 'text', (c) => c.notNull())
        .addColumn('last_name', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('sort_name', 'text', (c) => c.notNull())
        .addColumn('job_title', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('lab_id', 'text', (c) => c.references('labs.id'))
        .addColumn('languages', t.json, (c) => c.notNull())
        .addColumn('is_media_trained', t.boolean, (c) => c.notNull().defaultTo(false))
        .addColumn('phone', 'text')
        .addColumn('photo_path', 'text')
        .addColumn('locale', 'text', (c) => c.notNull().defaultTo('fr'))
        .addColumn('password_hash', 'text')
        .addColumn('account_status', 'text', (c) => c.notNull())
        .addColumn('last_login_at', t.timestamp)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('deleted_at', t.timestamp)
        .execute();
      await db.schema.createIndex('people_lab_idx').on('people').column('lab_id').execute();
      await db.schema.createIndex('people_sort_idx').on('people').columns(['sort_name', 'id']).execute();

      await db.schema
        .createTable('role_assignments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('lab_id', 'text', (c) => c.references('labs.id'))
        .addColumn('delegation_id', 'text', (c) => c.references('delegations.id'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('role_assignments_person_idx')
        .on('role_assignments')
        .column('person_id')
        .execute();
      await db.schema
        .createIndex('role_assignments_lab_idx')
        .on('role_assignments')
        .columns(['lab_id', 'role'])
        .execute();

      await db.schema
        .createTable('skills')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name_fr', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('person_skills')
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('skill_id', 'text', (c) => c.notNull().references('skills.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('person_skills_pk', ['person_id', 'skill_id'])
        .execute();
      await db.schema.createIndex('person_skills_skill_idx').on('person_skills').column('skill_id').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
        .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.createIndex('sessions_person_idx').on('sessions').column('person_id').execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('token_prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_used_at', t.timestamp)
        .addColumn('revoked_at', t.timestamp)
        .execute();
      await db.schema.createIndex('api_tokens_person_idx').on('api_tokens').column('person_id').execute();

      await db.schema
        .createTable('account_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_by', 'text', (c) => c.references('people.id'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('used_at', t.timestamp)
        .execute();
      await db.schema
        .createIndex('account_tokens_person_idx')
        .on('account_tokens')
        .column('person_id')
        .execute();

      await db.schema
        .createTable('login_attempts')
        .addColumn('id', t.autoId, (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('is_success', t.boolean, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('login_attempts_email_idx')
        .on('login_attempts')
        .columns(['email', 'created_at'])
        .execute();
      await db.schema
        .createIndex('login_attempts_ip_idx')
        .on('login_attempts')
        .columns(['ip', 'created_at'])
        .execute();

      await db.schema
        .createTable('outbox_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('stream', 'text', (c) => c.notNull())
        .addColumn('from_address', 'text', (c) => c.notNull())
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('text_body', 'text', (c) => c.notNull())
        .addColumn('html_body', 'text')
        .addColumn('headers', t.json, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('outbox_created_idx').on('outbox_messages').column('created_at').execute();

      await db.schema
        .createTable('events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('actor_id', 'text')
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('data', t.json, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('events_subject_idx')
        .on('events')
        .columns(['subject_type', 'subject_id', 'created_at'])
        .execute();
    },
  };
}
