import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/connection.ts';
import { foldText } from '../../lib/text.ts';
import type { Actor } from '../auth/actor.ts';
import { applyStoryFilters, type StoryFilter, visibleStories } from './queries.ts';

/** Excerpt highlight markers: control characters, so no text can forge them; the web turns them into <mark>. */
export const markStart = '\u0002';
export const markEnd = '\u0003';

/** Turns what a person typed into an FTS5 query: every word must match, as a prefix. */
export function toFtsQuery(q: string): string | null {
  const words = foldText(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
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

/**
 * Lists the stories a person may see, filtered, searched (ranked, with excerpts) and paged, in one
 * query plus a count. Search is FTS5 on SQLite and a French, accent-free tsvector on PostgreSQL.
 */
export async function listStories(
  db: Db,
  dialect: Dialect,
  actor: Actor | null,
  nowIso: string,
  options: StoryListOptions,
) {
  const ftsQuery = options.q ? toFtsQuery(options.q) : null;
  if (options.q && !ftsQuery) return { rows: [], total: 0, isTotalCapped: false };
  let base = db
    .selectFrom('stories')
    .where((eb) => visibleStories(eb, actor, nowIso))
    .where((eb) => applyStoryFilters(eb, actor, options));

  if (ftsQuery && dialect === 'sqlite') {
    base = base.innerJoin(
      sql<{
        rowid: number;
        rank: number;
        excerpt: string;
      }>`(select rowid, bm25(stories_fts, 8.0, 4.0, 1.0, 3.0, 2.0) as rank,
          snippet(stories_fts, -1, ${markStart}, ${markEnd}, '…', 16) as excerpt
        from stories_fts where stories_fts match ${ftsQuery})`.as('fts'),
      (join) => join.onRef(sql.ref('fts.rowid'), '=', sql.ref('stories.seq')),
    ) as unknown as typeof base;
  }
  if (options.q && dialect === 'postgres') {
    base = base.where(sql<boolean>`stories.search_vector @@ websearch_to_tsquery('relais_fr', ${options.q})`);
  }

  const sort = options.sort ?? (options.q ? 'relevance' : 'recent');
  let page = base.selectAll('stories');
  if (options.q && dialect === 'sqlite') {
    page = page.select(sql<string>`fts.excerpt`.as('excerpt'));
    if (sort === 'relevance') page = page.orderBy(sql`fts.rank`);
  } else if (options.q) {
    page = page.select(
      sql<string>`ts_headline('relais_fr', stories.title || ' — ' || stories.summary || ' ' || stories.body_text,
        websearch_to_tsquery('relais_fr', ${options.q}),
        ${`StartSel=${markStart}, StopSel=${markEnd}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`})`.as(
        'excerpt',
      ),
    );
    if (sort === 'relevance') {
      page = page.orderBy(
        sql`ts_rank_cd(stories.search_vector, websearch_to_tsquery('relais_fr', ${options.q}))`,
        'desc',
      );
    }
  } else {
    page = page.select(sql<string | null>`null`.as('excerpt'));
  }
  // Each order matches an index: (submitted_at, id) for the queue, (updated_at, id) otherwise.
  page =
    sort === 'waiting'
      ? page.orderBy('stories.submitted_at', 'asc').orderBy('stories.id', 'asc')
      : page.orderBy('stories.updated_at', 'desc').orderBy('stories.id', 'desc');

  const [rows, total] = await Promise.all([
    page.limit(options.limit).offset(options.offset).execute(),
    // Counting every match costs as much as reading them: count up to a cap, and say so.
    db
      .selectFrom(
        base
          .select(sql<number>`1`.as('one'))
          .limit(totalCap + 1)
          .as('capped'),
      )
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  const count = Number(total.count);
  return { rows, total: Math.min(count, totalCap), isTotalCapped: count > totalCap };
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
