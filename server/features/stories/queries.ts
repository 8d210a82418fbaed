import { type ExpressionBuilder, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import { type RelayState, type StoryKind, type StoryState, storyStates } from '../../../shared/stories.ts';
import type { Db, Dialect } from '../../db/connection.ts';
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
  // The cell sees every sent story: its branch is a plain state test, which the planner can read.
  const isCell = actor.roles.has('cell');
  const handlerOnceSent = [];
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
  const sent = eb('stories.state', '!=', 'draft');
  return eb.and([
    eb('stories.deleted_at', 'is', null),
    eb.or([
      ...labSide,
      isCell ? sent : eb.and([sent, eb.or([...handlerOnceSent, eb.and([lifted, acceptedOrOfficer])])]),
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
  /** Stories relayed to a channel of this scope ("national": the Dircom contacts' view). */
  relayScope?: Database['channels']['scope'] | undefined;
  /** …whose relay there is in one of these states (e.g. proposed, sent: still to handle). */
  relayState?: RelayState[] | undefined;
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
  // `id in (…)` rather than `exists`: the planner may then start from the lab's (or theme's)
  // stories instead of testing every story of the list.
  if (filter.lab) {
    const lab = filter.lab;
    conditions.push(
      eb(
        'stories.id',
        'in',
        eb.selectFrom('story_labs').select('story_labs.story_id').where('story_labs.lab_id', '=', lab),
      ),
    );
  }
  if (filter.delegation) {
    const delegation = filter.delegation;
    conditions.push(
      eb(
        'stories.id',
        'in',
        eb
          .selectFrom('story_labs')
          .innerJoin('labs', 'labs.id', 'story_labs.lab_id')
          .select('story_labs.story_id')
          .where('labs.delegation_id', '=', delegation),
      ),
    );
  }
  if (filter.theme) {
    const theme = filter.theme;
    conditions.push(
      eb(
        'stories.id',
        'in',
        eb.selectFrom('story_tags').select('story_tags.story_id').where('story_tags.tag', '=', theme),
      ),
    );
  }
  if (filter.mine && actor) conditions.push(eb('stories.author_id', '=', actor.id));
  if (filter.relayScope || filter.relayState?.length) {
    let relays = eb
      .selectFrom('relays')
      .innerJoin('channels', 'channels.id', 'relays.channel_id')
      .select('relays.story_id');
    if (filter.relayScope) relays = relays.where('channels.scope', '=', filter.relayScope);
    if (filter.relayState?.length) relays = relays.where('relays.state', 'in', filter.relayState);
    conditions.push(eb('stories.id', 'in', relays));
  }
  return eb.and(conditions);
}

/** The columns of a story a list shows: all but its body (and never PostgreSQL's search vector). */
export const storyListColumns = [
  'stories.id',
  'stories.seq',
  'stories.kind',
  'stories.title',
  'stories.summary',
  'stories.state',
  'stories.event_date',
  'stories.event_end_date',
  'stories.embargo_until',
  'stories.embargo_time_zone',
  'stories.themes',
  'stories.projects',
  'stories.researchers',
  'stories.links',
  'stories.proposed_channels',
  'stories.author_id',
  'stories.primary_lab_id',
  'stories.tip_id',
  'stories.submitted_at',
  'stories.decided_at',
  'stories.decided_by',
  'stories.decision_reason',
  'stories.created_at',
  'stories.updated_at',
  'stories.deleted_at',
] as const;
const storyColumns = [...storyListColumns, 'stories.body_html', 'stories.body_text'] as const;

export async function findStory(db: Db, id: string) {
  return db
    .selectFrom('stories')
    .select(storyColumns)
    .where('stories.id', '=', id)
    .where('stories.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** A story with everything it shows (labs, relays, attachment count, author), in one query. */
export async function findStoryWithRelations(db: Db, id: string) {
  const row = await db
    .selectFrom('stories')
    .select(storyColumns)
    .select(storyRelationColumns(dialectOf(db)))
    .where('stories.id', '=', id)
    .where('stories.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { labs_json, relays_json, attachment_count, author_name, ...story } = row;
  return { story, relations: storyRelationsOf([row]) };
}

/** The dialect of a connection or transaction (functions that take only `db` still need it for JSON). */
export const dialectOf = (db: Db): Dialect =>
  db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';

type StoryLab = { id: string; acronym: string; name: string; city: string; delegationId: string };
export type StoryRelations = {
  labs: Map<string, StoryLab[]>;
  relays: Map<string, RelayRow[]>;
  attachments: Map<string, number>;
  /** author id → "First Last" */
  authors: Map<string, string>;
};

/**
 * What a story row needs besides its own columns — its labs, its relays with their channels, its
 * attachment count and its author's name — as four correlated subqueries of the row's own query:
 * JSON aggregates, so a page of stories and everything it shows is one query on both databases.
 * Selected on `stories`; evaluated only for the rows returned.
 */
export function storyRelationColumns(dialect: Dialect) {
  return relationColumns[dialect];
}

function makeRelationColumns(dialect: Dialect) {
  const isPostgres = dialect === 'postgres';
  const array = (object: RawBuilder<unknown>, order: RawBuilder<unknown>) =>
    isPostgres
      ? sql`coalesce(json_agg(${object} order by ${order}), '[]')`
      : sql`json_group_array(${object} order by ${order})`;
  const object = (fields: Record<string, RawBuilder<unknown>>) => {
    const pairs = Object.entries(fields).map(([key, value]) => sql`${sql.lit(key)}, ${value}`);
    return isPostgres ? sql`json_build_object(${sql.join(pairs)})` : sql`json_object(${sql.join(pairs)})`;
  };
  const labs = object({
    id: sql.ref('labs.id'),
    acronym: sql.ref('labs.acronym'),
    name: sql.ref('labs.name'),
    city: sql.ref('labs.city'),
    delegationId: sql.ref('labs.delegation_id'),
  });
  const relay = object({
    id: sql.ref('relays.id'),
    story_id: sql.ref('relays.story_id'),
    state: sql.ref('relays.state'),
    url: sql.ref('relays.url'),
    published_on: sql.ref('relays.published_on'),
    reason: sql.ref('relays.reason'),
    updated_at: sql.ref('relays.updated_at'),
    channel_id: sql.ref('channels.id'),
    channel_slug: sql.ref('channels.slug'),
    channel_name_fr: sql.ref('channels.name_fr'),
    channel_name_en: sql.ref('channels.name_en'),
    channel_scope: sql.ref('channels.scope'),
    channel_delegation_id: sql.ref('channels.delegation_id'),
  });
  return [
    sql<unknown>`(select ${array(labs, sql`story_labs.lab_id`)} from story_labs
      inner join labs on labs.id = story_labs.lab_id where story_labs.story_id = stories.id)`.as('labs_json'),
    sql<unknown>`(select ${array(relay, sql`channels.position, relays.id`)} from relays
      inner join channels on channels.id = relays.channel_id where relays.story_id = stories.id)`.as(
      'relays_json',
    ),
    sql<number>`(select count(*) from story_attachments where story_attachments.story_id = stories.id)`.as(
      'attachment_count',
    ),
    sql<string | null>`(select people.first_name || ' ' || people.last_name from people
      where people.id = stories.author_id)`.as('author_name'),
  ] as const;
}

// Built once: the same SQL for every page.
const relationColumns = { sqlite: makeRelationColumns('sqlite'), postgres: makeRelationColumns('postgres') };

export type StoryRelationRow = {
  id: string;
  author_id: string;
  labs_json: unknown;
  relays_json: unknown;
  attachment_count: number | string;
  author_name: string | null;
};

const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** The relations of rows selected with storyRelationColumns, in the shape policies and presenters use. */
export function storyRelationsOf(rows: readonly StoryRelationRow[]): StoryRelations {
  const relations: StoryRelations = {
    labs: new Map(),
    relays: new Map(),
    attachments: new Map(),
    authors: new Map(),
  };
  for (const row of rows) {
    const labs = parsed<StoryLab[] | null>(row.labs_json) ?? [];
    if (labs.length) relations.labs.set(row.id, labs);
    const relays = parsed<RelayRow[] | null>(row.relays_json) ?? [];
    // PostgreSQL writes timestamps into JSON as "…+00:00": back to the ISO strings used everywhere.
    for (const relay of relays) relay.updated_at = new Date(relay.updated_at).toISOString();
    if (relays.length) relations.relays.set(row.id, relays);
    const count = Number(row.attachment_count);
    if (count) relations.attachments.set(row.id, count);
    if (row.author_name !== null) relations.authors.set(row.author_id, row.author_name);
  }
  return relations;
}

/** Labs, delegations, relays, attachment counts and authors of some stories — what policies and presenters need — in one query. */
export async function loadStoryRelations(db: Db, storyIds: string[]): Promise<StoryRelations> {
  if (storyIds.length === 0) return storyRelationsOf([]);
  const rows = await db
    .selectFrom('stories')
    .select(['stories.id', 'stories.author_id'])
    .select(storyRelationColumns(dialectOf(db)))
    .where('stories.id', 'in', storyIds)
    .execute();
  return storyRelationsOf(rows);
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
