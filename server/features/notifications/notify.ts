import type { Db } from '../../db/connection.ts';
import { newId } from '../../lib/tokens.ts';
import { makeActor } from '../auth/actor.ts';
import { findGrants } from '../auth/queries.ts';
import { type StoryFacts, storyPolicy } from '../stories/policy.ts';
import { queueNotificationEmails } from './email.ts';

export type NotificationKind =
  | 'story_submitted'
  | 'story_changes_requested'
  | 'story_accepted'
  | 'story_declined'
  | 'story_relayed'
  | 'relay_published'
  | 'relay_not_taken'
  | 'comment'
  | 'mention'
  | 'tip_received'
  | 'tip_answered';

/**
 * Notifies people about a story — only those who may read it at this moment, so an embargoed story
 * never reaches anyone else, in the app or by email. Call inside the change's transaction: the mails go
 * out from the job queue once it has committed.
 */
export async function notifyAboutStory(
  db: Db,
  input: {
    recipientIds: Iterable<string>;
    kind: NotificationKind;
    story: StoryFacts & { title: string };
    actorId: string | null;
    data?: Record<string, unknown>;
    at: string;
    now: Date;
  },
): Promise<string[]> {
  const ids = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  if (ids.length === 0) return [];
  const people = await db
    .selectFrom('people')
    .selectAll()
    .where('id', 'in', ids)
    .where('account_status', '=', 'active')
    .execute();
  const rows = [];
  for (const person of people) {
    const actor = makeActor(person, await findGrants(db, person.id), 'session', null);
    if (!storyPolicy.read(actor, input.story, input.now)) continue;
    rows.push({
      id: newId(),
      recipient_id: person.id,
      kind: input.kind,
      story_id: input.story.id,
      actor_id: input.actorId,
      data: JSON.stringify({ title: input.story.title, ...input.data }),
      created_at: input.at,
      read_at: null,
      emailed_at: null,
    });
  }
  if (rows.length) await db.insertInto('notifications').values(rows).execute();
  const notificationIds = rows.map((row) => row.id);
  await queueNotificationEmails(db, notificationIds, input.now);
  return notificationIds;
}
