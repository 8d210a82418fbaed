import type { Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';
import type { AccountStatus, Locale, RoleName } from '../../shared/roles.ts';

/**
 * Table types. Conventions (both dialects): ids are text (UUIDs made by the app), timestamps are
 * ISO-8601 strings, booleans are booleans, `json` columns read as parsed values and are written as JSON text
 * (`JSON.stringify`: pg would turn a JS array into a PostgreSQL array). The SQLite adapter
 * and the pg type parsers make it so.
 */
export type Timestamp = string;

export type DelegationTable = {
  id: string;
  code: string;
  name: string;
  city: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type LabTable = {
  id: string;
  acronym: string;
  name: string;
  kind: 'lab' | 'platform';
  city: string;
  site: string;
  region: string;
  delegation_id: string;
  partners: JSONColumnType<string[]>;
  themes: JSONColumnType<string[]>;
  website: string;
  logo_path: string | null;
  latitude: number | null;
  longitude: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
};

export type PersonTable = {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  /** lower-cased, accent-free "first last email" for search on both dialects */
  search_text: string;
  /** folded "last first", so accented names sort where a reader expects them */
  sort_name: string;
  job_title: string;
  lab_id: string | null;
  languages: JSONColumnType<string[]>;
  is_media_trained: boolean;
  phone: string | null;
  photo_path: string | null;
  locale: Locale;
  password_hash: string | null;
  account_status: AccountStatus;
  last_login_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
};

export type RoleAssignmentTable = {
  id: string;
  person_id: string;
  role: RoleName;
  lab_id: string | null;
  delegation_id: string | null;
  created_at: Timestamp;
};

export type SkillTable = {
  id: string;
  slug: string;
  name_fr: string;
  name_en: string;
  category: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type PersonSkillTable = {
  person_id: string;
  skill_id: string;
};

export type SessionTable = {
  id: string;
  person_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  user_agent: string;
};

export type ApiTokenTable = {
  id: string;
  person_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
};

export type AccountTokenTable = {
  id: string;
  person_id: string;
  purpose: 'invitation' | 'password_reset';
  token_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
};

export type LoginAttemptTable = {
  id: Generated<number>;
  email: string;
  ip: string;
  is_success: boolean;
  created_at: Timestamp;
};

export type OutboxMessageTable = {
  id: string;
  stream: string;
  from_address: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  headers: JSONColumnType<Record<string, string>>;
  created_at: Timestamp;
};

/** The history of every state change, for every kind of object. */
export type EventTable = {
  id: string;
  actor_id: string | null;
  subject_type: string;
  subject_id: string;
  action: string;
  data: JSONColumnType<Record<string, unknown>>;
  created_at: Timestamp;
};

export type Database = {
  delegations: DelegationTable;
  labs: LabTable;
  people: PersonTable;
  role_assignments: RoleAssignmentTable;
  skills: SkillTable;
  person_skills: PersonSkillTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  account_tokens: AccountTokenTable;
  login_attempts: LoginAttemptTable;
  outbox_messages: OutboxMessageTable;
  events: EventTable;
};

export type Lab = Selectable<LabTable>;
export type Delegation = Selectable<DelegationTable>;
export type Person = Selectable<PersonTable>;
export type RoleAssignment = Selectable<RoleAssignmentTable>;
export type Skill = Selectable<SkillTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
