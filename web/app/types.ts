/** Shapes of the JSON API (GET /api/openapi.json). Abilities come with every object. */
import type { AccountStatus, Locale, RoleName } from '../../shared/roles.ts';

export type Abilities<K extends string> = Partial<Record<K, boolean>>;

export type LabRef = { id: string; acronym: string; name: string };
export type DelegationRef = { id: string; code: string; name: string };
export type LocalizedName = { fr: string; en: string };

export type RoleView = { role: RoleName; lab: LabRef | null; delegation: DelegationRef | null };

export type MeAbility =
  | 'manageUsers'
  | 'manageDirectory'
  | 'manageSkills'
  | 'readOutbox'
  | 'manageJobs'
  | 'sendTips'
  | 'readTips'
  | 'writeStories'
  | 'reviewStories'
  | 'askLabs'
  | 'routeRequests'
  | 'answerRequests'
  | 'recordSolicitations'
  | 'readSolicitations'
  | 'manageCampaigns';
export type Me = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  name: string;
  jobTitle: string;
  locale: Locale | string;
  lab: LabRef | null;
  roles: RoleView[];
  abilities: Abilities<MeAbility>;
};

export type PersonAbility =
  | 'readContact'
  | 'readHistory'
  | 'updateProfile'
  | 'updateAccount'
  | 'invite'
  | 'disable'
  | 'enable'
  | 'delete';
export type SkillRef = { id: string; slug: string; name: LocalizedName };
export type Person = {
  id: string;
  firstName: string;
  lastName: string;
  name: string;
  jobTitle: string;
  lab: LabRef | null;
  delegation: DelegationRef | null;
  roles: RoleView[];
  skills: SkillRef[];
  languages: string[];
  isMediaTrained: boolean;
  photoUrl: string | null;
  email: string | null;
  phone: string | null;
  accountStatus?: AccountStatus;
  lastLoginAt?: string | null;
  abilities: Abilities<PersonAbility>;
};
export type PeoplePage = { items: Person[]; total: number };

export type LabKind = 'lab' | 'platform';
export type LabAbility = 'update' | 'updateIdentity' | 'delete' | 'readHistory';
export type Lab = {
  id: string;
  acronym: string;
  name: string;
  kind: LabKind;
  city: string;
  site: string;
  region: string;
  delegation: DelegationRef | null;
  partners: string[];
  themes: string[];
  website: string;
  logoUrl: string | null;
  latitude: number | null;
  longitude: number | null;
  peopleCount: number;
  correspondents: { id: string; name: string; jobTitle: string }[];
  abilities: Abilities<LabAbility>;
};

export type Delegation = {
  id: string;
  code: string;
  name: string;
  city: string;
  labCount: number;
  abilities: Abilities<'update' | 'delete'>;
};

export type Skill = {
  id: string;
  slug: string;
  name: LocalizedName;
  category: string;
  peopleCount: number;
  abilities: Abilities<'update' | 'delete'>;
};

export type HistoryEntry = {
  id: string;
  action: string;
  at: string;
  actor: { id: string; name: string } | null;
  data: Record<string, unknown>;
};

export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
};

export type OutboxItem = {
  id: string;
  stream: string;
  from: string;
  to: string;
  subject: string;
  createdAt: string;
};
export type OutboxMessage = OutboxItem & {
  text: string;
  html: string | null;
  headers: Record<string, string>;
};

export type DemoAccount = {
  email: string;
  password: string;
  name: string;
  roles: string[];
  lab: string | null;
  label: LocalizedName;
};

export type Items<T> = { items: T[] };
