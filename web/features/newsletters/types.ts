/** Shapes of the newsletter API (server/features/newsletters/present.ts, routes.ts). */
import type { IssueState } from '../../../shared/newsletters.ts';
import type { Abilities } from '../../app/types.ts';
import type { CampaignAbility } from '../campaigns/types.ts';

export type Embargo = { until: string; timeZone: string | null; isActive: boolean } | null;

export type IssueItem = {
  storyId: string;
  section: string;
  position: number;
  /** false: the viewer may not read this story yet (embargo); title and summary are empty */
  isVisible: boolean;
  title: string;
  summary: string;
  labs: string[];
  embargo: Embargo;
  relay: { id: string; state: string } | null;
};

export type IssueSection = { key: string; title: string; items: IssueItem[] };

export type OwnedCampaign = {
  id: string;
  state: string;
  subject: string;
  lists: { id: string; name: string }[];
  scheduledAt: string | null;
  finishedAt: string | null;
  recipientCount: number;
  sent: number;
  lastError: string | null;
};

export type Issue = {
  id: string;
  number: number;
  title: string;
  editoHtml: string;
  state: IssueState;
  sections: IssueSection[];
  campaign: OwnedCampaign;
  archiveUrl: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  abilities: Abilities<CampaignAbility | 'preview'>;
};

export type Candidate = {
  storyId: string;
  title: string;
  summary: string;
  labs: string[];
  embargo: Embargo;
  relay: { id: string; state: string; relayedAt: string };
};

export type IssuePatch = {
  title?: string;
  editoHtml?: string;
  sections?: { key?: string; title: string }[];
  items?: { storyId: string; section: string }[];
  listIds?: string[];
};
