import { type ExpressionBuilder, sql } from 'kysely';
import { type StoryKind, type StoryState, storyStates } from '../../../shared/stories.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import type { StoryFacts } from './policy.ts';

type Eb = ExpressionBuilder<Database, 'stories'>;

/**
 * The read policy of policy.ts as a WHERE clause, so lists, search and counts never filter in
 * memory. Keep the two in step: the policy table test checks one, the visibility tests the other.
 */
export function visibleStories(eb: Eb, actor: Actor | null, nowIso: string) {
  if (!actor) return eb.val(false);
  const correspondentLabs = [...actor.correspondentLabIds];
  const officerDelegations = [...actor.delegationIds];
  const ofLabs = (labIds: string[]) =>
    eb.exists(
      eb
        .selectFrom('story_labs')
        .select('story_labs.lab_id')
        .whereRef('story_labs.story_id', '=', 'stories.id')
        .where('story_labs.lab_id', 'in', labIds),
    );
  const ofDelegations = (delegationIds: string[]) =>
    eb.exists(
      eb
        .selectFrom('story_labs')
        .innerJoin('labs', 'labs.id', 'story_labs.lab_id')
        .select('story_labs.lab_id')
        .whereRef('story_labs.story_id', '=', 'stories.id')
        .where('labs.delegation_id', 'in', delegationIds),
    );
  const handlerOnceSent = [];
  if (actor.roles.has('cell')) handlerOnceSent.push(eb.val(true));
  if (actor.roles.has('dircom')) {
    handlerOnceSent.push(
      eb.exists(
        eb
          .selectFrom('relays')
          .innerJoin('channels', 'channels.id', 'relays.channel_id')
          .select('relays.id')
          .whereRef('relays.story_id', '=', 'stories.id')
          .where('channels.scope', '=', 'national'),
      ),
    );
  }
  const acceptedOrOfficer = officerDelegations.length
    ? eb.or([eb('stories.state', '=', 'accepted'), ofDelegations(officerDelegations)])
    : eb('stories.state', '=', 'accepted');
  const lifted = eb.or([eb('stories.embargo_until', 'is', null), eb('stories.embargo_until', '<=', nowIso)]);
  const labSide = [eb('stories.author_id', '=', actor.id)];
  if (correspondentLabs.length) labSide.push(ofLabs(correspondentLabs));
  return eb.and([
    eb('stories.deleted_at', 'is', null),
    eb.or([
      ...labSide,
      eb.and([
        eb('stories.state', '!=', 'draft'),
        eb.or([...handlerOnceSent, eb.and([lifted, acceptedOrOfficer])]),
      ]),
    ]),
  ]);
}

export type StoryFilter = {
  state?: StoryState[] | undefined;
  lab?: string | undefined;
  delegation?: string | undefined;
  kind?: StoryKind | undefined;
  theme?: string | undefined;
  mine?: boolean | undefined;
};

export function applyStoryFilters(eb: Eb, actor: Actor | null, filter: StoryFilter) {
  const conditions = [];
  if (filter.state?.length) {
    // Literals in a canonical order (the values are checked against storyStates by the schema):
    // the partial index of the review queue applies only to a query that states its predicate.
    const states = storyStates.filter((state) => filter.state!.includes(state));
    conditions.push(sql<boolean>`stories.state in (${sql.join(states.map((state) => sql.lit(state)))})`);
  }
  if (filter.kind) conditions.push(eb('stories.kind', '=', filter.kind));
  if (filter.lab) {
    const lab = filter.lab;
    conditions.push(
      eb.exists(
        eb
          .selectFrom('story_labs')
          .select('story_labs.lab_id')
          .whereRef('story_labs.story_id', '=', 'stories.id')
          .where('story_labs.lab_id', '=', lab),
      ),
    );
  }
  if (filter.delegation) {
    const delegation = filter.delegation;
    conditions.push(
      eb.exists(
        eb
          .selectFrom('story_labs')
          .innerJoin('labs', 'labs.id', 'story_labs.lab_id')
          .select('story_labs.lab_id')
          .whereRef('story_labs.story_id', '=', 'stories.id')
          .where('labs.delegation_id', '=', delegation),
      ),
    );
  }
  if (filter.theme) {
    const theme = filter.theme;
    conditions.push(
      eb.exists(
        eb
          .selectFrom('story_tags')
          .select('story_tags.tag')
          .whereRef('story_tags.story_id', '=', 'stories.id')
          .where('story_tags.tag', '=', theme),
      ),
    );
  }
  if (filter.mine && actor) conditions.push(eb('stories.author_id', '=', actor.id));
  return eb.and(conditions);
}

export async function findStory(db: Db, id: string) {
  return db
    .selectFrom('stories')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Labs, delegations and relays of a page of stories — what policies and presenters need — in three queries. */
export async function loadStoryRelations(db: Db, storyIds: string[]) {
  const labs = new Map<string, Array<{ id: string; acronym: string; name: string; delegationId: string }>>();
  const relays = new Map<string, Array<RelayRow>>();
  const attachments = new Map<string, number>();
  if (storyIds.length === 0) return { labs, relays, attachments };
  const [labRows, relayRows, attachmentRows] = await Promise.all([
    db
      .selectFrom('story_labs')
      .innerJoin('labs', 'labs.id', 'story_labs.lab_id')
      .select(['story_labs.story_id', 'labs.id', 'labs.acronym', 'labs.name', 'labs.delegation_id'])
      .where('story_labs.story_id', 'in', storyIds)
      .execute(),
    db
      .selectFrom('relays')
      .innerJoin('channels', 'channels.id', 'relays.channel_id')
      .select([
        'relays.id',
        'relays.story_id',
        'relays.state',
        'relays.url',
        'relays.published_on',
        'relays.reason',
        'relays.updated_at',
        'channels.id as channel_id',
        'channels.slug as channel_slug',
        'channels.name_fr as channel_name_fr',
        'channels.name_en as channel_name_en',
        'channels.scope as channel_scope',
        'channels.delegation_id as channel_delegation_id',
      ])
      .where('relays.story_id', 'in', storyIds)
      .orderBy('channels.position')
      .execute(),
    db
      .selectFrom('story_attachments')
      .select((eb) => ['story_id', eb.fn.countAll<number>().as('count')])
      .where('story_id', 'in', storyIds)
      .groupBy('story_id')
      .execute(),
  ]);
  for (const row of labRows) {
    const list = labs.get(row.story_id) ?? [];
    list.push({ id: row.id, acronym: row.acronym, name: row.name, delegationId: row.delegation_id });
    labs.set(row.story_id, list);
  }
  for (const row of relayRows) {
    const list = relays.get(row.story_id) ?? [];
    list.push(row);
    relays.set(row.story_id, list);
  }
  for (const row of attachmentRows) attachments.set(row.story_id, Number(row.count));
  return { labs, relays, attachments };
}

export type RelayRow = {
  id: string;
  story_id: string;
  state: string;
  url: string;
  published_on: string | null;
  reason: string;
  updated_at: string;
  channel_id: string;
  channel_slug: string;
  channel_name_fr: string;
  channel_name_en: string;
  channel_scope: string;
  channel_delegation_id: string | null;
};

export function storyFacts(
  story: StoryFacts extends infer F ? Omit<F, 'labIds' | 'delegationIds' | 'relays'> : never,
  relations: Awaited<ReturnType<typeof loadStoryRelations>>,
): StoryFacts {
  const labs = relations.labs.get(story.id) ?? [];
  return {
    ...story,
    labIds: labs.map((lab) => lab.id),
    delegationIds: [...new Set(labs.map((lab) => lab.delegationId))],
    relays: (relations.relays.get(story.id) ?? []).map((relay) => ({
      scope: relay.channel_scope,
      delegationId: relay.channel_delegation_id,
    })),
  };
}
