import path from 'node:path';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import type { NewsletterIssue } from '../../db/schema.ts';
import { normaliseImage, writeFileAtomic } from '../../lib/images.ts';
import { newId } from '../../lib/tokens.ts';
import type { Actor } from '../auth/actor.ts';
import { insertCampaign } from '../campaigns/actions.ts';
import { syncGreetingCampaign } from '../greetings/compose.ts';
import { syncIssueCampaign } from '../newsletters/compose.ts';
import { newsletterChannelSlug } from '../newsletters/queries.ts';
import { syncPressCampaign } from '../press/compose.ts';
import { renderDemoImage } from './images.ts';

/**
 * Demo newsletter, greeting card and press release: issue n° 1, published a month ago (its archive
 * page shows it), issue n° 2 as a draft with at least three candidate stories waiting, a greeting
 * card draft for next year with its image, and a press release draft from the embargoed KM3NeT
 * story. Idempotent: does nothing once an issue exists.
 */
export async function seedDemoNewsletter(db: Db, options: { now: Date; dataDir: string }): Promise<void> {
  if (await db.selectFrom('newsletter_issues').select('id').limit(1).executeTakeFirst()) return;
  const { now } = options;
  const at = now.toISOString();
  const cell = await db
    .selectFrom('role_assignments')
    .select('person_id')
    .where('role', '=', 'cell')
    .executeTakeFirst();
  const channel = await db
    .selectFrom('channels')
    .select('id')
    .where('slug', '=', newsletterChannelSlug)
    .executeTakeFirst();
  if (!cell || !channel) return;
  const actor = { id: cell.person_id } as Actor;
  const lists = new Map(
    (await db.selectFrom('mailing_lists').select(['id', 'name']).execute()).map((row) => [row.name, row.id]),
  );
  const listIds = (name: string) => (lists.has(name) ? [lists.get(name)!] : []);
  // The links in the campaigns' bodies are made again, with the real address, whenever they are edited or sent.
  const ctx = {
    config: { publicUrl: '', mailFrom: 'CNRS Nucléaire & Particules <lettre@relais.localhost>' },
    now: () => now,
  } as unknown as AppContext;
  const accepted = (db: Db) =>
    db
      .selectFrom('stories')
      .innerJoin('relays', 'relays.story_id', 'stories.id')
      .where('relays.channel_id', '=', channel.id)
      .where('stories.state', '=', 'accepted')
      .where('stories.deleted_at', 'is', null);

  // N° 1: published a month ago, with the stories the newsletter published then.
  const sentAt = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const published = await accepted(db)
    .select(['stories.id'])
    .where('relays.state', '=', 'published')
    .where((eb) => eb.or([eb('stories.embargo_until', 'is', null), eb('stories.embargo_until', '<=', at)]))
    .orderBy('relays.published_on', 'desc')
    .limit(4)
    .execute();
  const past = await insertIssue(db, actor, ctx, {
    number: 1,
    title: 'La lettre de l’automne',
    edito:
      '<p>Bonjour {{firstName}},</p><p>Cette lettre fait le tour des résultats, des portes ouvertes et des distinctions de nos laboratoires. Bonne lecture !</p>',
    storyIds: published.map((row) => row.id),
    listIds: listIds('Lettre interne'),
    at: sentAt,
  });
  await db
    .updateTable('campaigns')
    .set({
      state: 'sent',
      scheduled_at: sentAt,
      started_at: sentAt,
      finished_at: sentAt,
      recipient_count: 115,
    })
    .where('id', '=', past.campaign_id)
    .execute();
  await db.updateTable('newsletter_issues').set({ published_at: sentAt }).where('id', '=', past.id).execute();

  // Candidates for n° 2: accepted stories relayed to the newsletter, not yet published; three at least.
  const waiting = await accepted(db)
    .select('stories.id')
    .where('relays.state', 'in', ['proposed', 'sent'])
    .execute();
  if (waiting.length < 3) {
    const more = await db
      .selectFrom('stories')
      .select('stories.id')
      .where('stories.state', '=', 'accepted')
      .where('stories.deleted_at', 'is', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('relays')
              .select('relays.id')
              .whereRef('relays.story_id', '=', 'stories.id')
              .where('relays.channel_id', '=', channel.id),
          ),
        ),
      )
      .orderBy('stories.decided_at', 'desc')
      .limit(3 - waiting.length)
      .execute();
    for (const story of more) {
      await db
        .insertInto('relays')
        .values({
          id: newId(),
          story_id: story.id,
          channel_id: channel.id,
          state: 'proposed',
          url: '',
          published_on: null,
          reason: '',
          created_by: actor.id,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
  }
  await insertIssue(db, actor, ctx, {
    number: 2,
    title: 'La lettre de décembre',
    edito: '<p>Bonjour {{firstName}},</p><p>À compléter : le mot de la rédaction.</p>',
    storyIds: [],
    listIds: listIds('Lettre interne'),
    at,
  });

  // A greeting card for next year, with its image.
  const year = now.getUTCFullYear() + 1;
  const image = await normaliseImage(
    await renderDemoImage(
      { motif: 'sky', palette: ['#0b1d3a', '#1c4f9c', '#f5d76e'] } as never,
      `voeux-${year}`,
      1200,
      700,
    ),
    1200,
  );
  const cardId = newId();
  const imagePath = `greetings/${cardId}-demo.webp`;
  await writeFileAtomic(path.join(options.dataDir, 'uploads', imagePath), image);
  const card = {
    id: cardId,
    year,
    title: `Belle année ${year} !`,
    message_html: `<p>Bonjour {{firstName}},</p><p>Toute l’équipe de l’institut vous souhaite une belle année ${year}, riche en découvertes.</p>`,
    image_path: imagePath,
    image_alt: 'Un ciel étoilé au-dessus d’un observatoire',
    campaign_id: await insertCampaign(
      db,
      actor,
      { kind: 'greeting', subject: `Belle année ${year} !`, bodyHtml: '', listIds: listIds('Partenaires') },
      at,
    ),
    created_by: actor.id,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('greeting_cards').values(card).execute();
  await syncGreetingCampaign(ctx, db, card, at);

  // A press release from the KM3NeT story (accepted, still under embargo).
  const story =
    (await db
      .selectFrom('stories')
      .selectAll()
      .where('title', 'like', 'KM3NeT%')
      .where('state', '=', 'accepted')
      .executeTakeFirst()) ??
    (await db.selectFrom('stories').selectAll().where('state', '=', 'accepted').executeTakeFirst());
  if (story) {
    const release = {
      id: newId(),
      story_id: story.id,
      title: story.title,
      summary: story.summary,
      body_html: story.body_html,
      contacts: 'Cellule communication — communication@relais.example — 01 44 96 40 00',
      campaign_id: await insertCampaign(
        db,
        actor,
        { kind: 'press', subject: story.title, bodyHtml: '', listIds: listIds('Presse') },
        at,
      ),
      created_by: actor.id,
      created_at: at,
      updated_at: at,
    };
    await db.insertInto('press_releases').values(release).execute();
    await syncPressCampaign(ctx, db, release, story, at, `/communiques/${release.id}/demo/communique.pdf`);
  }
}

async function insertIssue(
  db: Db,
  actor: Actor,
  ctx: AppContext,
  input: { number: number; title: string; edito: string; storyIds: string[]; listIds: string[]; at: string },
): Promise<NewsletterIssue> {
  const sections = [
    { key: 'une', title: 'À la une' },
    { key: 'labos', title: 'Vie des labos' },
    { key: 'prix', title: 'Prix et distinctions' },
    { key: 'agenda', title: 'Agenda' },
  ];
  const issue: NewsletterIssue = {
    id: newId(),
    number: input.number,
    title: input.title,
    edito_html: input.edito,
    sections,
    campaign_id: await insertCampaign(
      db,
      actor,
      { kind: 'newsletter', subject: input.title, bodyHtml: '', listIds: input.listIds },
      input.at,
    ),
    published_at: null,
    created_by: actor.id,
    created_at: input.at,
    updated_at: input.at,
  };
  await db
    .insertInto('newsletter_issues')
    .values({ ...issue, sections: JSON.stringify(sections) })
    .execute();
  if (input.storyIds.length) {
    await db
      .insertInto('newsletter_items')
      .values(
        input.storyIds.map((storyId, position) => ({
          issue_id: issue.id,
          story_id: storyId,
          section: position === 0 ? 'une' : 'labos',
          position,
          created_at: input.at,
        })),
      )
      .execute();
  }
  await syncIssueCampaign(ctx, db, issue, input.at);
  return issue;
}
