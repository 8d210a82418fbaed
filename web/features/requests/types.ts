/** Shapes of the requests and solicitations API (docs/api-requests.md). */
import type {
  AnswerKind,
  ReminderState,
  RequestKind,
  RequestOrigin,
  RequestState,
  RequestTargetMode,
  SolicitationState,
  TargetState,
} from '../../../shared/requests.ts';
import type { Abilities, LabRef } from '../../app/types.ts';

export type PersonRef = { id: string; name: string };

export type Deadline = { at: string; date: string; time: string; timeZone: string };
export type DeadlineInput = { date: string; time: string; timeZone: string };

export type Targets = {
  mode: RequestTargetMode;
  delegationId: string | null;
  labIds: string[];
  personIds: string[];
};

export type BoardSummary = {
  labs: number;
  notSeen: number;
  seen: number;
  answered: number;
  declined: number;
  late: number;
};

export type RequestAbility =
  | 'forward'
  | 'answerByCell'
  | 'decline'
  | 'answer'
  | 'markSeen'
  | 'markUsed'
  | 'close'
  | 'handleReminders'
  | 'readHistory';

export type Request = {
  id: string;
  number: number;
  kind: RequestKind;
  title: string;
  state: RequestState;
  origin: RequestOrigin;
  requester: PersonRef;
  delegationId: string | null;
  deadline: Deadline;
  isOverdue: boolean;
  reminderDays: number[];
  targets: Targets;
  cellContext: string;
  routedAt: string | null;
  routedBy: PersonRef | null;
  decidedAt: string | null;
  decidedBy: PersonRef | null;
  decisionReason: string;
  closedAt: string | null;
  closedBy: PersonRef | null;
  solicitationId: string | null;
  createdAt: string;
  updatedAt: string;
  summary: BoardSummary | null;
  myLabs: { lab: LabRef; state: TargetState; isLate: boolean }[];
  abilities: Abilities<RequestAbility>;
};

export type Reminder = {
  id: string;
  step: number;
  state: ReminderState;
  sentAt: string | null;
  lastError: string | null;
  abilities: Abilities<'resend' | 'markSent'>;
};

export type BoardRow = {
  lab: LabRef;
  state: TargetState;
  seenAt: string | null;
  answeredAt: string | null;
  isLate: boolean;
  answerCount: number;
  namedCorrespondents: PersonRef[];
  reminders: Reminder[];
};

export type AnswerFile = {
  id: string;
  kind: 'image' | 'document';
  originalName: string;
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  createdAt: string;
  urls: { file: string; thumb: string | null };
};

export type Answer = {
  id: string;
  lab: LabRef;
  author: PersonRef;
  kind: AnswerKind;
  body: string;
  expert: { id: string; name: string; email: string; labAcronym: string | null } | null;
  stories: { id: string; title: string }[];
  links: { label: string; url: string }[];
  files: AnswerFile[];
  isLate: boolean;
  usedAt: string | null;
  usedBy: PersonRef | null;
  createdAt: string;
  abilities: Abilities<'markUsed' | 'unmarkUsed' | 'addFile'>;
};

export type RequestDetail = Request & { bodyHtml: string; board: BoardRow[]; answers: Answer[] };

export type RequestsPage = { items: Request[]; total: number };

export type TargetsInput = {
  targetMode: RequestTargetMode;
  delegationId?: string;
  labIds?: string[];
  personIds?: string[];
};

export type RequestInput = TargetsInput & {
  kind: RequestKind;
  title: string;
  bodyHtml?: string;
  deadline: DeadlineInput;
  reminderDays?: number[];
};

export type AnswerInput = {
  labId?: string;
  kind: AnswerKind;
  body?: string;
  expertPersonId?: string | null;
  storyIds?: string[];
  links?: { label: string; url: string }[];
};

export type Solicitation = {
  id: string;
  lab: { id: string; acronym: string };
  recordedBy: PersonRef;
  requesterName: string;
  requesterOrganisation: string;
  contactedPerson: PersonRef | null;
  contactedName: string;
  contactedOn: string;
  subject: string;
  asked: string;
  state: SolicitationState;
  requestId: string | null;
  handledAt: string | null;
  handledBy: PersonRef | null;
  createdAt: string;
  abilities: Abilities<'route' | 'dismiss'>;
};

export type SolicitationsPage = { items: Solicitation[]; total: number };

export type SolicitationInput = {
  labId?: string;
  requesterOrganisation: string;
  subject: string;
  requesterName?: string;
  contactedPersonId?: string | null;
  contactedName?: string;
  contactedOn?: string;
  asked?: string;
};
