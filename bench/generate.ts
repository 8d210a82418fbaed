import { sql } from 'kysely';
import type { Db, Dialect } from '../server/db/connection.ts';
import { nameKeysFor } from '../server/features/people/actions.ts';
import { ensureDefaultChannels } from '../server/features/stories/default-channels.ts';
import { hashPassword } from '../server/lib/passwords.ts';
import { newId } from '../server/lib/tokens.ts';

/**
 * A synthetic network at a chosen scale, loaded in bulk (batched inserts in one transaction per
 * table, then the search index built in one statement): French-like text with accents so that
 * search behaves as on real data. Deterministic for a given seed.
 */
export const scales = {
  tiny: { labs: 10, people: 60, stories: 2_000 },
  small: { labs: 25, people: 300, stories: 10_000 },
  queue: { labs: 25, people: 300, stories: 100_000 },
  cnrs: { labs: 1_000, people: 50_000, stories: 1_000_000 },
} as const;
export type Scale = keyof typeof scales;

const words = (
  'énergie neutrino détecteur accélérateur particule collision faisceau noyau matière noire cosmologie galaxie ' +
  'onde gravitationnelle télescope sous-marin rayonnement cosmique lumière spectre mesure précision expérience ' +
  'laboratoire chercheuse ingénieur électronique calcul données simulation réacteur isotope médecine imagerie ' +
  'hadronthérapie plasma quark gluon boson Higgs antimatière désintégration masse oscillation saveur photon ' +
  'satellite observatoire étoile supernova trou noir fusion kilonova relativité symétrie théorie modèle standard ' +
  'collaboration publication résultat découverte prix médaille anniversaire visite inauguration fête science lycée ' +
  'conférence élèves enseignants exposition photographie vidéo podcast patrimoine histoire innovation brevet'
).split(' ');
const themes = [
  'Neutrinos',
  'Astroparticules',
  'Cosmologie',
  'Physique nucléaire',
  'Accélérateurs',
  'Calcul et données',
  'Nucléaire et santé',
  'Ondes gravitationnelles',
];
const kinds = [
  'result',
  'image',
  'event',
  'award',
  'visit',
  'publication',
  'anniversary',
  'media_interest',
  'other',
] as const;
const states = [
  'accepted',
  'accepted',
  'accepted',
  'submitted',
  'in_review',
  'changes_requested',
  'declined',
  'draft',
] as const;

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertInBatches<T extends Record<string, unknown>>(
  db: Db,
  table: string,
  rows: T[],
  size = 500,
) {
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insertInto(table as never)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

/** Drops the indexes of these tables that no constraint needs, and returns the statements that make them again. */
async function dropSecondaryIndexes(db: Db, dialect: Dialect, tables: string[]): Promise<string[]> {
  const found =
    dialect === 'sqlite'
      ? (
          await sql<{ name: string; definition: string }>`select name, sql as definition from sqlite_master
            where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)})`.execute(db)
        ).rows
      : (
          await sql<{ name: string; definition: string }>`select indexname as name, indexdef as definition
            from pg_indexes where schemaname = current_schema() and tablename in (${sql.join(tables)})
            and indexname not in (select conname from pg_constraint)`.execute(db)
        ).rows;
  for (const index of found) await sql`drop index ${sql.id(index.name)}`.execute(db);
  return found.map((index) => index.definition);
}

export async function generateNetwork(db: Db, dialect: Dialect, scale: Scale, seed = 42) {
  const size = scales[scale];
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');
  const at = new Date('2026-11-24T09:00:00Z');
  const iso = (daysAgo: number) => new Date(at.getTime() - daysAgo * 86_400_000).toISOString();
  const started = performance.now();
  const passwordHash = await hashPassword('bench-password-2026');

  const delegations = Array.from({ length: 18 }, (_, i) => ({
    id: newId(),
    code: `DR${i + 1}`,
    name: `Délégation ${i + 1}`,
    city: 'Ville',
    created_at: iso(0),
    updated_at: iso(0),
  }));
  const labs = Array.from({ length: size.labs }, (_, i) => ({
    id: newId(),
    acronym: `LAB${i + 1}`,
    name: `Laboratoire de ${sentence(3)} ${i + 1}`,
    kind: 'lab' as const,
    city: 'Ville',
    site: '',
    region: '',
    delegation_id: delegations[i % delegations.length]!.id,
    partners: '["CNRS"]',
    themes: JSON.stringify([pick(themes)]),
    website: '',
    logo_path: null,
    latitude: 43 + rand() * 7,
    longitude: -1 + rand() * 8,
    created_at: iso(0),
    updated_at: iso(0),
    deleted_at: null,
  }));
  const people = Array.from({ length: size.people }, (_, i) => {
    const row = {
      email: `personne${i}@bench.example`,
      first_name: `Prénom${i}`,
      last_name: `Nom${i}`,
      job_title: 'Ingénieur·e',
    };
    return {
      id: newId(),
      ...row,
      ...nameKeysFor(row),
      lab_id: labs[i % labs.length]!.id,
      languages: '["fr"]',
      is_media_trained: false,
      phone: null,
      photo_path: null,
      locale: 'fr' as const,
      password_hash: passwordHash,
      account_status: 'active' as const,
      last_login_at: null,
      created_at: iso(0),
      updated_at: iso(0),
      deleted_at: null,
    };
  });
  const roles = people.map((person, i) => ({
    id: newId(),
    person_id: person.id,
    role:
      i < labs.length
        ? ('correspondent' as const)
        : i < labs.length + 5
          ? ('cell' as const)
          : ('contributor' as const),
    lab_id: i < labs.length || i >= labs.length + 5 ? person.lab_id : null,
    delegation_id: null,
    created_at: iso(0),
  }));

  await db.transaction().execute(async (trx) => {
    await insertInBatches(trx, 'delegations', delegations);
    await insertInBatches(trx, 'labs', labs);
    await insertInBatches(trx, 'people', people);
    await insertInBatches(trx, 'role_assignments', roles);
    await ensureDefaultChannels(trx, iso(0));
  });

  // Bulk load: the secondary indexes of the story tables are dropped first and made again after the
  // load (and after the search index), which is much faster than keeping them up to date row by row.
  const indexes = await dropSecondaryIndexes(db, dialect, ['stories', 'story_labs', 'story_tags']);
  const batch = 2_000;
  for (let offset = 0; offset < size.stories; offset += batch) {
    const stories: Array<Record<string, unknown>> = [];
    const storyLabs: Array<Record<string, unknown>> = [];
    const storyTags: Array<Record<string, unknown>> = [];
    for (let i = offset; i < Math.min(size.stories, offset + batch); i++) {
      const labIndex = Math.floor(rand() * labs.length);
      const state = pick(states);
      const daysAgo = Math.floor(rand() * 900);
      const theme = pick(themes);
      const body = `${sentence(40)}. ${sentence(35)}. ${sentence(30)}.`;
      const id = newId();
      stories.push({
        id,
        seq: i + 1,
        kind: pick(kinds),
        title: `${sentence(6)}`.replace(/^./, (c) => c.toUpperCase()),
        summary: sentence(18),
        body_html: `<p>${body}</p>`,
        body_text: body,
        state,
        event_date: null,
        event_end_date: null,
        embargo_until: rand() < 0.01 ? iso(-5) : null,
        embargo_time_zone: null,
        themes: JSON.stringify([theme]),
        projects: '[]',
        researchers: '[]',
        links: '[]',
        proposed_channels: '[]',
        author_id: people[labIndex % people.length]!.id,
        primary_lab_id: labs[labIndex]!.id,
        tip_id: null,
        submitted_at: state === 'draft' ? null : iso(daysAgo),
        decided_at: null,
        decided_by: null,
        decision_reason: '',
        created_at: iso(daysAgo + 1),
        updated_at: iso(daysAgo),
        deleted_at: null,
      });
      storyLabs.push({ story_id: id, lab_id: labs[labIndex]!.id });
      storyTags.push({ story_id: id, tag: theme });
    }
    await db.transaction().execute(async (trx) => {
      await insertInBatches(trx, 'stories', stories, dialect === 'sqlite' ? 500 : 1_000);
      await insertInBatches(trx, 'story_labs', storyLabs);
      await insertInBatches(trx, 'story_tags', storyTags);
    });
  }
  const loaded = performance.now();
  if (dialect === 'sqlite') {
    await sql`insert into stories_fts (rowid, title, summary, body, tags, labs)
      select s.seq, s.title, s.summary, s.body_text, (select group_concat(tag, ' ') from story_tags t where t.story_id = s.id),
        (select group_concat(l.acronym || ' ' || l.name, ' ') from story_labs sl join labs l on l.id = sl.lab_id where sl.story_id = s.id)
      from stories s`.execute(db);
  } else {
    await sql`update stories s set search_vector =
        setweight(to_tsvector('relais_fr', s.title), 'A') || setweight(to_tsvector('relais_fr', s.summary), 'B') ||
        setweight(to_tsvector('relais_fr', coalesce((select string_agg(tag, ' ') from story_tags t where t.story_id = s.id), '')), 'B') ||
        setweight(to_tsvector('relais_fr', s.body_text), 'D')`.execute(db);
    await sql`select setval(pg_get_serial_sequence('stories', 'seq'), (select max(seq) from stories))`.execute(
      db,
    );
  }
  const searchIndexed = performance.now();
  for (const definition of indexes) await sql.raw(definition).execute(db);
  // As autovacuum would: statistics, and the visibility map that index-only scans need.
  if (dialect === 'postgres') await sql`vacuum analyze`.execute(db);
  return {
    loadMs: Math.round(loaded - started),
    searchIndexMs: Math.round(searchIndexed - loaded),
    indexMs: Math.round(performance.now() - searchIndexed),
    cell: people[labs.length]!,
    correspondent: people[0]!,
    labs,
    delegations,
  };
}
