import path from 'node:path';
import dayjs from 'dayjs';
import sharp from 'sharp';
import type { Db, Dialect } from '../../db/connection.ts';
import { htmlToPlainText, sanitizeRichText } from '../../lib/html.ts';
import { writeFileAtomic } from '../../lib/images.ts';
import { newId } from '../../lib/tokens.ts';
import { recordEvent } from '../history/record.ts';
import { nextStorySeq, reindexStory } from '../stories/search.ts';
import { demoPeople } from './data/people.ts';
import { type DemoStory, demoStories, demoStoriesReferenceDate } from './data/stories.ts';
import { demoUnits } from './data/units.ts';
import { renderDemoImage } from './images.ts';

type Ids = { labs: Map<string, string>; delegations: Map<string, string>; people: Map<string, string> };

/**
 * The demo stories, in every state, dated relative to the seeding day so the demo always looks
 * fresh. Images are generated (nothing is downloaded) and written first, then the rows — inside the
 * caller's transaction, so a crash leaves either the whole demo network or none of it.
 */
export async function seedDemoStories(
  db: Db,
  options: { now: Date; dialect: Dialect; dataDir: string; ids: Ids },
) {
  const { now, ids } = options;
  const shiftDays = dayjs(now).startOf('day').diff(dayjs(demoStoriesReferenceDate), 'day');
  const shift = (date: string | null | undefined) =>
    date ? dayjs(date).add(shiftDays, 'day').format('YYYY-MM-DD') : null;
  const daysAgo = (days: number, hour = 10) =>
    dayjs(now).subtract(days, 'day').hour(hour).minute(0).second(0).millisecond(0).toISOString();
  const channels = new Map(
    (await db.selectFrom('channels').select(['id', 'slug']).execute()).map((row) => [row.slug, row.id]),
  );
  const cellReviewer = ids.people.get(
    demoPeople.find((person) => person.roles.some((role) => role.role === 'cell'))!.key,
  )!;
  const person = (key: string) => {
    const id = ids.people.get(key);
    if (!id) throw new Error(`Demo story names unknown person ${key}`);
    return id;
  };

  const images = new Map<
    string,
    { id: string; file: string; thumb: string; width: number; height: number; size: number }
  >();
  for (const story of demoStories) {
    if (!story.image) continue;
    const jpeg = await renderDemoImage(story.image, story.key);
    const full = await sharp(jpeg).webp({ quality: 82 }).toBuffer({ resolveWithObject: true });
    const thumb = await sharp(jpeg).resize(480, 480, { fit: 'inside' }).webp({ quality: 78 }).toBuffer();
    const id = newId();
    const folder = `stories/demo-${story.key}`;
    await writeFileAtomic(path.join(options.dataDir, 'uploads', folder, `${id}.webp`), full.data);
    await writeFileAtomic(path.join(options.dataDir, 'uploads', folder, `${id}-thumb.webp`), thumb);
    images.set(story.key, {
      id,
      file: `${folder}/${id}.webp`,
      thumb: `${folder}/${id}-thumb.webp`,
      width: full.info.width,
      height: full.info.height,
      size: full.data.length,
    });
  }

  {
    const trx = db;
    for (const story of demoStories) {
      const id = newId();
      const authorId = person(story.authorKey);
      const firstLab = demoUnits.find((unit) => unit.acronym === story.labs[0])!;
      const created = daysAgo(story.createdDaysAgo, 9);
      const submitted =
        story.state === 'draft' ? null : daysAgo(story.submittedDaysAgo ?? story.createdDaysAgo, 11);
      const isDecided = ['accepted', 'declined', 'changes_requested'].includes(story.state);
      const decided = isDecided && submitted ? dayjs(submitted).add(1, 'day').hour(15).toISOString() : null;
      const embargoUntil = story.embargo
        ? dayjs
            .tz(
              `${dayjs(now).add(story.embargo.inDays, 'day').format('YYYY-MM-DD')} ${story.embargo.time}`,
              'YYYY-MM-DD HH:mm',
              story.embargo.timeZone,
            )
            .toISOString()
        : null;
      const bodyHtml = sanitizeRichText(story.bodyHtml);
      const seq = await nextStorySeq(trx, options.dialect);
      await trx
        .insertInto('stories')
        .values({
          id,
          ...(seq === undefined ? {} : { seq }),
          kind: story.kind,
          title: story.title,
          summary: story.summary,
          body_html: bodyHtml,
          body_text: htmlToPlainText(bodyHtml),
          state: story.state,
          event_date: shift(story.eventDate),
          event_end_date: shift(story.eventEndDate),
          embargo_until: embargoUntil,
          embargo_time_zone: story.embargo?.timeZone ?? null,
          themes: JSON.stringify(story.themes),
          projects: JSON.stringify(story.projects),
          researchers: JSON.stringify(story.researchers),
          links: JSON.stringify(story.links),
          proposed_channels: JSON.stringify(story.proposedChannels),
          author_id: authorId,
          primary_lab_id: ids.labs.get(firstLab.acronym)!,
          tip_id: null,
          submitted_at: submitted,
          decided_at: decided,
          decided_by: decided ? cellReviewer : null,
          decision_reason: story.decisionReason ?? '',
          created_at: created,
          updated_at: decided ?? submitted ?? created,
          deleted_at: null,
        })
        .execute();
      await trx
        .insertInto('story_labs')
        .values(story.labs.map((acronym) => ({ story_id: id, lab_id: ids.labs.get(acronym)! })))
        .execute();
      const tags = [...new Set<string>([...story.themes, ...story.projects])];
      if (tags.length)
        await trx
          .insertInto('story_tags')
          .values(tags.map((tag) => ({ story_id: id, tag })))
          .execute();
      await recordEvent(trx, {
        actorId: authorId,
        subjectType: 'story',
        subjectId: id,
        action: 'created',
        data: { title: story.title },
        at: created,
      });
      if (submitted)
        await recordEvent(trx, {
          actorId: authorId,
          subjectType: 'story',
          subjectId: id,
          action: 'submit',
          data: { from: 'draft', to: 'submitted' },
          at: submitted,
        });
      if (decided) {
        const action =
          story.state === 'accepted' ? 'accept' : story.state === 'declined' ? 'decline' : 'request-changes';
        await recordEvent(trx, {
          actorId: cellReviewer,
          subjectType: 'story',
          subjectId: id,
          action,
          data: {
            from: 'in_review',
            to: story.state,
            ...(story.decisionReason ? { message: story.decisionReason } : {}),
          },
          at: decided,
        });
      }
      await seedRelays(trx, story, id, {
        channels,
        regional: `regional-${firstLab.delegationCode.toLowerCase()}`,
        reviewer: cellReviewer,
        decided: decided ?? created,
        shift,
      });
      for (const comment of story.comments ?? []) {
        const at = daysAgo(comment.daysAgo, 14);
        await trx
          .insertInto('comments')
          .values({
            id: newId(),
            story_id: id,
            author_id: person(comment.authorKey),
            body: comment.body,
            mentions: '[]',
            created_at: at,
            updated_at: at,
            deleted_at: null,
          })
          .execute();
      }
      const image = images.get(story.key);
      if (image && story.image) {
        await trx
          .insertInto('story_attachments')
          .values({
            id: image.id,
            story_id: id,
            kind: 'image',
            original_name: `${story.key}.jpg`,
            file_path: image.file,
            thumb_path: image.thumb,
            mime_type: 'image/webp',
            byte_size: image.size,
            width: image.width,
            height: image.height,
            caption: story.image.caption,
            credit: story.image.credit,
            licence: story.image.licence,
            shows_people: story.image.hasPeople,
            has_consent: story.image.consent,
            position: 0,
            created_by: authorId,
            created_at: created,
          })
          .execute();
      }
      await reindexStory(trx, options.dialect, id);
    }
  }
}

async function seedRelays(
  db: Db,
  story: DemoStory,
  storyId: string,
  context: {
    channels: Map<string, string>;
    regional: string;
    reviewer: string;
    decided: string;
    shift: (date: string | null | undefined) => string | null;
  },
) {
  for (const relay of story.relays) {
    const channelId = context.channels.get(relay.channel === 'regional' ? context.regional : relay.channel);
    if (!channelId) continue;
    const at = dayjs(context.decided).add(1, 'hour').toISOString();
    await db
      .insertInto('relays')
      .values({
        id: newId(),
        story_id: storyId,
        channel_id: channelId,
        state: relay.state,
        url: relay.url ?? '',
        published_on: context.shift(relay.publishedOn),
        reason: relay.reason ?? '',
        created_by: context.reviewer,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
}
