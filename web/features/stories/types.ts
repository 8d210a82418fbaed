/** Shapes of the stories, tips and notifications API (GET /api/openapi.json). */
import type { RelayState, StoryKind, StoryState, TipState } from '../../../shared/stories.ts';
import type { Abilities, LabRef, LocalizedName } from '../../app/types.ts';

export type PersonRef = { id: string; name: string };

export type StoryAbility =
  | 'update'
  | 'delete'
  | 'submit'
  | 'review'
  | 'requestChanges'
  | 'accept'
  | 'decline'
  | 'comment'
  | 'relay'
  | 'readHistory';

export type RelayAbility = 'markSent' | 'markPublished' | 'markNotTaken';

export type ChannelScope = 'institute' | 'national' | 'regional' | 'other';

export type Relay = {
  id: string;
  channel: { id: string; slug: string; name: LocalizedName; scope: ChannelScope | string };
  state: RelayState;
  url: string;
  publishedOn: string | null;
  reason: string;
  updatedAt: string;
  abilities: Abilities<RelayAbility>;
};

export type Embargo = {
  /** ISO instant in UTC. */
  until: string;
  date: string;
  time: string;
  timeZone: string;
  isActive: boolean;
};

export type Researcher = { name: string; email: string };
export type StoryLink = { label: string; url: string };

export type Story = {
  id: string;
  kind: StoryKind;
  title: string;
  summary: string;
  /** Sanitized on the server; only on GET /api/stories/:id. */
  bodyHtml?: string;
  state: StoryState;
  eventDate: string | null;
  eventEndDate: string | null;
  embargo: Embargo | null;
  themes: string[];
  projects: string[];
  researchers: Researcher[];
  links: StoryLink[];
  proposedChannels: string[];
  author: PersonRef;
  labs: LabRef[];
  relays: Relay[];
  submittedAt: string | null;
  decidedAt: string | null;
  decisionReason: string;
  createdAt: string;
  updatedAt: string;
  attachmentCount: number;
  /** Search results only: matches wrapped in U+0002 … U+0003. */
  excerpt?: string | null;
  abilities: Abilities<StoryAbility>;
};

/** `total` stops at 1,000 (`isTotalCapped`): counting further costs as much as listing. */
export type StoriesPage = { items: Story[]; total: number; isTotalCapped?: boolean };

/** Body of POST /api/stories and PATCH /api/stories/:id. */
export type StoryInput = {
  kind: StoryKind;
  title: string;
  summary: string;
  bodyHtml: string;
  eventDate: string | null;
  eventEndDate: string | null;
  labIds: string[];
  themes: string[];
  projects: string[];
  researchers: Researcher[];
  links: StoryLink[];
  proposedChannels: string[];
  embargo: { date: string; time: string; timeZone: string } | null;
};

export type Channel = {
  id: string;
  slug: string;
  name: LocalizedName;
  scope: ChannelScope | string;
  delegation: { id: string; code: string; name: string } | null;
  isActive: boolean;
  abilities: Abilities<'update'>;
};

export type Attachment = {
  id: string;
  kind: 'image' | 'document';
  originalName: string;
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  caption: string;
  credit: string;
  licence: string;
  showsPeople: boolean;
  hasConsent: boolean;
  position: number;
  createdAt: string;
  urls: { file: string; thumb: string | null };
  abilities: Abilities<'update' | 'delete'>;
};

export type AttachmentFields = Partial<
  Pick<Attachment, 'caption' | 'credit' | 'licence' | 'showsPeople' | 'hasConsent'>
>;

export type StoryComment = {
  id: string;
  body: string;
  author: PersonRef;
  mentions: PersonRef[];
  createdAt: string;
  abilities: Abilities<'delete'>;
};

export type Tip = {
  id: string;
  what: string;
  when: string;
  who: string;
  state: TipState;
  author: PersonRef;
  lab: { id: string; acronym: string };
  photoUrl: string | null;
  storyId: string | null;
  response: string;
  handledAt: string | null;
  createdAt: string;
  abilities: Abilities<'convert' | 'dismiss'>;
};

export type TipsPage = { items: Tip[]; total: number };

export type NotificationKind =
  | 'story_submitted'
  | 'story_changes_requested'
  | 'story_accepted'
  | 'story_declined'
  | 'story_relayed'
  | 'relay_published'
  | 'relay_not_taken'
  | 'comment'
  | 'mention'
  | 'tip_received'
  | 'tip_answered';

export type AppNotification = {
  id: string;
  kind: NotificationKind | string;
  storyId: string | null;
  actor: PersonRef | null;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
};

export type NotificationsPage = { items: AppNotification[]; unreadCount: number };
