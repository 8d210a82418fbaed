/** Shapes of the audiences and campaigns API (docs/api-campaigns.md). */
import type {
  CampaignKind,
  CampaignState,
  CampaignStream,
  MemberSource,
  MemberState,
  SuppressionReason,
  SuppressionScope,
} from '../../../shared/campaigns.ts';
import type { Abilities } from '../../app/types.ts';

export type MailingList = {
  id: string;
  name: string;
  description: string;
  isPublic: boolean;
  counts: { active: number; pending: number; unsubscribed: number };
  createdAt: string;
  updatedAt: string;
  abilities: Abilities<'update' | 'delete' | 'manageSubscribers' | 'import' | 'export'>;
};

export type ListInput = { name: string; description?: string; isPublic?: boolean };

export type Subscriber = {
  contactId: string;
  email: string;
  firstName: string;
  lastName: string;
  organisation: string;
  state: MemberState;
  source: MemberSource;
  subscribedAt: string | null;
  unsubscribedAt: string | null;
  addedAt: string;
  abilities: Abilities<'remove'>;
};

export type SubscriberInput = { email: string; firstName?: string; lastName?: string; organisation?: string };

export type ImportRow = {
  line: number;
  email: string;
  firstName: string;
  lastName: string;
  organisation: string;
};

export type ImportReport = {
  totalRows: number;
  validRows: number;
  toAdd: number;
  added: number;
  alreadySubscribed: number;
  unsubscribed: number;
  suppressed: number;
  invalid: { line: number; value: string; reason: string }[];
  duplicates: { line: number; email: string; firstLine: number }[];
  invalidCount: number;
  duplicateCount: number;
  sample: ImportRow[];
  hasHeader: boolean;
  committed: boolean;
};

export type Suppression = {
  id: string;
  email: string;
  scope: SuppressionScope;
  reason: SuppressionReason;
  detail: string;
  campaignId: string | null;
  createdAt: string;
  abilities: Abilities<'lift'>;
};

export type RecipientCounts = {
  pending: number;
  claimed: number;
  sent: number;
  failed: number;
  suppressed: number;
  uncertain: number;
};

export type CampaignAbility =
  | 'update'
  | 'delete'
  | 'testSend'
  | 'schedule'
  | 'sendNow'
  | 'pause'
  | 'resume'
  | 'cancel'
  | 'retryRemaining'
  | 'resolveUncertain';

export type Campaign = {
  id: string;
  kind: CampaignKind;
  stream: CampaignStream;
  name: string;
  subject: string;
  bodyHtml: string;
  bodyText: string;
  lists: { id: string; name: string }[];
  state: CampaignState;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  recipientCount: number;
  counts: RecipientCounts;
  stats: { unsubscribes: number; hardBounces: number };
  pauseReason: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  createdAt: string;
  updatedAt: string;
  abilities: Abilities<CampaignAbility>;
};

export type CampaignInput = {
  kind: CampaignKind;
  name?: string;
  subject: string;
  bodyHtml: string;
  listIds: string[];
};

export type Progress = RecipientCounts & {
  id: string;
  state: CampaignState;
  total: number;
  percent: number;
  ratePerSecond: number;
  etaSeconds: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
  pauseReason: string | null;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
};

export type UncertainRecipient = {
  contactId: string;
  email: string;
  name: string;
  attempts: number;
  lastError: string | null;
  since: string;
};

export type TestResult = { email: string; state: 'sent' | 'suppressed' | 'failed'; error: string | null };

export type Page<T> = { items: T[]; total: number };
