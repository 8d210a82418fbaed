import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import { newId } from '../../lib/tokens.ts';
import { renderNotificationMail } from '../../mail/notification-mail.ts';
import { makeActor } from '../auth/actor.ts';
import { findGrants } from '../auth/queries.ts';
import { type StoryFacts, storyPolicy } from '../stories/policy.ts';

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
 * never reaches anyone else, in the app or by email. Call inside the change's transaction; returns
 * the ids to email once it has committed.
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
  return rows.map((row) => row.id);
}

const subjects: Record<string, { fr: string; en: string }> = {
  story_submitted: { fr: 'Nouvelle remontée à relire', en: 'New story to review' },
  story_changes_requested: { fr: 'Modifications demandées', en: 'Changes requested' },
  story_accepted: { fr: 'Remontée acceptée', en: 'Story accepted' },
  story_declined: { fr: 'Remontée non retenue', en: 'Story declined' },
  story_relayed: { fr: 'Remontée relayée', en: 'Story relayed' },
  relay_published: { fr: 'Publiée', en: 'Published' },
  relay_not_taken: { fr: 'Non reprise', en: 'Not taken' },
  comment: { fr: 'Nouveau commentaire', en: 'New comment' },
  mention: { fr: 'Vous êtes mentionné·e', en: 'You were mentioned' },
};

/** Emails the notifications of people who chose "immediately"; marks them emailed. */
export async function emailNotifications(ctx: AppContext, notificationIds: string[]): Promise<void> {
  if (notificationIds.length === 0) return;
  const rows = await ctx.db
    .selectFrom('notifications')
    .innerJoin('people', 'people.id', 'notifications.recipient_id')
    .select([
      'notifications.id',
      'notifications.kind',
      'notifications.story_id',
      'notifications.data',
      'people.email',
      'people.first_name',
      'people.locale',
      'people.notification_mode',
    ])
    .where('notifications.id', 'in', notificationIds)
    .where('notifications.emailed_at', 'is', null)
    .execute();
  for (const row of rows) {
    if (row.notification_mode !== 'immediate') continue;
    const locale = row.locale === 'en' ? 'en' : 'fr';
    const label = subjects[row.kind]?.[locale] ?? row.kind;
    const title = String(row.data.title ?? '');
    const detail = typeof row.data.message === 'string' && row.data.message ? row.data.message : '';
    const link = `${ctx.config.publicUrl}/stories/${row.story_id}`;
    const open = locale === 'en' ? 'Open in Relais' : 'Ouvrir dans Relais';
    await ctx.mailer.send({
      to: row.email,
      stream: 'notifications',
      subject: `${label} — ${title}`,
      ...renderNotificationMail({
        locale,
        firstName: row.first_name,
        lines: [`${label} : « ${title} »`, detail],
        action: open,
        link,
      }),
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    await ctx.db
      .updateTable('notifications')
      .set({ emailed_at: ctx.now().toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
}
