import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import type { Campaign } from '../../db/schema.ts';

export type RecipientCounts = {
  pending: number;
  claimed: number;
  sent: number;
  failed: number;
  suppressed: number;
  uncertain: number;
};
const emptyCounts = (): RecipientCounts => ({
  pending: 0,
  claimed: 0,
  sent: 0,
  failed: 0,
  suppressed: 0,
  uncertain: 0,
});

export function findCampaign(db: Db, id: string): Promise<Campaign | undefined> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Ledger counts per campaign, one grouped query. */
export async function countRecipients(db: Db, ids: string[]): Promise<Map<string, RecipientCounts>> {
  const counts = new Map(ids.map((id) => [id, emptyCounts()]));
  if (ids.length === 0) return counts;
  const rows = await db
    .selectFrom('campaign_recipients')
    .select(['campaign_id', 'state', sql<number>`count(*)`.as('count')])
    .where('campaign_id', 'in', ids)
    .groupBy(['campaign_id', 'state'])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.campaign_id);
    if (entry) entry[row.state] = Number(row.count);
  }
  return counts;
}

/** Unsubscribes and hard bounces this campaign caused (aggregate figures only: no open tracking). */
export async function campaignOutcomes(db: Db, ids: string[]) {
  const outcomes = new Map(ids.map((id) => [id, { unsubscribes: 0, hardBounces: 0 }]));
  if (ids.length === 0) return outcomes;
  const rows = await db
    .selectFrom('suppressions')
    .select(['campaign_id', 'reason', sql<number>`count(*)`.as('count')])
    .where('campaign_id', 'in', ids)
    .groupBy(['campaign_id', 'reason'])
    .execute();
  for (const row of rows) {
    const entry = row.campaign_id ? outcomes.get(row.campaign_id) : undefined;
    if (!entry) continue;
    if (row.reason === 'unsubscribe') entry.unsubscribes += Number(row.count);
    if (row.reason === 'hard_bounce') entry.hardBounces += Number(row.count);
  }
  return outcomes;
}

export async function listCampaigns(
  db: Db,
  filter: { state?: Campaign['state']; kind?: Campaign['kind']; limit: number; offset: number },
) {
  let query = db.selectFrom('campaigns');
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const [items, total] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.count) };
}

export async function listNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('mailing_lists').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The live figures of a sending campaign: counts, rate over the last minute, ETA, last error. */
export async function campaignProgress(ctx: AppContext, campaign: Campaign) {
  const counts = (await countRecipients(ctx.db, [campaign.id])).get(campaign.id)!;
  const now = ctx.now();
  const windowStart = Math.max(
    now.getTime() - 60_000,
    campaign.started_at ? Date.parse(campaign.started_at) : 0,
  );
  const windowSeconds = Math.max(1, (now.getTime() - windowStart) / 1000);
  const recent = await ctx.db
    .selectFrom('campaign_recipients')
    .select(sql<number>`count(*)`.as('count'))
    .where('campaign_id', '=', campaign.id)
    .where('sent_at', '>=', new Date(windowStart).toISOString())
    .where('state', '=', 'sent')
    .executeTakeFirstOrThrow();
  const rate = campaign.state === 'sending' ? +(Number(recent.count) / windowSeconds).toFixed(2) : 0;
  const remaining = counts.pending + counts.claimed;
  const total = campaign.recipient_count;
  const done = counts.sent + counts.failed + counts.suppressed + counts.uncertain;
  return {
    id: campaign.id,
    state: campaign.state,
    total,
    ...counts,
    percent: total ? Math.floor((done / total) * 100) : 0,
    ratePerSecond: rate,
    etaSeconds: rate > 0 ? Math.ceil(remaining / rate) : null,
    lastError: campaign.last_error,
    lastErrorAt: campaign.last_error_at,
    pauseReason: campaign.pause_reason,
    scheduledAt: campaign.scheduled_at,
    startedAt: campaign.started_at,
    finishedAt: campaign.finished_at,
  };
}

export async function listUncertain(db: Db, campaignId: string, limit: number, offset: number) {
  const query = db
    .selectFrom('campaign_recipients')
    .where('campaign_id', '=', campaignId)
    .where('state', '=', 'uncertain');
  const [items, total] = await Promise.all([
    query
      .select(['contact_id', 'email', 'first_name', 'last_name', 'attempts', 'last_error', 'updated_at'])
      .orderBy('email')
      .limit(limit)
      .offset(offset)
      .execute(),
    query.select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.count) };
}
