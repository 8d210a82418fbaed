import type { Db } from '../../db/connection.ts';
import { findStory, loadStoryRelations, storyFacts } from '../stories/queries.ts';

/** A story and the facts its policy needs, or undefined when there is no such (live) story. */
export async function loadStory(db: Db, storyId: string) {
  const story = await findStory(db, storyId);
  if (!story) return undefined;
  return { story, facts: storyFacts(story, await loadStoryRelations(db, [story.id])) };
}

export async function listAttachments(db: Db, storyId: string) {
  return db
    .selectFrom('story_attachments')
    .selectAll()
    .where('story_id', '=', storyId)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findAttachment(db: Db, storyId: string, attachmentId: string) {
  return db
    .selectFrom('story_attachments')
    .selectAll()
    .where('story_id', '=', storyId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

/** The position after the last attachment of a story. */
export async function nextAttachmentPosition(db: Db, storyId: string): Promise<number> {
  const row = await db
    .selectFrom('story_attachments')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('story_id', '=', storyId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}
