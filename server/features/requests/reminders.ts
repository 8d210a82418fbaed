import type { Locale } from '../../../shared/roles.ts';
import type { AppContext } from '../../context.ts';
import type { Request, RequestReminder } from '../../db/schema.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { HttpError } from '../../lib/errors.ts';
import { newId } from '../../lib/tokens.ts';
import { renderNotificationMail } from '../../mail/notification-mail.ts';
import type { Actor } from '../auth/actor.ts';
import { recordEvent } from '../history/record.ts';
import { describeRequestNotice, notifyAboutRequest, type RequestNoticeData } from './notify.ts';
import { correspondentsOfLabs } from './queries.ts';

/**
 * Reminders to the labs that have not answered, at the steps of each request (days before the
 * deadline), exactly once per (request, lab, step) — across crashes. The ledger is
 * `request_reminders` (unique on request, lab, step):
 *
 *   pending ──claim (committed before any SMTP exchange)──▶ sending ──mail accepted──▶ sent
 *                                                             │
 *                         lease expired: the worker died mid-send ──▶ uncertain
 *
 * An uncertain reminder is never sent again by itself: the board shows it, and a person resends it
 * (back to pending) or marks it sent. The recipients whose mail was accepted are written one by
 * one (`sent_to`), so a resend or a retry goes to the others only.
 */

export const reminderJobKind = 'requests.remind';
/**
 * How long a claimed reminder may stay "sending" before it is deemed interrupted: longer than one
 * SMTP exchange can last (nodemailer gives up on a silent socket after 10 minutes), so a slow
 * server is never mistaken for a dead worker. Renewed after each recipient.
 */
export const reminderLeaseMs = 15 * 60_000;
const dayMs = 86_400_000;

/** Rows left "sending" after their lease: the worker died during the SMTP exchange. */
export async function markStalledReminders(ctx: AppContext): Promise<number> {
  const at = ctx.now().toISOString();
  const result = await ctx.db
    .updateTable('request_reminders')
    .set({
      state: 'uncertain',
      claimed_until: null,
      last_error: 'Sending was interrupted: the mail may or may not have left. Resend it or mark it sent.',
      updated_at: at,
    })
    .where('state', '=', 'sending')
    .where('claimed_until', '<', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The step due now for a request: the one closest to the deadline among those whose time has come
 * (a worker down for days sends one reminder, not a burst) and that came after the request reached
 * the labs (no "3 days left" for a request sent 2 days before its deadline).
 */
export function dueStep(
  request: Pick<Request, 'deadline_at' | 'opened_at' | 'reminder_days'>,
  now: Date,
): number | null {
  const deadline = Date.parse(request.deadline_at);
  if (deadline <= now.getTime()) return null;
  const opened = request.opened_at ? Date.parse(request.opened_at) : 0;
  const due = request.reminder_days.filter((step) => {
    const at = deadline - step * dayMs;
    return at <= now.getTime() && at >= opened;
  });
  return due.length ? Math.min(...due) : null;
}

/** Writes the ledger rows of the steps due now, for the labs that have neither answered nor declined. */
export async function planReminders(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  const at = now.toISOString();
  const requests = await ctx.db
    .selectFrom('requests')
    .select(['id', 'deadline_at', 'opened_at', 'reminder_days'])
    .where('state', '=', 'open')
    .where('deadline_at', '>', at)
    .execute();
  let planned = 0;
  for (const request of requests) {
    const step = dueStep(request, now);
    if (step === null) continue;
    const targets = await ctx.db
      .selectFrom('request_targets')
      .select(['lab_id', 'person_ids'])
      .where('request_id', '=', request.id)
      .where('state', 'in', ['not_seen', 'seen'])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('request_reminders')
              .select('request_reminders.id')
              .whereRef('request_reminders.request_id', '=', 'request_targets.request_id')
              .whereRef('request_reminders.lab_id', '=', 'request_targets.lab_id')
              .where('request_reminders.step', '=', step),
          ),
        ),
      )
      .execute();
    if (targets.length === 0) continue;
    const correspondents = await correspondentsOfLabs(
      ctx.db,
      targets.map((target) => target.lab_id),
    );
    for (const target of targets) {
      const recipients = target.person_ids.length
        ? target.person_ids
        : (correspondents.get(target.lab_id) ?? []);
      const result = await ctx.db
        .insertInto('request_reminders')
        .values({
          id: newId(),
          request_id: request.id,
          lab_id: target.lab_id,
          step,
          state: recipients.length ? 'pending' : 'cancelled',
          claimed_until: null,
          recipients: JSON.stringify(recipients),
          sent_to: JSON.stringify([]),
          message_id: null,
          sent_at: null,
          last_error: recipients.length ? null : 'The lab has no correspondent to remind',
          created_at: at,
          updated_at: at,
        })
        .onConflict((conflict) => conflict.columns(['request_id', 'lab_id', 'step']).doNothing())
        .executeTakeFirst();
      planned += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
  }
  return planned;
}

/** Errors after which the mail surely did not leave (nothing reached the server, or it refused the envelope). */
function isSurelyNotSent(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ECONNECTION' || code === 'EENVELOPE' || code === 'ECONNREFUSED' || code === 'EDNS';
}

/** Sends one pending reminder: claim, mail each recipient not yet mailed, mark sent. */
export async function sendReminder(
  ctx: AppContext,
  reminderId: string,
): Promise<RequestReminder['state'] | null> {
  const claimedAt = ctx.now();
  const lease = () => new Date(ctx.now().getTime() + reminderLeaseMs).toISOString();
  // The claim is committed on its own, before the SMTP exchange: a crash after it leaves "sending".
  const [reminder] = await ctx.db
    .updateTable('request_reminders')
    .set({ state: 'sending', claimed_until: lease(), updated_at: claimedAt.toISOString() })
    .where('id', '=', reminderId)
    .where('state', '=', 'pending')
    .returningAll()
    .execute();
  if (!reminder) return null;
  const setState = async (state: RequestReminder['state'], extra: { last_error?: string | null } = {}) => {
    await ctx.db
      .updateTable('request_reminders')
      .set({ state, claimed_until: null, updated_at: ctx.now().toISOString(), ...extra })
      .where('id', '=', reminder.id)
      .where('state', '=', 'sending')
      .execute();
    return state;
  };
  const request = await ctx.db
    .selectFrom('requests')
    .selectAll()
    .where('id', '=', reminder.request_id)
    .executeTakeFirstOrThrow();
  const target = await ctx.db
    .selectFrom('request_targets')
    .innerJoin('labs', 'labs.id', 'request_targets.lab_id')
    .select(['request_targets.state', 'labs.acronym'])
    .where('request_targets.request_id', '=', reminder.request_id)
    .where('request_targets.lab_id', '=', reminder.lab_id)
    .executeTakeFirstOrThrow();
  if (
    request.state !== 'open' ||
    Date.parse(request.deadline_at) <= ctx.now().getTime() ||
    target.state === 'answered' ||
    target.state === 'declined'
  ) {
    return setState('cancelled', { last_error: 'No longer needed: answered, closed or past the deadline' });
  }
  const people = await ctx.db
    .selectFrom('people')
    .select(['id', 'email', 'first_name', 'locale', 'notification_mode'])
    .where('id', 'in', reminder.recipients.length ? reminder.recipients : [''])
    .where('account_status', '=', 'active')
    .where('deleted_at', 'is', null)
    .execute();
  // Those who turned notification mails off get the bell only.
  const mailed = people.filter((person) => person.notification_mode !== 'off');
  const sentTo = [...reminder.sent_to];
  const data: RequestNoticeData = {
    requestId: request.id,
    title: request.title,
    lab: target.acronym,
    deadline: request.deadline_at,
    timeZone: request.deadline_time_zone,
  };
  let messageId: string | null = reminder.message_id;
  for (const person of mailed) {
    if (sentTo.includes(person.id)) continue;
    const locale: Locale = person.locale === 'en' ? 'en' : 'fr';
    const notice = describeRequestNotice('request_reminder', data, locale);
    try {
      const sent = await ctx.mailer.send({
        to: person.email,
        stream: 'notifications',
        subject: notice.subject,
        ...renderNotificationMail({
          locale,
          firstName: person.first_name,
          lines: notice.lines.filter(Boolean),
          action: notice.action,
          link: `${ctx.config.publicUrl}${notice.path}`,
        }),
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      messageId = sent.messageId;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      return setState(isSurelyNotSent(error) ? 'pending' : 'uncertain', { last_error: message });
    }
    sentTo.push(person.id);
    await ctx.db
      .updateTable('request_reminders')
      .set({ sent_to: JSON.stringify(sentTo), message_id: messageId, claimed_until: lease() })
      .where('id', '=', reminder.id)
      .where('state', '=', 'sending')
      .execute();
  }
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('request_reminders')
      .set({ state: 'sent', sent_at: at, claimed_until: null, last_error: null, updated_at: at })
      .where('id', '=', reminder.id)
      .where('state', '=', 'sending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return;
    // The bell too; the mail has gone already (emailed_at set: neither queued nor in a digest).
    await notifyAboutRequest(trx, {
      recipientIds: people.map((person) => person.id),
      kind: 'request_reminder',
      actorId: null,
      data,
      at,
      mailed: true,
    });
  });
  return 'sent';
}

/** The recurring job: interrupted sends become uncertain, due steps are planned, pending ones sent. */
export async function runRequestReminders(
  ctx: AppContext,
  run: { signal: AbortSignal; extendLease: () => Promise<void> },
): Promise<{ planned: number; sent: number }> {
  await markStalledReminders(ctx);
  const planned = await planReminders(ctx);
  let sent = 0;
  for (;;) {
    const batch = await ctx.db
      .selectFrom('request_reminders')
      .select('id')
      .where('state', '=', 'pending')
      .orderBy('created_at')
      .orderBy('id')
      .limit(100)
      .execute();
    let progressed = false;
    for (const row of batch) {
      if (run.signal.aborted) return { planned, sent };
      const outcome = await sendReminder(ctx, row.id);
      if (outcome === 'sent') sent++;
      // A reminder put back to pending (SMTP down) waits for the next run.
      if (outcome !== null && outcome !== 'pending') progressed = true;
      if (sent > 0 && sent % 20 === 0) await run.extendLease();
    }
    if (!progressed || batch.length < 100) return { planned, sent };
  }
}

const assertUncertain = (reminder: RequestReminder) => {
  if (reminder.state !== 'uncertain')
    throw new HttpError(409, 'invalid_state', `This reminder is ${reminder.state}, not uncertain`);
};

/** A person decides: send an uncertain reminder again (to those not known to have it). */
export async function resendReminder(
  ctx: AppContext,
  actor: Actor,
  reminder: RequestReminder,
): Promise<void> {
  assertUncertain(reminder);
  const now = ctx.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('request_reminders')
      .set({ state: 'pending', last_error: null, updated_at: at })
      .where('id', '=', reminder.id)
      .where('state', '=', 'uncertain')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new HttpError(409, 'conflict', 'Someone handled it meanwhile');
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'request',
      subjectId: reminder.request_id,
      action: 'reminder_resent',
      data: { reminderId: reminder.id, labId: reminder.lab_id, step: reminder.step },
      at,
    });
    await enqueueJob(trx, reminderJobKind, { reminderId: reminder.id }, { now });
  });
}

/** A person decides: the uncertain reminder did go out (the lab confirmed it). */
export async function markReminderSent(
  ctx: AppContext,
  actor: Actor,
  reminder: RequestReminder,
): Promise<void> {
  assertUncertain(reminder);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('request_reminders')
      .set({ state: 'sent', sent_at: at, updated_at: at })
      .where('id', '=', reminder.id)
      .where('state', '=', 'uncertain')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new HttpError(409, 'conflict', 'Someone handled it meanwhile');
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'request',
      subjectId: reminder.request_id,
      action: 'reminder_marked_sent',
      data: { reminderId: reminder.id, labId: reminder.lab_id, step: reminder.step },
      at,
    });
  });
}
