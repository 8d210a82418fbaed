import { Type } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.ts';
import type { Campaign, NewsletterIssue } from '../../db/schema.ts';
import { Abilities } from '../../lib/schemas.ts';
import type { Actor } from '../auth/actor.ts';
import { countRecipients, listNames, type RecipientCounts } from '../campaigns/queries.ts';
import { isEmbargoed, storyPolicy } from '../stories/policy.ts';
import { loadStoryRelations, storyFacts } from '../stories/queries.ts';
import { archiveUrlOf } from './compose.ts';
import { ownedCampaignAbilities } from './policy.ts';
import { type IssueItemRow, issueItems, labsOfStories } from './queries.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** The campaign an object owns, as the composer needs it (the full campaign is at /api/campaigns/:id). */
export const OwnedCampaignSchema = Type.Object({
  id: Type.String(),
  state: Type.String(),
  subject: Type.String(),
  lists: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  scheduledAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  recipientCount: Type.Integer(),
  sent: Type.Integer(),
  lastError: Nullable(Type.String()),
});

export function presentOwnedCampaign(
  campaign: Campaign,
  counts: RecipientCounts,
  names: Map<string, string>,
) {
  return {
    id: campaign.id,
    state: campaign.state,
    subject: campaign.subject,
    lists: campaign.list_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
    scheduledAt: campaign.scheduled_at,
    finishedAt: campaign.finished_at,
    recipientCount: campaign.recipient_count,
    sent: counts.sent,
    lastError: campaign.last_error,
  };
}

export const EmbargoSchema = Type.Union([
  Type.Null(),
  Type.Object({ until: Type.String(), timeZone: Nullable(Type.String()), isActive: Type.Boolean() }),
]);
export const embargoOf = (
  story: { embargo_until: string | null; embargo_time_zone: string | null },
  now: Date,
) =>
  story.embargo_until
    ? { until: story.embargo_until, timeZone: story.embargo_time_zone, isActive: isEmbargoed(story, now) }
    : null;

const ItemSchema = Type.Object({
  storyId: Type.String(),
  section: Type.String(),
  position: Type.Integer(),
  /** false: the viewer may not read this story yet (embargo); title and summary are then empty */
  isVisible: Type.Boolean(),
  title: Type.String(),
  summary: Type.String(),
  labs: Type.Array(Type.String()),
  embargo: EmbargoSchema,
  relay: Type.Union([Type.Null(), Type.Object({ id: Type.String(), state: Type.String() })]),
});

export const IssueSchema = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  editoHtml: Type.String(),
  /** issue state: the campaign's, `published` once it is sent */
  state: Type.String(),
  sections: Type.Array(
    Type.Object({ key: Type.String(), title: Type.String(), items: Type.Array(ItemSchema) }),
  ),
  campaign: OwnedCampaignSchema,
  archiveUrl: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  abilities: Abilities,
});

/** Which stories of these items the actor may read now (the stories' own read policy). */
export async function readableStories(ctx: AppContext, actor: Actor | null, items: IssueItemRow[]) {
  const relations = await loadStoryRelations(
    ctx.db,
    items.map((item) => item.id),
  );
  const now = ctx.now();
  return new Set(
    items.filter((item) => storyPolicy.read(actor, storyFacts(item, relations), now)).map((item) => item.id),
  );
}

export async function presentIssues(ctx: AppContext, actor: Actor | null, issues: NewsletterIssue[]) {
  if (issues.length === 0) return [];
  const campaignIds = issues.map((issue) => issue.campaign_id);
  const [campaigns, counts, items] = await Promise.all([
    ctx.db.selectFrom('campaigns').selectAll().where('id', 'in', campaignIds).execute(),
    countRecipients(ctx.db, campaignIds),
    issueItems(
      ctx.db,
      issues.map((issue) => issue.id),
    ),
  ]);
  const [labs, readable, names] = await Promise.all([
    labsOfStories(
      ctx.db,
      items.map((item) => item.id),
    ),
    readableStories(ctx, actor, items),
    listNames(ctx.db, [...new Set(campaigns.flatMap((campaign) => campaign.list_ids))]),
  ]);
  const now = ctx.now();
  return issues.map((issue) => {
    const campaign = campaigns.find((row) => row.id === issue.campaign_id)!;
    const campaignCounts = counts.get(campaign.id)!;
    const own = items.filter((item) => item.issue_id === issue.id);
    return {
      id: issue.id,
      number: issue.number,
      title: issue.title,
      editoHtml: issue.edito_html,
      state: campaign.state === 'sent' ? 'published' : campaign.state,
      sections: issue.sections.map((section) => ({
        key: section.key,
        title: section.title,
        items: own
          .filter((item) => item.section === section.key)
          .map((item) => {
            const isVisible = readable.has(item.id);
            return {
              storyId: item.id,
              section: item.section,
              position: item.position,
              isVisible,
              title: isVisible ? item.title : '',
              summary: isVisible ? item.summary : '',
              labs: labs.get(item.id) ?? [],
              embargo: isVisible ? embargoOf(item, now) : null,
              relay: item.relay_id ? { id: item.relay_id, state: item.relay_state ?? '' } : null,
            };
          }),
      })),
      campaign: presentOwnedCampaign(campaign, campaignCounts, names),
      archiveUrl: issue.published_at ? archiveUrlOf(ctx.config.publicUrl, issue) : null,
      publishedAt: issue.published_at,
      createdAt: issue.created_at,
      updatedAt: issue.updated_at,
      abilities: ownedCampaignAbilities(actor, { state: campaign.state, ...campaignCounts }),
    };
  });
}
