import type { Locale } from '../../../shared/roles.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { renderNotificationMail } from '../../mail/notification-mail.ts';
import { describeRequestNotice } from '../requests/notify.ts';
import { describeTipNotice, type TipNoticeData } from '../tips/notify.ts';

/** What a notification says in a mail or a digest line, in the recipient's language. */
export type NoticeText = { subject: string; lines: string[]; action: string; path: string };

type NoticeRow = { kind: string; story_id: string | null; data: Record<string, unknown> };

const storyLabels: Record<string, { fr: string; en: string }> = {
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

export function describeNotification(row: NoticeRow, locale: Locale): NoticeText {
  if (row.kind.startsWith('request_') || row.kind.startsWith('solicitation_'))
    return describeRequestNotice(row.kind, row.data, locale);
  if (row.kind.startsWith('tip_')) return describeTipNotice(row.kind, row.data as TipNoticeData, locale);
  const label = storyLabels[row.kind]?.[locale] ?? row.kind;
  const title = String(row.data.title ?? '');
  const detail = typeof row.data.message === 'string' ? row.data.message : '';
  return {
    subject: `${label} — ${title}`,
    lines: [`${label} : « ${title} »`, detail],
    action: locale === 'en' ? 'Open in Relais' : 'Ouvrir dans Relais',
    path: `/stories/${row.story_id}`,
  };
}

/** Queues the mails of new notifications; call in the transaction that created them. */
export async function queueNotificationEmails(db: Db, notificationIds: string[], now: Date): Promise<void> {
  if (notificationIds.length > 0)
    await enqueueJob(db, 'notifications.email', { ids: notificationIds }, { now });
}

const recipientColumns = [
  'notifications.id',
  'notifications.kind',
  'notifications.story_id',
  'notifications.data',
  'people.email',
  'people.first_name',
  'people.locale',
] as const;

const markEmailed = (ctx: AppContext, ids: string[]) =>
  ctx.db
    .updateTable('notifications')
    .set({ emailed_at: ctx.now().toISOString() })
    .where('id', 'in', ids)
    .execute();

/**
 * Mails each notification to a recipient who chose "immediately" (job `notifications.email`), and
 * marks it emailed. A retried job skips those already marked.
 */
export async function emailNotifications(ctx: AppContext, notificationIds: string[]): Promise<void> {
  if (notificationIds.length === 0) return;
  const rows = await ctx.db
    .selectFrom('notifications')
    .innerJoin('people', 'people.id', 'notifications.recipient_id')
    .select(recipientColumns)
    .where('notifications.id', 'in', notificationIds)
    .where('notifications.emailed_at', 'is', null)
    .where('people.notification_mode', '=', 'immediate')
    .where('people.account_status', '=', 'active')
    .execute();
  for (const row of rows) {
    const locale: Locale = row.locale === 'en' ? 'en' : 'fr';
    const notice = describeNotification(row, locale);
    await ctx.mailer.send({
      to: row.email,
      stream: 'notifications',
      subject: notice.subject,
      ...renderNotificationMail({
        locale,
        firstName: row.first_name,
        lines: notice.lines,
        action: notice.action,
        link: `${ctx.config.publicUrl}${notice.path}`,
      }),
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    await markEmailed(ctx, [row.id]);
  }
}

const digestLimit = 40;

/**
 * The daily digest (job `notifications.digest`, every morning): one mail per person who chose
 * "daily digest", listing what they have not read nor been mailed yet; then all of it is marked
 * emailed, so the next digest starts afresh. Returns how many mails went out.
 */
export async function sendDailyDigests(ctx: AppContext): Promise<number> {
  const rows = await ctx.db
    .selectFrom('notifications')
    .innerJoin('people', 'people.id', 'notifications.recipient_id')
    .select([...recipientColumns, 'notifications.recipient_id'])
    .where('notifications.emailed_at', 'is', null)
    .where('notifications.read_at', 'is', null)
    .where('people.notification_mode', '=', 'daily')
    .where('people.account_status', '=', 'active')
    .orderBy('notifications.recipient_id')
    .orderBy('notifications.created_at', 'desc')
    .execute();
  const byPerson = Map.groupBy(rows, (row) => row.recipient_id);
  for (const items of byPerson.values()) {
    const first = items[0];
    if (!first) continue;
    const locale: Locale = first.locale === 'en' ? 'en' : 'fr';
    const shown = items.slice(0, digestLimit);
    const more = items.length - shown.length;
    const count = items.length;
    const subject =
      locale === 'en'
        ? `Relais — your daily digest (${count} new)`
        : `Relais — votre résumé du jour (${count} nouveauté${count > 1 ? 's' : ''})`;
    const intro =
      locale === 'en'
        ? 'Here is what happened in the network since your last digest:'
        : 'Voici ce qui s’est passé dans le réseau depuis votre dernier résumé :';
    const moreLine = more > 0 ? (locale === 'en' ? `…and ${more} more.` : `…et ${more} de plus.`) : '';
    await ctx.mailer.send({
      to: first.email,
      stream: 'notifications',
      subject,
      ...renderNotificationMail({
        locale,
        firstName: first.first_name,
        lines: [intro],
        items: shown.map((row) => {
          const notice = describeNotification(row, locale);
          return { text: notice.subject, link: `${ctx.config.publicUrl}${notice.path}` };
        }),
        after: moreLine,
        action: locale === 'en' ? 'Open Relais' : 'Ouvrir Relais',
        link: `${ctx.config.publicUrl}/`,
      }),
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    await markEmailed(
      ctx,
      items.map((row) => row.id),
    );
  }
  return byPerson.size;
}
