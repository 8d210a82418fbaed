import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import { newId } from '../../lib/tokens.ts';
import { renderNotificationMail } from '../../mail/notification-mail.ts';

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
 * accounts among `recipientIds`, except the actor. Call inside the change's transaction; returns
 * the ids to email once it has committed.
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
  return rows.map((row) => row.id);
}

type Locale = 'fr' | 'en';

function render(kind: string, data: TipNoticeData, locale: Locale) {
  const fr = locale === 'fr';
  if (kind === 'tip_received') {
    return {
      subject: fr ? `Nouvelle suggestion de sujet — ${data.lab}` : `New tip — ${data.lab}`,
      lines: [fr ? `${data.by} vous propose un sujet :` : `${data.by} suggests a story:`, `« ${data.what} »`],
      action: fr ? 'Voir la suggestion' : 'Open the tip',
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
  };
}

/** Emails the tip notifications of people who chose "immediately"; marks them emailed. */
export async function emailTipNotifications(ctx: AppContext, notificationIds: string[]): Promise<void> {
  if (notificationIds.length === 0) return;
  const rows = await ctx.db
    .selectFrom('notifications')
    .innerJoin('people', 'people.id', 'notifications.recipient_id')
    .select([
      'notifications.id',
      'notifications.kind',
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
    const locale: Locale = row.locale === 'en' ? 'en' : 'fr';
    const data = row.data as TipNoticeData;
    const { subject, lines, action } = render(row.kind, data, locale);
    const link = `${ctx.config.publicUrl}/tips/${data.tipId}`;
    await ctx.mailer.send({
      to: row.email,
      stream: 'notifications',
      subject,
      ...renderNotificationMail({ locale, firstName: row.first_name, lines, action, link }),
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    await ctx.db
      .updateTable('notifications')
      .set({ emailed_at: ctx.now().toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
}
