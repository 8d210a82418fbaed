import type { Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';
import type {
  CampaignKind,
  CampaignState,
  CampaignStream,
  MemberSource,
  MemberState,
  RecipientState,
  SuppressionReason,
  SuppressionScope,
} from '../../shared/campaigns.ts';
import type {
  AnswerKind,
  ReminderState,
  RequestKind,
  RequestOrigin,
  RequestState,
  RequestTargetMode,
  SolicitationState,
  TargetState,
} from '../../shared/requests.ts';
import type { AccountStatus, Locale, RoleName } from '../../shared/roles.ts';
import type { NotificationMode, RelayState, StoryKind, StoryState, TipState } from '../../shared/stories.ts';

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
  notification_mode: Generated<NotificationMode>;
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

export type ChannelTable = {
  id: string;
  slug: string;
  name_fr: string;
  name_en: string;
  scope: 'institute' | 'national' | 'regional' | 'other';
  delegation_id: string | null;
  is_active: boolean;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type TipTable = {
  id: string;
  lab_id: string;
  author_id: string;
  what: string;
  when_text: string;
  who_text: string;
  photo_path: string | null;
  state: TipState;
  story_id: string | null;
  response: string;
  handled_by: string | null;
  handled_at: Timestamp | null;
  created_at: Timestamp;
};

export type Researcher = { name: string; email: string };
export type StoryLink = { label: string; url: string };

export type StoryTable = {
  id: string;
  /** integer key of the search index row */
  seq: Generated<number>;
  kind: StoryKind;
  title: string;
  summary: string;
  body_html: string;
  body_text: string;
  state: StoryState;
  event_date: string | null;
  event_end_date: string | null;
  embargo_until: Timestamp | null;
  embargo_time_zone: string | null;
  themes: JSONColumnType<string[]>;
  projects: JSONColumnType<string[]>;
  researchers: JSONColumnType<Researcher[]>;
  links: JSONColumnType<StoryLink[]>;
  proposed_channels: JSONColumnType<string[]>;
  author_id: string;
  primary_lab_id: string;
  tip_id: string | null;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_reason: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
};

export type StoryLabTable = { story_id: string; lab_id: string };
export type StoryTagTable = { story_id: string; tag: string };

export type StoryAttachmentTable = {
  id: string;
  story_id: string;
  kind: 'image' | 'document';
  original_name: string;
  file_path: string;
  thumb_path: string | null;
  mime_type: string;
  byte_size: number;
  width: number | null;
  height: number | null;
  caption: string;
  credit: string;
  licence: string;
  shows_people: boolean;
  has_consent: boolean;
  position: number;
  created_by: string;
  created_at: Timestamp;
};

export type RelayTable = {
  id: string;
  story_id: string;
  channel_id: string;
  state: RelayState;
  url: string;
  published_on: string | null;
  reason: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type CommentTable = {
  id: string;
  story_id: string;
  author_id: string;
  body: string;
  mentions: JSONColumnType<string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
};

export type NotificationTable = {
  id: string;
  recipient_id: string;
  kind: string;
  story_id: string | null;
  actor_id: string | null;
  data: JSONColumnType<Record<string, unknown>>;
  created_at: Timestamp;
  read_at: Timestamp | null;
  emailed_at: Timestamp | null;
};

export type JobState = 'pending' | 'running' | 'done' | 'failed';

export type JobTable = {
  id: string;
  kind: string;
  payload: JSONColumnType<Record<string, unknown>>;
  /** Unique when set: enqueueing the same key twice keeps the first job. */
  dedupe_key: string | null;
  state: JobState;
  run_at: Timestamp;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
};

export type JobScheduleTable = {
  name: string;
  /** The cron expression the next run was computed from (a changed one recomputes it). */
  cron: string;
  next_run_at: Timestamp;
  last_run_at: Timestamp | null;
  updated_at: Timestamp;
};

export type RequestLink = { label: string; url: string };

export type RequestTable = {
  id: string;
  /** the human number */
  seq: Generated<number>;
  kind: RequestKind;
  title: string;
  body_html: string;
  body_text: string;
  requester_id: string;
  origin: RequestOrigin;
  /** the DR officer's delegation (origin dr_officer) */
  delegation_id: string | null;
  state: RequestState;
  deadline_at: Timestamp;
  deadline_time_zone: string;
  reminder_days: JSONColumnType<number[]>;
  /** the targets as asked (proposed, for a request to route); request_targets holds the labs reached */
  target_mode: RequestTargetMode;
  target_delegation_id: string | null;
  target_lab_ids: JSONColumnType<string[]>;
  target_person_ids: JSONColumnType<string[]>;
  cell_context: string;
  routed_by: string | null;
  routed_at: Timestamp | null;
  /** when it reached the labs */
  opened_at: Timestamp | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string;
  closed_by: string | null;
  closed_at: Timestamp | null;
  solicitation_id: string | null;
  /** folded title, body and cell context */
  search_text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type RequestTargetTable = {
  request_id: string;
  lab_id: string;
  person_ids: JSONColumnType<string[]>;
  state: TargetState;
  seen_at: Timestamp | null;
  answered_at: Timestamp | null;
  created_at: Timestamp;
};

export type RequestAnswerTable = {
  id: string;
  request_id: string;
  lab_id: string;
  author_id: string;
  kind: AnswerKind;
  body: string;
  expert_person_id: string | null;
  story_ids: JSONColumnType<string[]>;
  links: JSONColumnType<RequestLink[]>;
  used_at: Timestamp | null;
  used_by: string | null;
  search_text: string;
  created_at: Timestamp;
};

export type RequestAnswerFileTable = {
  id: string;
  answer_id: string;
  request_id: string;
  kind: 'image' | 'document';
  original_name: string;
  file_path: string;
  thumb_path: string | null;
  mime_type: string;
  byte_size: number;
  width: number | null;
  height: number | null;
  created_by: string;
  created_at: Timestamp;
};

export type RequestReminderTable = {
  id: string;
  request_id: string;
  lab_id: string;
  /** days before the deadline */
  step: number;
  state: ReminderState;
  claimed_until: Timestamp | null;
  recipients: JSONColumnType<string[]>;
  /** recipients whose mail the server accepted, written after each */
  sent_to: JSONColumnType<string[]>;
  message_id: string | null;
  sent_at: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type SolicitationTable = {
  id: string;
  lab_id: string;
  recorded_by: string;
  requester_name: string;
  requester_organisation: string;
  /** folded organisation, to count per organisation */
  organisation_key: string;
  contacted_person_id: string | null;
  contacted_name: string;
  /** YYYY-MM-DD */
  contacted_on: string;
  subject: string;
  asked: string;
  state: SolicitationState;
  request_id: string | null;
  handled_by: string | null;
  handled_at: Timestamp | null;
  search_text: string;
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
  channels: ChannelTable;
  tips: TipTable;
  stories: StoryTable;
  story_labs: StoryLabTable;
  story_tags: StoryTagTable;
  story_attachments: StoryAttachmentTable;
  relays: RelayTable;
  comments: CommentTable;
  notifications: NotificationTable;
  jobs: JobTable;
  job_schedules: JobScheduleTable;
  requests: RequestTable;
  request_targets: RequestTargetTable;
  request_answers: RequestAnswerTable;
  request_answer_files: RequestAnswerFileTable;
  request_reminders: RequestReminderTable;
  solicitations: SolicitationTable;
  contacts: ContactTable;
  mailing_lists: MailingListTable;
  list_members: ListMemberTable;
  suppressions: SuppressionTable;
  campaigns: CampaignTable;
  campaign_recipients: CampaignRecipientTable;
  signing_keys: SigningKeyTable;
  newsletter_issues: NewsletterIssueTable;
  newsletter_items: NewsletterItemTable;
  greeting_cards: GreetingCardTable;
  press_releases: PressReleaseTable;
};

export type Lab = Selectable<LabTable>;
export type Delegation = Selectable<DelegationTable>;
export type Person = Selectable<PersonTable>;
export type RoleAssignment = Selectable<RoleAssignmentTable>;
export type Skill = Selectable<SkillTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type Story = Selectable<StoryTable>;
export type Channel = Selectable<ChannelTable>;
export type Relay = Selectable<RelayTable>;
export type Tip = Selectable<TipTable>;
export type Job = Selectable<JobTable>;
export type Request = Selectable<RequestTable>;
export type RequestTarget = Selectable<RequestTargetTable>;
export type RequestAnswer = Selectable<RequestAnswerTable>;
export type RequestAnswerFile = Selectable<RequestAnswerFileTable>;
export type RequestReminder = Selectable<RequestReminderTable>;
export type Solicitation = Selectable<SolicitationTable>;

export type ContactTable = {
  id: string;
  /** lowercased */
  email: string;
  first_name: string;
  last_name: string;
  organisation: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type MailingListTable = {
  id: string;
  name: string;
  description: string;
  is_public: boolean;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
};

export type ListMemberTable = {
  list_id: string;
  contact_id: string;
  state: MemberState;
  source: MemberSource;
  confirm_token_hash: string | null;
  confirm_expires_at: Timestamp | null;
  subscribed_at: Timestamp | null;
  unsubscribed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type SuppressionTable = {
  id: string;
  email: string;
  scope: SuppressionScope;
  reason: SuppressionReason;
  detail: string;
  campaign_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
};

export type CampaignTable = {
  id: string;
  kind: CampaignKind;
  stream: CampaignStream;
  name: string;
  subject: string;
  body_html: string;
  body_text: string;
  html_template: string | null;
  text_template: string | null;
  list_ids: JSONColumnType<string[]>;
  state: CampaignState;
  scheduled_at: Timestamp | null;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  audience_frozen_at: Timestamp | null;
  recipient_count: number;
  run_seq: number;
  pause_reason: string | null;
  last_error: string | null;
  last_error_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type CampaignRecipientTable = {
  campaign_id: string;
  contact_id: string;
  email: string;
  first_name: string;
  last_name: string;
  state: RecipientState;
  attempts: number;
  next_attempt_at: Timestamp;
  claimed_by: string | null;
  claimed_until: Timestamp | null;
  smtp_response: string | null;
  message_id: string | null;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type SigningKeyTable = { name: string; secret: string; created_at: Timestamp };

export type Contact = Selectable<ContactTable>;
export type MailingList = Selectable<MailingListTable>;
export type ListMember = Selectable<ListMemberTable>;
export type Suppression = Selectable<SuppressionTable>;
export type Campaign = Selectable<CampaignTable>;
export type CampaignRecipient = Selectable<CampaignRecipientTable>;

export type NewsletterSection = { key: string; title: string };

export type NewsletterIssueTable = {
  id: string;
  number: number;
  title: string;
  edito_html: string;
  sections: JSONColumnType<NewsletterSection[]>;
  campaign_id: string;
  published_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type NewsletterItemTable = {
  issue_id: string;
  story_id: string;
  section: string;
  position: number;
  created_at: Timestamp;
};

export type GreetingCardTable = {
  id: string;
  year: number;
  title: string;
  message_html: string;
  image_path: string | null;
  image_alt: string;
  campaign_id: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type PressReleaseTable = {
  id: string;
  story_id: string;
  title: string;
  summary: string;
  body_html: string;
  contacts: string;
  campaign_id: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type NewsletterIssue = Selectable<NewsletterIssueTable>;
export type NewsletterItem = Selectable<NewsletterItemTable>;
export type GreetingCard = Selectable<GreetingCardTable>;
export type PressRelease = Selectable<PressReleaseTable>;
