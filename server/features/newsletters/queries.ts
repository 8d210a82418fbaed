import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Campaign, NewsletterIssue } from '../../db/schema.ts';

/** The channel every issue draws from, by its slug (see stories/default-channels.ts). */
export const newsletterChannelSlug = 'newsletter';

export async function findIssue(db: Db, id: string): Promise<NewsletterIssue | undefined> {
  return db.selectFrom('newsletter_issues').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findIssueByCampaign(db: Db, campaignId: string): Promise<NewsletterIssue | undefined> {
  return db
    .selectFrom('newsletter_issues')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
}

export async function findCampaignOf(db: Db, campaignId: string): Promise<Campaign> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', campaignId).executeTakeFirstOrThrow();
}

export async function listIssues(db: Db, page: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('newsletter_issues')
      .selectAll()
      .orderBy('number', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db.selectFrom('newsletter_issues').select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.count) };
}

export async function nextIssueNumber(db: Db): Promise<number> {
  const row = await db
    .selectFrom('newsletter_issues')
    .select(sql<number | null>`max(number)`.as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** The columns of a story an issue shows, with its newsletter relay. */
const itemStoryColumns = [
  'stories.id',
  'stories.seq',
  'stories.title',
  'stories.summary',
  'stories.body_html',
  'stories.state',
  'stories.author_id',
  'stories.embargo_until',
  'stories.embargo_time_zone',
  'stories.deleted_at',
] as const;

function newsletterRelay(db: Db) {
  return db
    .selectFrom('relays')
    .innerJoin('channels', 'channels.id', 'relays.channel_id')
    .where('channels.slug', '=', newsletterChannelSlug);
}

/** The items of issues in order, with their stories and the stories' newsletter relays. */
export async function issueItems(db: Db, issueIds: string[]) {
  if (issueIds.length === 0) return [];
  const rows = await db
    .selectFrom('newsletter_items as i')
    .innerJoin('stories', 'stories.id', 'i.story_id')
    .select(['i.issue_id', 'i.section', 'i.position'])
    .select(itemStoryColumns)
    .select((eb) => [
      eb
        .selectFrom('relays')
        .innerJoin('channels', 'channels.id', 'relays.channel_id')
        .select('relays.id')
        .whereRef('relays.story_id', '=', 'stories.id')
        .where('channels.slug', '=', newsletterChannelSlug)
        .limit(1)
        .as('relay_id'),
      eb
        .selectFrom('relays')
        .innerJoin('channels', 'channels.id', 'relays.channel_id')
        .select('relays.state')
        .whereRef('relays.story_id', '=', 'stories.id')
        .where('channels.slug', '=', newsletterChannelSlug)
        .limit(1)
        .as('relay_state'),
    ])
    .where('i.issue_id', 'in', issueIds)
    .orderBy('i.issue_id')
    .orderBy('i.position')
    .execute();
  return rows;
}
export type IssueItemRow = Awaited<ReturnType<typeof issueItems>>[number];

/**
 * Stories an issue may take: accepted, relayed to the newsletter channel (proposed or sent), in no
 * issue yet. Embargoed ones are listed (with their embargo) — they may be scheduled after it lifts.
 */
export async function listCandidates(
  db: Db,
  page: { limit: number; offset: number },
  /** for someone who does not handle the stories (an admin): only those whose embargo has lifted at this time */
  liftedAt?: string,
) {
  let base = db
    .selectFrom('stories')
    .innerJoin('relays', 'relays.story_id', 'stories.id')
    .innerJoin('channels', 'channels.id', 'relays.channel_id')
    .where('channels.slug', '=', newsletterChannelSlug)
    .where('relays.state', 'in', ['proposed', 'sent'])
    .where('stories.state', '=', 'accepted')
    .where('stories.deleted_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('newsletter_items').select('story_id').whereRef('story_id', '=', 'stories.id'),
        ),
      ),
    );
  if (liftedAt)
    base = base.where((eb) =>
      eb.or([eb('stories.embargo_until', 'is', null), eb('stories.embargo_until', '<=', liftedAt)]),
    );
  const [items, total] = await Promise.all([
    base
      .select(itemStoryColumns)
      .select(['relays.id as relay_id', 'relays.state as relay_state', 'relays.created_at as relayed_at'])
      .orderBy('relays.created_at', 'desc')
      .orderBy('stories.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.count) };
}

/** Which of these stories an issue may take now (candidates, or already in this issue). */
export async function pickableStoryIds(db: Db, issueId: string, storyIds: string[]): Promise<Set<string>> {
  if (storyIds.length === 0) return new Set();
  const rows = await newsletterRelay(db)
    .innerJoin('stories', 'stories.id', 'relays.story_id')
    .select('stories.id')
    .where('stories.id', 'in', storyIds)
    .where('stories.state', '=', 'accepted')
    .where('stories.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('relays.state', 'in', ['proposed', 'sent']),
        eb.exists(
          eb
            .selectFrom('newsletter_items')
            .select('story_id')
            .whereRef('story_id', '=', 'stories.id')
            .where('issue_id', '=', issueId),
        ),
      ]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('newsletter_items')
            .select('story_id')
            .whereRef('story_id', '=', 'stories.id')
            .where('issue_id', '!=', issueId),
        ),
      ),
    )
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Lab acronyms of stories, in one query. */
export async function labsOfStories(db: Db, storyIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (storyIds.length === 0) return map;
  const rows = await db
    .selectFrom('story_labs')
    .innerJoin('labs', 'labs.id', 'story_labs.lab_id')
    .select(['story_labs.story_id', 'labs.acronym'])
    .where('story_labs.story_id', 'in', storyIds)
    .orderBy('labs.acronym')
    .execute();
  for (const row of rows) map.set(row.story_id, [...(map.get(row.story_id) ?? []), row.acronym]);
  return map;
}

/** Published issues (their campaign sent), newest first: the public archive. */
export async function listPublishedIssues(db: Db) {
  return db
    .selectFrom('newsletter_issues')
    .selectAll()
    .where('published_at', 'is not', null)
    .orderBy('number', 'desc')
    .execute();
}

export async function findPublishedIssue(db: Db, number: number) {
  return db
    .selectFrom('newsletter_issues')
    .selectAll()
    .where('number', '=', number)
    .where('published_at', 'is not', null)
    .executeTakeFirst();
}
