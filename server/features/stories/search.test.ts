import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newId } from '../../lib/tokens.ts';
import { assertStatus } from '../../test/expect.ts';
import { createNetwork, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';
import { ensureDefaultChannels } from './default-channels.ts';
import { makeExcerpt } from './excerpt.ts';
import { nextStorySeq, reindexStory } from './search.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
await ensureDefaultChannels(t.db, t.clock.current.toISOString());
const { cell, correspondent, otherCorrespondent } = network.people;
const as = {
  cell: await signInAs(t, cell),
  correspondent: await signInAs(t, correspondent),
  otherCorrespondent: await signInAs(t, otherCorrespondent),
};

type Listed = {
  items: Array<{
    id: string;
    title: string;
    excerpt?: string | null;
    labs: Array<{ id: string }>;
    relays: Array<{ id: string; channel: { slug: string }; updatedAt: string }>;
    author: { id: string; name: string };
    attachmentCount: number;
    submittedAt: string | null;
    updatedAt: string;
  }>;
  total: number;
  isTotalCapped: boolean;
};
const list = async (query: string, headers: Record<string, string> = as.cell) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/stories?${query}`, headers });
  assertStatus(response, 200);
  return response.json() as Listed;
};

let minute = 0;
/** Stories written straight to the database (and the search index), as the bench does, many at once. */
async function insertStory(fields: {
  title: string;
  body?: string;
  state?: 'draft' | 'submitted' | 'in_review' | 'accepted';
  labIds?: string[];
  authorId?: string;
}) {
  const id = newId();
  const at = new Date(Date.parse('2026-10-01T08:00:00.000Z') + ++minute * 60_000).toISOString();
  const labIds = fields.labIds ?? [network.lab.id];
  const state = fields.state ?? 'submitted';
  await t.db
    .insertInto('stories')
    .values({
      id,
      ...(t.dialect === 'sqlite' ? { seq: await nextStorySeq(t.db, t.dialect) } : {}),
      kind: 'result',
      title: fields.title,
      summary: '',
      body_html: `<p>${fields.body ?? ''}</p>`,
      body_text: fields.body ?? '',
      state,
      event_date: null,
      event_end_date: null,
      embargo_until: null,
      embargo_time_zone: null,
      themes: JSON.stringify(['Neutrinos']),
      projects: '[]',
      researchers: '[]',
      links: '[]',
      proposed_channels: '[]',
      author_id: fields.authorId ?? correspondent.id,
      primary_lab_id: labIds[0]!,
      tip_id: null,
      submitted_at: state === 'draft' ? null : at,
      decided_at: null,
      decided_by: null,
      decision_reason: '',
      created_at: at,
      updated_at: at,
      deleted_at: null,
    } as never)
    .execute();
  for (const labId of labIds)
    await t.db.insertInto('story_labs').values({ story_id: id, lab_id: labId }).execute();
  await t.db.insertInto('story_tags').values({ story_id: id, tag: 'Neutrinos' }).execute();
  await reindexStory(t.db, t.dialect, id);
  return id;
}

describe('excerpts', () => {
  test('mark the matches of every query word, ignoring case and accents, in the best column', () => {
    const excerpt = makeExcerpt(
      ['Un titre sans rien', 'Le détecteur KM3NeT mesure l’énergie.', 'corps'],
      ['energie', 'detect'],
    );
    assert.equal(excerpt, 'Le \u0002détecteur\u0003 KM3NeT mesure l’\u0002énergie\u0003.');
  });

  test('cut long text to a window of 16 words around the matches, with ellipses', () => {
    const words = Array.from({ length: 60 }, (_, i) => `mot${i}`);
    words[30] = 'Neutrino';
    const excerpt = makeExcerpt(['', '', words.join(' ')], ['neutrino']);
    assert.ok(excerpt.startsWith('…') && excerpt.endsWith('…'), excerpt);
    assert.equal(excerpt.replace(/…/g, '').split(' ').length, 16);
    assert.ok(excerpt.includes('\u0002Neutrino\u0003'));
  });

  test('never carry marker characters from the stored text', () => {
    const excerpt = makeExcerpt(['faux \u0002marqueur\u0003 et neutrino'], ['neutrino']);
    assert.equal(excerpt, 'faux  marqueur  et \u0002neutrino\u0003');
  });
});

describe('lists and search at scale', () => {
  test('each listed story carries its labs, relays, attachment count and author, as on its own page', async () => {
    const id = await insertStory({
      title: 'Histoire aux deux laboratoires',
      state: 'accepted',
      labIds: [network.lab.id, network.otherLab.id],
    });
    const channel = await t.db
      .selectFrom('channels')
      .select('id')
      .where('slug', '=', 'newsletter')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('relays')
      .values({
        id: newId(),
        story_id: id,
        channel_id: channel.id,
        state: 'proposed',
        url: '',
        published_on: null,
        reason: '',
        created_by: cell.id,
        created_at: '2026-11-02T08:00:00.000Z',
        updated_at: '2026-11-02T08:00:00.000Z',
      })
      .execute();
    for (const position of [0, 1]) {
      await t.db
        .insertInto('story_attachments')
        .values({
          id: newId(),
          story_id: id,
          kind: 'document',
          original_name: `piece-${position}.pdf`,
          file_path: `x/${position}.pdf`,
          thumb_path: null,
          mime_type: 'application/pdf',
          byte_size: 10,
          width: null,
          height: null,
          caption: '',
          credit: '',
          licence: '',
          shows_people: false,
          has_consent: false,
          position,
          created_by: cell.id,
          created_at: '2026-11-02T08:00:00.000Z',
        } as never)
        .execute();
    }
    const listed = (await list('state=accepted')).items.find((item) => item.id === id);
    const own = (await t.app.inject({ method: 'GET', url: `/api/stories/${id}`, headers: as.cell })).json();
    assert.ok(listed);
    assert.deepEqual(listed.labs.map((lab) => lab.id).sort(), [network.lab.id, network.otherLab.id].sort());
    assert.deepEqual(listed.labs, own.labs);
    assert.equal(listed.relays.length, 1);
    assert.equal(listed.relays[0]!.channel.slug, 'newsletter');
    assert.equal(listed.relays[0]!.updatedAt, '2026-11-02T08:00:00.000Z');
    assert.deepEqual(listed.relays, own.relays);
    assert.equal(listed.attachmentCount, 2);
    assert.equal(own.attachmentCount, 2);
    assert.deepEqual(listed.author, {
      id: correspondent.id,
      name: `${correspondent.first_name} ${correspondent.last_name}`,
    });
    assert.deepEqual(listed.author, own.author);
  });

  test('the review queue pages in waiting order and by last change, without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++)
      await insertStory({ title: `File d’attente ${i}`, state: i % 2 ? 'in_review' : 'submitted' });
    for (const sort of ['waiting', 'recent'] as const) {
      const all = await list(`state=submitted&state=in_review&sort=${sort}&limit=100`);
      const paged = [];
      for (let offset = 0; offset < all.items.length; offset += 3) {
        paged.push(
          ...(await list(`state=submitted&state=in_review&sort=${sort}&limit=3&offset=${offset}`)).items,
        );
      }
      assert.deepEqual(
        paged.map((item) => item.id),
        all.items.map((item) => item.id),
      );
      const keys = all.items.map((item) => (sort === 'waiting' ? item.submittedAt! : item.updatedAt));
      assert.deepEqual(
        keys,
        [...keys].sort((a, b) => (sort === 'waiting' ? a.localeCompare(b) : b.localeCompare(a))),
      );
      assert.equal(all.total, all.items.length);
    }
  });

  test('ranked pages hold every match once, and a narrow filter still finds matches ranked far down', async () => {
    // 230 strong matches in one lab, then 3 weak ones (the word once, in the body) in the other.
    for (let i = 0; i < 230; i++) await insertStory({ title: `Quasar quasar quasar ${i}`, body: 'quasar' });
    const weak = [];
    for (let i = 0; i < 3; i++) {
      weak.push(
        await insertStory({
          title: `Autre sujet ${i}`,
          body: `Un long texte sur autre chose, qui cite un quasar une fois ${i}.`,
          labIds: [network.otherLab.id],
          authorId: otherCorrespondent.id,
        }),
      );
    }
    const filtered = await list(`q=quasar&lab=${network.otherLab.id}&limit=10`);
    assert.deepEqual(filtered.items.map((item) => item.id).sort(), [...weak].sort());
    assert.equal(filtered.total, 3);
    for (const item of filtered.items)
      assert.ok(item.excerpt?.includes('\u0002quasar\u0003'), item.excerpt ?? '');
    // The other lab's correspondent sees only their own three (submitted, not accepted).
    const theirs = await list('q=quasar&limit=50', as.otherCorrespondent);
    assert.deepEqual(theirs.items.map((item) => item.id).sort(), [...weak].sort());

    const all = await list('q=quasar&limit=100&offset=200');
    assert.equal(all.items.length, 33);
    assert.deepEqual(
      all.items
        .slice(-3)
        .map((item) => item.id)
        .sort(),
      [...weak].sort(),
    );
    const first = await list('q=quasar&limit=100');
    const pages = [];
    for (let offset = 0; offset < 233; offset += 50)
      pages.push(...(await list(`q=quasar&limit=50&offset=${offset}`)).items);
    assert.equal(new Set(pages.map((item) => item.id)).size, 233);
    assert.deepEqual(
      pages.slice(0, 100).map((item) => item.id),
      first.items.map((item) => item.id),
    );
    assert.equal(first.total, 233);
  });
});
