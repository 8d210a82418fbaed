import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import type { Campaign, CampaignRecipient } from '../../db/schema.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { linkKey, recipientLinks } from '../../mail/campaign-links.ts';
import { compileTemplate, escapeHtml, fillTemplate } from '../../mail/campaign-template.ts';
import { holdCampaignTransport, messageDomainOf } from '../../mail/campaign-transport.ts';
import { suppressAddress } from '../audiences/actions.ts';
import { recordEvent } from '../history/record.ts';
import { campaignHooks } from './hooks.ts';

/**
 * The sending engine of a campaign, run by the job 'campaigns.send' (server/jobs/campaign-send.ts).
 *
 * First run: the campaign goes scheduled → sending and its audience is frozen in the same
 * transaction — one ledger row per contact (unique on campaign, contact), those on the suppression
 * list written as `suppressed`. Then the job claims rows one rate slot at a time (the claim is
 * committed before the SMTP exchange; PostgreSQL: FOR UPDATE SKIP LOCKED) and hands each to the
 * pool at once, so after a crash only the messages in the pool's hands are in doubt:
 *
 *   pending ─claim (lease)─▶ claimed ─250─▶ sent (SMTP response, Message-ID)
 *                               ├─ 4xx / connection refused ─▶ pending, later (bounded attempts) ─▶ failed
 *                               ├─ 550/551/553, refused recipient ─▶ suppressed (+ suppression list: hard bounce)
 *                               ├─ other 5xx ─▶ failed
 *                               └─ lease expired (worker died mid-send) ─▶ uncertain (a person decides)
 *
 * N failures in a row pause the campaign with the last error. On shutdown (the job's signal) it
 * stops claiming, lets the messages in hand finish, and leaves a follow-up job.
 */

export const campaignJobKind = 'campaigns.send';
/** Longer than one SMTP exchange may last (nodemailer gives up on a silent socket after 10 minutes). */
export const recipientLeaseMs = 15 * 60_000;
export const maxAttemptsPerRecipient = 5;
const runSliceMs = 60_000;
const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

export type SendRun = { signal: AbortSignal; extendLease: () => Promise<void>; workerId: string };

/** Enqueues the next run of a campaign's sending (each with its own dedupe key). */
export async function enqueueCampaignRun(db: Db, campaignId: string, now: Date, runAt?: Date): Promise<void> {
  const [row] = await db
    .updateTable('campaigns')
    .set((eb) => ({ run_seq: eb('run_seq', '+', 1) }))
    .where('id', '=', campaignId)
    .returning('run_seq')
    .execute();
  await enqueueJob(
    db,
    campaignJobKind,
    { campaignId },
    { now, runAt, key: `campaign:${campaignId}:${row?.run_seq ?? 0}`, maxAttempts: 20 },
  );
}

/** scheduled → sending, and the audience frozen, in one transaction. */
async function startSending(ctx: AppContext, campaign: Campaign): Promise<void> {
  const at = ctx.now().toISOString();
  const ts = sql.raw(ctx.dialect === 'postgres' ? 'timestamptz' : 'text');
  await ctx.db.transaction().execute(async (trx) => {
    const started = await trx
      .updateTable('campaigns')
      .set({ state: 'sending', started_at: at, audience_frozen_at: at, updated_at: at })
      .where('id', '=', campaign.id)
      .where('state', '=', 'scheduled')
      .executeTakeFirst();
    if (Number(started.numUpdatedRows) !== 1) return;
    const listIds = campaign.list_ids.length ? campaign.list_ids : [''];
    await trx
      .insertInto('campaign_recipients')
      .columns([
        'campaign_id',
        'contact_id',
        'email',
        'first_name',
        'last_name',
        'state',
        'attempts',
        'next_attempt_at',
        'last_error',
        'created_at',
        'updated_at',
      ])
      .expression(
        trx
          .selectFrom('contacts as c')
          .select([
            sql<string>`cast(${campaign.id} as text)`.as('campaign_id'),
            'c.id',
            'c.email',
            'c.first_name',
            'c.last_name',
            sql<string>`case when exists (select 1 from suppressions s where s.email = c.email and s.scope in ('*', ${campaign.stream})) then 'suppressed' else 'pending' end`.as(
              'state',
            ),
            sql<number>`0`.as('attempts'),
            sql<string>`cast(${at} as ${ts})`.as('next_attempt_at'),
            sql<string>`case when exists (select 1 from suppressions s where s.email = c.email and s.scope in ('*', ${campaign.stream})) then 'On the suppression list when sending started' else null end`.as(
              'last_error',
            ),
            sql<string>`cast(${at} as ${ts})`.as('created_at'),
            sql<string>`cast(${at} as ${ts})`.as('updated_at'),
          ])
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('list_members as m')
                .innerJoin('mailing_lists as l', 'l.id', 'm.list_id')
                .select('m.list_id')
                .whereRef('m.contact_id', '=', 'c.id')
                .where('m.list_id', 'in', listIds)
                .where('m.state', '=', 'active')
                .where('l.deleted_at', 'is', null),
            ),
          ),
      )
      .onConflict((c) => c.columns(['campaign_id', 'contact_id']).doNothing())
      .execute();
    const counts = await trx
      .selectFrom('campaign_recipients')
      .select(['state', sql<number>`count(*)`.as('count')])
      .where('campaign_id', '=', campaign.id)
      .groupBy('state')
      .execute();
    const total = counts.reduce((sum, row) => sum + Number(row.count), 0);
    const suppressed = Number(counts.find((row) => row.state === 'suppressed')?.count ?? 0);
    await trx
      .updateTable('campaigns')
      .set({ recipient_count: total })
      .where('id', '=', campaign.id)
      .execute();
    await recordEvent(trx, {
      actorId: null,
      subjectType: 'campaign',
      subjectId: campaign.id,
      action: 'sending_started',
      data: { recipients: total, suppressed },
      at,
    });
  });
}

/** Not sent after all: back to draft (nothing was frozen yet), the reason shown as the last error. */
async function refuseSending(ctx: AppContext, campaign: Campaign, reason: string): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('campaigns')
      .set({
        state: 'draft',
        scheduled_at: null,
        html_template: null,
        text_template: null,
        last_error: reason.slice(0, 600),
        last_error_at: at,
        updated_at: at,
      })
      .where('id', '=', campaign.id)
      .where('state', '=', 'scheduled')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return;
    await recordEvent(trx, {
      actorId: null,
      subjectType: 'campaign',
      subjectId: campaign.id,
      action: 'sending_refused',
      data: { reason },
      at,
    });
  });
}

/** Rows left claimed after their lease: the worker died during the SMTP exchange. */
export async function markStalledRecipients(ctx: AppContext, campaignId: string): Promise<number> {
  const at = ctx.now().toISOString();
  const result = await ctx.db
    .updateTable('campaign_recipients')
    .set({
      state: 'uncertain',
      claimed_until: null,
      last_error: 'Sending was interrupted: the mail may or may not have left. Resend it or mark it sent.',
      updated_at: at,
    })
    .where('campaign_id', '=', campaignId)
    .where('state', '=', 'claimed')
    .where('claimed_until', '<', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

async function claimRecipients(
  ctx: AppContext,
  campaignId: string,
  workerId: string,
  limit: number,
): Promise<CampaignRecipient[]> {
  const now = ctx.now();
  const at = now.toISOString();
  const claim = {
    state: 'claimed' as const,
    claimed_by: workerId,
    claimed_until: new Date(now.getTime() + recipientLeaseMs).toISOString(),
    updated_at: at,
  };
  const due = (db: Db) =>
    db
      .selectFrom('campaign_recipients')
      .select('contact_id')
      .where('campaign_id', '=', campaignId)
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .orderBy('next_attempt_at')
      .orderBy('contact_id')
      .limit(limit);
  if (ctx.dialect === 'postgres') {
    return ctx.db
      .with('due', (qb) =>
        due(qb as unknown as Db)
          .forUpdate()
          .skipLocked(),
      )
      .updateTable('campaign_recipients')
      .from('due')
      .set(claim)
      .where('campaign_recipients.campaign_id', '=', campaignId)
      .whereRef('campaign_recipients.contact_id', '=', 'due.contact_id')
      .returningAll('campaign_recipients')
      .execute();
  }
  return ctx.db
    .updateTable('campaign_recipients')
    .set(claim)
    .where('campaign_id', '=', campaignId)
    .where('contact_id', 'in', due(ctx.db))
    .where('state', '=', 'pending')
    .returningAll()
    .execute();
}

type Outcome =
  | { kind: 'sent'; messageId: string; response: string }
  | { kind: 'retry' | 'failed' | 'suppressed' | 'uncertain'; error: string };

/** Errors after which the message surely did not leave: nothing reached the server. */
const notSentCodes = new Set(['ECONNECTION', 'ECONNREFUSED', 'EDNS', 'EAUTH', 'ETLS']);

export function classifySmtpError(error: unknown, attempts: number): Outcome {
  const { responseCode, code, message } = error as {
    responseCode?: unknown;
    code?: unknown;
    message?: unknown;
  };
  const text = String(message ?? error).slice(0, 500);
  const status = typeof responseCode === 'number' ? responseCode : null;
  if (status !== null && status >= 500) {
    if ([550, 551, 553].includes(status) || (code === 'EENVELOPE' && status !== 552))
      return { kind: 'suppressed', error: text };
    return { kind: 'failed', error: text };
  }
  if ((status !== null && status >= 400) || notSentCodes.has(String(code))) {
    return attempts >= maxAttemptsPerRecipient
      ? { kind: 'failed', error: text }
      : { kind: 'retry', error: text };
  }
  return { kind: 'uncertain', error: text };
}

async function recordOutcome(
  ctx: AppContext,
  campaign: Campaign,
  row: CampaignRecipient,
  workerId: string,
  outcome: Outcome,
): Promise<void> {
  const now = ctx.now();
  const at = now.toISOString();
  const mine = (db: Db) =>
    db
      .updateTable('campaign_recipients')
      .where('campaign_id', '=', row.campaign_id)
      .where('contact_id', '=', row.contact_id)
      .where('state', '=', 'claimed')
      .where('claimed_by', '=', workerId);
  const attempts = row.attempts + 1;
  if (outcome.kind === 'sent') {
    await mine(ctx.db)
      .set({
        state: 'sent',
        attempts,
        claimed_by: null,
        claimed_until: null,
        smtp_response: outcome.response,
        message_id: outcome.messageId,
        last_error: null,
        sent_at: at,
        updated_at: at,
      })
      .execute();
    return;
  }
  await ctx.db.transaction().execute(async (trx) => {
    await mine(trx)
      .set({
        state: outcome.kind === 'retry' ? 'pending' : outcome.kind,
        attempts,
        claimed_by: null,
        claimed_until: null,
        next_attempt_at:
          outcome.kind === 'retry'
            ? new Date(now.getTime() + retryDelayMs(attempts)).toISOString()
            : row.next_attempt_at,
        smtp_response: outcome.error,
        last_error: outcome.error,
        updated_at: at,
      })
      .execute();
    if (outcome.kind === 'suppressed') {
      await suppressAddress(trx, {
        email: row.email,
        scope: '*',
        reason: 'hard_bounce',
        detail: outcome.error,
        campaignId: campaign.id,
        actorId: null,
        at,
      });
    }
    await trx
      .updateTable('campaigns')
      .set({ last_error: `${row.email}: ${outcome.error}`.slice(0, 600), last_error_at: at })
      .where('id', '=', campaign.id)
      .execute();
  });
}

/** The campaign pauses itself: too many failures in a row (the relay refuses us, the network is down). */
async function autoPause(ctx: AppContext, campaign: Campaign, errors: number, lastError: string) {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('campaigns')
      .set({
        state: 'paused',
        pause_reason: `Paused after ${errors} failed sends in a row`,
        last_error: lastError.slice(0, 600),
        last_error_at: at,
        updated_at: at,
      })
      .where('id', '=', campaign.id)
      .where('state', '=', 'sending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return;
    await recordEvent(trx, {
      actorId: null,
      subjectType: 'campaign',
      subjectId: campaign.id,
      action: 'auto_paused',
      data: { consecutiveErrors: errors, lastError: lastError.slice(0, 300) },
      at,
    });
  });
}

/** Nothing left to claim: the campaign is sent, or waits for its retries, or for another worker. */
async function finishOrFollowUp(ctx: AppContext, campaign: Campaign): Promise<'sent' | 'later' | 'other'> {
  const rows = await ctx.db
    .selectFrom('campaign_recipients')
    .select([
      'state',
      sql<number>`count(*)`.as('count'),
      sql<string>`min(next_attempt_at)`.as('next'),
      sql<string>`min(claimed_until)`.as('lease'),
    ])
    .where('campaign_id', '=', campaign.id)
    .where('state', 'in', ['pending', 'claimed'])
    .groupBy('state')
    .execute();
  const pending = rows.find((row) => row.state === 'pending');
  if (pending && Number(pending.count) > 0) {
    const next = new Date(String(pending.next as unknown));
    await enqueueCampaignRun(ctx.db, campaign.id, ctx.now(), next);
    return 'later';
  }
  const claimed = rows.find((row) => row.state === 'claimed');
  if (claimed && Number(claimed.count) > 0) {
    // In another worker's hands — or a dead one's: look again when their lease ends (→ uncertain).
    const leaseEnd = new Date(Date.parse(String(claimed.lease as unknown)) + 1000);
    await enqueueCampaignRun(ctx.db, campaign.id, ctx.now(), leaseEnd);
    return 'other';
  }
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('campaigns')
      .set({ state: 'sent', finished_at: at, updated_at: at })
      .where('id', '=', campaign.id)
      .where('state', '=', 'sending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return;
    const counts = await campaignCounts(trx, campaign.id);
    await recordEvent(trx, {
      actorId: null,
      subjectType: 'campaign',
      subjectId: campaign.id,
      action: 'sent',
      data: counts,
      at,
    });
    const afterSent = campaignHooks[campaign.kind]?.afterSentJob;
    if (afterSent)
      await enqueueJob(
        trx,
        afterSent,
        { campaignId: campaign.id },
        { now: ctx.now(), key: `${afterSent}:${campaign.id}` },
      );
  });
  return 'sent';
}

export async function campaignCounts(db: Db, campaignId: string) {
  const rows = await db
    .selectFrom('campaign_recipients')
    .select(['state', sql<number>`count(*)`.as('count')])
    .where('campaign_id', '=', campaignId)
    .groupBy('state')
    .execute();
  const counts = { pending: 0, claimed: 0, sent: 0, failed: 0, suppressed: 0, uncertain: 0 };
  for (const row of rows) counts[row.state] = Number(row.count);
  return counts;
}

/** One run of the job: start if due, mark interrupted sends uncertain, then send until done, paused or stopped. */
export async function runCampaign(ctx: AppContext, campaignId: string, run: SendRun): Promise<void> {
  const load = () =>
    ctx.db.selectFrom('campaigns').selectAll().where('id', '=', campaignId).executeTakeFirst();
  let campaign = await load();
  if (!campaign) return;
  if (campaign.state === 'scheduled') {
    // Rescheduled later: the job of the new time will come.
    if (campaign.scheduled_at && Date.parse(campaign.scheduled_at) > ctx.now().getTime()) return;
    // Checked again now: an embargo may have moved since it was scheduled.
    const refusal = await campaignHooks[campaign.kind]?.refuseSendingAt?.(ctx, campaign, ctx.now());
    if (refusal) return refuseSending(ctx, campaign, refusal.message);
    await startSending(ctx, campaign);
    campaign = (await load())!;
  }
  if (campaign.state !== 'sending' || !campaign.html_template || !campaign.text_template) return;
  await markStalledRecipients(ctx, campaign.id);

  const html = compileTemplate(campaign.html_template);
  const text = compileTemplate(campaign.text_template);
  const key = await linkKey(ctx);
  const { publicUrl, mailFrom, campaigns: settings } = ctx.config;
  const fromAddress = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  const listId = `<${campaign.stream}.${messageDomainOf(mailFrom)}>`;
  const transport = holdCampaignTransport(ctx);
  const concurrency = transport.kind === 'smtp' ? settings.maxConnections : 1;
  const inFlight = new Set<Promise<void>>();
  let consecutiveErrors = 0;
  let isStopped = false;
  let checkedAt = performance.now();
  let extendedAt = performance.now();
  // A run sends for a minute at most, then hands over to a follow-up job: other jobs (notification
  // mail) get their turn on a worker that runs one job at a time (SQLite).
  const sliceEnd = performance.now() + runSliceMs;
  const isOutOfTime = () => run.signal.aborted || performance.now() > sliceEnd;

  const deliver = async (row: CampaignRecipient) => {
    const links = recipientLinks(key, publicUrl, row.contact_id, campaign.id);
    const values = { firstName: row.first_name, lastName: row.last_name, email: row.email, ...links };
    let outcome: Outcome;
    try {
      const sent = await transport.send({
        to: row.email,
        subject: campaign.subject,
        html: fillTemplate(html, values, escapeHtml),
        text: fillTemplate(text, values, (value) => value),
        stream: campaign.stream,
        headers: {
          'List-Unsubscribe': `<${links.unsubscribeUrl}>, <mailto:${fromAddress}?subject=unsubscribe>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'List-Id': `${campaign.stream} ${listId}`,
          Precedence: 'bulk',
          'Auto-Submitted': 'auto-generated',
          'X-Relais-Campaign': campaign.id,
        },
      });
      outcome = { kind: 'sent', ...sent };
    } catch (error) {
      outcome = classifySmtpError(error, row.attempts + 1);
    }
    await recordOutcome(ctx, campaign, row, run.workerId, outcome);
    if (outcome.kind === 'sent') consecutiveErrors = 0;
    else if (++consecutiveErrors >= settings.pauseAfterErrors && !isStopped) {
      isStopped = true;
      await autoPause(ctx, campaign, consecutiveErrors, `${row.email}: ${outcome.error}`);
    }
  };

  try {
    for (;;) {
      if (isOutOfTime() || isStopped) break;
      if (performance.now() - checkedAt > 500) {
        checkedAt = performance.now();
        const state = (await load())?.state;
        if (state !== 'sending') break;
      }
      if (performance.now() - extendedAt > 30_000) {
        extendedAt = performance.now();
        await run.extendLease();
      }
      if (inFlight.size >= concurrency) {
        await Promise.race(inFlight);
        continue;
      }
      await transport.waitForSlot(run.signal);
      if (run.signal.aborted || isStopped) break;
      const [row] = await claimRecipients(ctx, campaign.id, run.workerId, 1);
      if (!row) {
        if (inFlight.size === 0) break;
        await Promise.race(inFlight);
        continue;
      }
      const sending: Promise<void> = deliver(row)
        .catch(() => {})
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    }
    await Promise.allSettled([...inFlight]);
  } finally {
    transport.release();
  }
  const state = (await load())?.state;
  if (state !== 'sending') return;
  if (isOutOfTime()) {
    // Shutting down, or the slice is over: what is left goes to a follow-up job.
    await enqueueCampaignRun(ctx.db, campaign.id, ctx.now());
    return;
  }
  await finishOrFollowUp(ctx, campaign);
}
