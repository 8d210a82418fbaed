import type { Locale } from '../../../shared/roles.ts';
import type { Db } from '../../db/connection.ts';
import { newId } from '../../lib/tokens.ts';
import { type NoticeText, queueNotificationEmails } from '../notifications/email.ts';

export type TipNoticeKind = 'tip_received' | 'tip_answered';

/** What a tip notification carries; `outcome`/`message`/`storyId` for answers. */
export type TipNoticeData = {
  tipId: string;
  /** an excerpt of the tip */
  what: string;
  lab: string;
  /** who sent (received) or answered it */
  by: string;
  outcome?: 'converted' | 'dismissed';
  message?: string;
  storyId?: string;
};

export const excerpt = (text: string, length: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
};

/**
 * In-app notifications about a tip (not attached to a story: `story_id` stays null) for the active
 * accounts among `recipientIds`, except the actor. Call inside the change's transaction: the mails
 * go out from the job queue once it has committed.
 */
export async function notifyAboutTip(
  db: Db,
  input: {
    recipientIds: Iterable<string>;
    kind: TipNoticeKind;
    actorId: string;
    data: TipNoticeData;
    at: string;
  },
): Promise<string[]> {
  const ids = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  if (ids.length === 0) return [];
  const people = await db
    .selectFrom('people')
    .select('id')
    .where('id', 'in', ids)
    .where('account_status', '=', 'active')
    .execute();
  const rows = people.map((person) => ({
    id: newId(),
    recipient_id: person.id,
    kind: input.kind,
    story_id: null,
    actor_id: input.actorId,
    data: JSON.stringify({ title: input.data.what, ...input.data }),
    created_at: input.at,
    read_at: null,
    emailed_at: null,
  }));
  if (rows.length) await db.insertInto('notifications').values(rows).execute();
  const notificationIds = rows.map((row) => row.id);
  await queueNotificationEmails(db, notificationIds, new Date(input.at));
  return notificationIds;
}

/** Subject, lines and action of a tip notification (mail and digest). */
export function describeTipNotice(kind: string, data: TipNoticeData, locale: Locale): NoticeText {
  const fr = locale === 'fr';
  if (kind === 'tip_received') {
    return {
      subject: fr ? `Nouvelle suggestion de sujet — ${data.lab}` : `New tip — ${data.lab}`,
      lines: [fr ? `${data.by} vous propose un sujet :` : `${data.by} suggests a story:`, `« ${data.what} »`],
      action: fr ? 'Voir la suggestion' : 'Open the tip',
      path: `/tips/${data.tipId}`,
    };
  }
  if (data.outcome === 'converted') {
    return {
      subject: fr ? 'Votre suggestion devient une remontée' : 'Your tip is becoming a story',
      lines: [
        fr
          ? `${data.by} reprend votre suggestion « ${data.what} » : elle devient une remontée. Merci !`
          : `${data.by} is taking up your tip “${data.what}”: it is becoming a story. Thank you!`,
      ],
      action: fr ? 'Voir la suggestion' : 'Open the tip',
      path: `/tips/${data.tipId}`,
    };
  }
  return {
    subject: fr ? 'Merci pour votre suggestion' : 'Thank you for your tip',
    lines: [
      fr
        ? `${data.by} a répondu à votre suggestion « ${data.what} » :`
        : `${data.by} answered your tip “${data.what}”:`,
      data.message ?? '',
    ],
    action: fr ? 'Voir la suggestion' : 'Open the tip',
    path: `/tips/${data.tipId}`,
  };
}
