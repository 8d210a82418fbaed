import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/connection.ts';
import { foldText } from '../../lib/text.ts';
import type { Actor } from '../auth/actor.ts';
import { makeExcerpt, markEnd, markStart } from './excerpt.ts';
import {
  applyStoryFilters,
  type StoryFilter,
  storyListColumns,
  storyRelationColumns,
  storyRelationsOf,
  visibleStories,
} from './queries.ts';

export { markEnd, markStart };

/** The words of what a person typed, folded (no case, no accents), at most 12. */
export function queryWords(q: string): string[] {
  return foldText(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
}

/** Turns what a person typed into an FTS5 query: every word must match, as a prefix. */
export function toFtsQuery(q: string): string | null {
  const words = queryWords(q);
  return words.length ? words.map((word) => `"${word}"*`).join(' ') : null;
}

/** Lists say "1,000+" beyond this many matches. */
export const totalCap = 1000;

export type StoryListOptions = StoryFilter & {
  q?: string | undefined;
  sort?: 'recent' | 'waiting' | 'relevance' | undefined;
  limit: number;
  offset: number;
};

/** bm25 with the FTS5 column weights: title, summary, body, tags, labs. */
const ftsRank = sql<number>`bm25(stories_fts, 8.0, 4.0, 1.0, 3.0, 2.0)`;

/**
 * Lists the stories a person may see, filtered, searched (ranked, with excerpts) and paged, with
 * everything each row shows: one query for the page plus a count capped at totalCap. Search is
 * FTS5 on SQLite and a French, accent-free tsvector on PostgreSQL.
 *
 * The page is chosen first on narrow rows (ids and sort keys, from the indexes where possible), and
 * only its rows are then read in full, with their relations and their excerpts: a sort or a search
 * never carries bodies, JSON aggregates or excerpts of rows that are not shown.
 */
export async function listStories(
  db: Db,
  dialect: Dialect,
  actor: Actor | null,
  nowIso: string,
  options: StoryListOptions,
) {
  const ftsQuery = options.q ? toFtsQuery(options.q) : null;
  if (options.q && !ftsQuery)
    return { rows: [], relations: storyRelationsOf([]), total: 0, isTotalCapped: false };
  const q = options.q;
  const isSqliteSearch = ftsQuery !== null && dialect === 'sqlite';
  const isPostgresSearch = q !== undefined && dialect === 'postgres';
  const tsQuery = sql`websearch_to_tsquery('relais_fr', ${q ?? ''})`;
  const sort = options.sort ?? (q ? 'relevance' : 'recent');
  const isRanked = sort === 'relevance' && (isSqliteSearch || isPostgresSearch);

  /** The stories that match: visible, filtered and, for a search, matching (`fts` ranks SQLite's). */
  const matching = (ranked?: { limit: number | null }) => {
    let base = db
      .selectFrom('stories')
      .where((eb) => visibleStories(eb, actor, nowIso))
      .where((eb) => applyStoryFilters(eb, actor, options));
    if (isSqliteSearch) {
      const fts = ranked
        ? sql`(select rowid, ${ftsRank} as rank from stories_fts where stories_fts match ${ftsQuery}
            order by rank, rowid ${ranked.limit === null ? sql`` : sql`limit ${ranked.limit}`})`
        : sql`(select rowid, 0 as rank from stories_fts where stories_fts match ${ftsQuery})`;
      base = base.innerJoin(fts.as('fts'), (join) =>
        join.onRef(sql.ref('fts.rowid'), '=', 'stories.seq'),
      ) as unknown as typeof base;
    }
    if (isPostgresSearch) base = base.where(sql<boolean>`stories.search_vector @@ ${tsQuery}`);
    return base;
  };

  // 1. The page: ids in order. Each order matches an index: (submitted_at, id) for the queue,
  // (updated_at, id) otherwise; relevance is bm25 (ties by index order) or ts_rank_cd.
  const pageOf = (ranked?: { limit: number | null }) => {
    const rank = !isRanked
      ? sql<number>`0`
      : isSqliteSearch
        ? sql<number>`fts.rank`
        : sql<number>`ts_rank_cd(stories.search_vector, ${tsQuery})`;
    let page = matching(ranked).select([
      'stories.id',
      'stories.seq',
      'stories.submitted_at',
      'stories.updated_at',
      rank.as('rank'),
    ]);
    if (isRanked && isSqliteSearch) page = page.orderBy(sql`fts.rank`).orderBy('stories.seq');
    else if (isRanked) page = page.orderBy('rank', 'desc');
    if (sort === 'waiting') page = page.orderBy('stories.submitted_at', 'asc').orderBy('stories.id', 'asc');
    else if (!(isRanked && isSqliteSearch)) {
      page = page.orderBy('stories.updated_at', 'desc').orderBy('stories.id', 'desc');
    }
    return page.limit(options.limit).offset(options.offset);
  };

  // 2. Those rows in full, with their relations (and their text, for excerpts), in the same order.
  const readPage = (page: ReturnType<typeof pageOf>) => {
    let full = db
      .selectFrom(page.as('page'))
      .innerJoin('stories', 'stories.id', 'page.id')
      .select(storyListColumns)
      .select(storyRelationColumns(dialect))
      .select(
        isSqliteSearch ? sql<string>`stories.body_text`.as('body_text') : sql<string>`''`.as('body_text'),
      )
      .select(
        isPostgresSearch
          ? sql<
              string | null
            >`ts_headline('relais_fr', stories.title || ' — ' || stories.summary || ' ' || stories.body_text,
            ${tsQuery}, ${`StartSel=${markStart}, StopSel=${markEnd}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`})`.as(
              'excerpt',
            )
          : sql<string | null>`null`.as('excerpt'),
      );
    if (isRanked && isSqliteSearch) full = full.orderBy('page.rank').orderBy('page.seq');
    else if (isRanked) full = full.orderBy('page.rank', 'desc');
    return sort === 'waiting'
      ? full.orderBy('page.submitted_at', 'asc').orderBy('page.id', 'asc').execute()
      : full.orderBy('page.updated_at', 'desc').orderBy('page.id', 'desc').execute();
  };

  // Counting every match costs as much as reading them: count up to a cap, and say so.
  const countCapped = async () => {
    const row = await db
      .selectFrom(
        matching()
          .select(sql<number>`1`.as('one'))
          .limit(totalCap + 1)
          .as('capped'),
      )
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  };

  // FTS5 ranks every match; joining them all to the stories to drop those this person may not see
  // costs more than the ranking. So the page is first looked for among the best few hundred matches,
  // and among all of them only when those did not hold it (a narrow filter, a far page).
  const window = options.offset + options.limit;
  const firstLook = isRanked && isSqliteSearch ? { limit: Math.max(200, window * 10) } : undefined;
  const [firstRows, count] = await Promise.all([readPage(pageOf(firstLook)), countCapped()]);
  let rows = firstRows;
  const expected = Math.max(
    0,
    Math.min(options.limit, (count > totalCap ? Infinity : count) - options.offset),
  );
  if (firstLook && rows.length < expected) rows = await readPage(pageOf({ limit: null }));

  const relations = storyRelationsOf(rows);
  const words = ftsQuery ? queryWords(q ?? '') : [];
  return {
    rows: rows.map(
      ({ labs_json, relays_json, attachment_count, author_name, body_text, excerpt, ...story }) => ({
        ...story,
        excerpt: isSqliteSearch
          ? makeExcerpt(
              // The columns of stories_fts, as reindexStory writes them.
              [
                story.title,
                story.summary,
                body_text,
                [...new Set([...story.themes, ...story.projects].map((tag) => tag.trim()).filter(Boolean))]
                  .sort()
                  .join(' '),
                (relations.labs.get(story.id) ?? [])
                  .map((lab) => `${lab.acronym} ${lab.name} ${lab.city}`)
                  .join(' '),
              ],
              words,
            )
          : excerpt,
      }),
    ),
    relations,
    total: Math.min(count, totalCap),
    isTotalCapped: count > totalCap,
  };
}

/** Rewrites a story's search entry from its current text, tags and labs. Call inside the change's transaction. */
export async function reindexStory(db: Db, dialect: Dialect, storyId: string): Promise<void> {
  const story = await db
    .selectFrom('stories')
    .select(['seq', 'title', 'summary', 'body_text', 'deleted_at'])
    .where('id', '=', storyId)
    .executeTakeFirstOrThrow();
  const [tags, labs] = await Promise.all([
    db.selectFrom('story_tags').select('tag').where('story_id', '=', storyId).execute(),
    db
      .selectFrom('story_labs')
      .innerJoin('labs', 'labs.id', 'story_labs.lab_id')
      .select(['labs.acronym', 'labs.name', 'labs.city'])
      .where('story_labs.story_id', '=', storyId)
      .execute(),
  ]);
  const tagText = tags.map((row) => row.tag).join(' ');
  const labText = labs.map((row) => `${row.acronym} ${row.name} ${row.city}`).join(' ');
  if (dialect === 'sqlite') {
    await sql`delete from stories_fts where rowid = ${story.seq}`.execute(db);
    if (story.deleted_at) return;
    await sql`insert into stories_fts (rowid, title, summary, body, tags, labs)
      values (${story.seq}, ${story.title}, ${story.summary}, ${story.body_text}, ${tagText}, ${labText})`.execute(
      db,
    );
    return;
  }
  await sql`update stories set search_vector =
      setweight(to_tsvector('relais_fr', title), 'A') ||
      setweight(to_tsvector('relais_fr', summary), 'B') ||
      setweight(to_tsvector('relais_fr', ${tagText}), 'B') ||
      setweight(to_tsvector('relais_fr', ${labText}), 'C') ||
      setweight(to_tsvector('relais_fr', body_text), 'D')
    where id = ${storyId}`.execute(db);
}

/** The next integer key of the search index (SQLite has one writer at a time; PostgreSQL uses its sequence). */
export async function nextStorySeq(db: Db, dialect: Dialect): Promise<number | undefined> {
  if (dialect === 'postgres') return undefined;
  const row = await db
    .selectFrom('stories')
    .select((eb) => eb.fn.max('seq').as('max'))
    .executeTakeFirstOrThrow();
  return Number(row.max ?? 0) + 1;
}
