import { type CampaignKind, campaignLimits, streamOfKind } from '../../../shared/campaigns.ts';
import type { AppContext } from '../../context.ts';
import type { Campaign } from '../../db/schema.ts';
import { conflict, HttpError, invalid } from '../../lib/errors.ts';
import { sanitizeRichText } from '../../lib/html.ts';
import { newId } from '../../lib/tokens.ts';
import { renderCampaign, unknownPlaceholders } from '../../mail/campaign-template.ts';
import type { Actor } from '../auth/actor.ts';
import { diffFields, recordEvent } from '../history/record.ts';
import { campaignHooks } from './hooks.ts';
import { enqueueCampaignRun } from './sending.ts';

export type CampaignInput = {
  kind: CampaignKind;
  name?: string;
  subject: string;
  bodyHtml: string;
  bodyText?: string;
  listIds: string[];
};

/** Checks what a person wrote: known placeholders, lists that exist. Returns the sanitized body. */
export async function checkContent(
  ctx: AppContext,
  input: { subject?: string; bodyHtml?: string; bodyText?: string; listIds?: string[] },
): Promise<string | undefined> {
  const fields: Record<string, string> = {};
  for (const name of ['subject', 'bodyHtml', 'bodyText'] as const) {
    const unknown = unknownPlaceholders(input[name] ?? '');
    if (unknown.length) fields[name] = `unknown placeholder {{${unknown[0]}}}`;
  }
  if (input.listIds?.length) {
    const found = await ctx.db
      .selectFrom('mailing_lists')
      .select('id')
      .where('id', 'in', input.listIds)
      .where('deleted_at', 'is', null)
      .execute();
    if (found.length !== new Set(input.listIds).size) fields.listIds = 'names a list that does not exist';
  }
  if (Object.keys(fields).length) throw invalid(fields);
  return input.bodyHtml === undefined ? undefined : sanitizeRichText(input.bodyHtml);
}

export async function createCampaign(ctx: AppContext, actor: Actor, input: CampaignInput): Promise<string> {
  const bodyHtml = (await checkContent(ctx, input))!;
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute((trx) => insertCampaign(trx, actor, { ...input, bodyHtml }, at));
}

/**
 * A draft campaign row and its history, inside the caller's transaction (a newsletter issue, a
 * greeting card or a press release makes its campaign in the transaction that makes itself).
 * The body must be safe already.
 */
export async function insertCampaign(
  trx: AppContext['db'],
  actor: Actor,
  input: CampaignInput,
  at: string,
): Promise<string> {
  const id = newId();
  await trx
    .insertInto('campaigns')
    .values({
      id,
      kind: input.kind,
      stream: streamOfKind[input.kind],
      name: input.name?.trim() || input.subject.trim(),
      subject: input.subject.trim(),
      body_html: input.bodyHtml,
      body_text: input.bodyText ?? '',
      html_template: null,
      text_template: null,
      list_ids: JSON.stringify([...new Set(input.listIds)]),
      state: 'draft',
      scheduled_at: null,
      started_at: null,
      finished_at: null,
      audience_frozen_at: null,
      recipient_count: 0,
      run_seq: 0,
      pause_reason: null,
      last_error: null,
      last_error_at: null,
      created_by: actor.id,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await recordEvent(trx, {
    actorId: actor.id,
    subjectType: 'campaign',
    subjectId: id,
    action: 'created',
    data: { kind: input.kind, subject: input.subject.trim() },
    at,
  });
  return id;
}

export async function updateCampaign(
  ctx: AppContext,
  actor: Actor,
  campaign: Campaign,
  input: Partial<Omit<CampaignInput, 'kind'>>,
): Promise<void> {
  const bodyHtml = await checkContent(ctx, input);
  const changes = {
    name: input.name?.trim(),
    subject: input.subject?.trim(),
    body_html: bodyHtml,
    body_text: input.bodyText,
    list_ids: input.listIds ? [...new Set(input.listIds)] : undefined,
  };
  const diff = diffFields(campaign, changes);
  if (Object.keys(diff).length === 0) return;
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('campaigns')
      .set({
        ...changes,
        list_ids: changes.list_ids ? JSON.stringify(changes.list_ids) : undefined,
        updated_at: at,
      })
      .where('id', '=', campaign.id)
      .where('state', '=', 'draft')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('This campaign is no longer a draft');
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'campaign',
      subjectId: campaign.id,
      action: 'updated',
      data: { changes: Object.fromEntries(Object.keys(diff).map((key) => [key, true])) },
      at,
    });
  });
}

export async function deleteCampaign(ctx: AppContext, actor: Actor, campaign: Campaign): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('campaigns')
      .where('id', '=', campaign.id)
      .where('state', '=', 'draft')
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw conflict('This campaign is no longer a draft');
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'campaign',
      subjectId: campaign.id,
      action: 'deleted',
      data: { subject: campaign.subject },
      at,
    });
  });
}

/** Renders once (MJML + text part), refusing what would not reach inboxes well. */
export async function renderForSending(ctx: AppContext, campaign: Campaign) {
  if (campaign.list_ids.length === 0) throw invalid({ listIds: 'choose at least one list' });
  const rendered = await renderCampaign({
    kind: campaign.kind,
    subject: campaign.subject,
    bodyHtml: campaign.body_html,
    bodyText: campaign.body_text,
    mjml: await campaignHooks[campaign.kind]?.mjml?.(ctx, campaign),
  });
  if (Buffer.byteLength(rendered.html) > campaignLimits.renderedHtml)
    throw invalid({
      bodyHtml: 'the mail would be over 100 KB: Gmail would clip it and hide the unsubscribe link',
    });
  return rendered;
}

/**
 * Scheduling (or sending now, which is scheduling at the present time): the mail is rendered once
 * and stored, and the send job enqueued at that time. The audience is frozen when the job starts.
 */
export async function scheduleCampaign(
  ctx: AppContext,
  actor: Actor,
  campaign: Campaign,
  at: Date | null,
): Promise<void> {
  const now = ctx.now();
  if (at && at.getTime() <= now.getTime()) throw invalid({ at: 'must be in the future' });
  const when = at ?? now;
  const refusal = await campaignHooks[campaign.kind]?.refuseSendingAt?.(ctx, campaign, when);
  if (refusal) throw new HttpError(409, refusal.code, refusal.message);
  const rendered = await renderForSending(ctx, campaign);
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('campaigns')
      .set({
        state: 'scheduled',
        scheduled_at: when.toISOString(),
        html_template: rendered.html,
        text_template: rendered.text,
        updated_at: now.toISOString(),
      })
      .where('id', '=', campaign.id)
      .where('state', 'in', ['draft', 'scheduled'])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('This campaign can no longer be scheduled');
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'campaign',
      subjectId: campaign.id,
      action: at ? 'scheduled' : 'send_now',
      data: { at: when.toISOString() },
      at: now.toISOString(),
    });
    await enqueueCampaignRun(trx, campaign.id, now, when);
  });
}

type Transition = {
  from: Campaign['state'][];
  to: Campaign['state'];
  action: string;
  /** enqueue a send run */
  run?: boolean;
  extra?: Partial<Pick<Campaign, 'pause_reason' | 'finished_at'>>;
};

const transitions = {
  pause: { from: ['sending'], to: 'paused', action: 'paused', extra: { pause_reason: 'Paused by a person' } },
  resume: { from: ['paused'], to: 'sending', action: 'resumed', run: true, extra: { pause_reason: null } },
  cancel: { from: ['scheduled', 'sending', 'paused'], to: 'cancelled', action: 'cancelled' },
} satisfies Record<string, Transition>;

export async function transitionCampaign(
  ctx: AppContext,
  actor: Actor,
  campaign: Campaign,
  name: keyof typeof transitions,
): Promise<void> {
  const transition: Transition = transitions[name];
  const now = ctx.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('campaigns')
      .set({
        state: transition.to,
        ...transition.extra,
        ...(transition.to === 'cancelled' ? { finished_at: at } : {}),
        updated_at: at,
      })
      .where('id', '=', campaign.id)
      .where('state', 'in', transition.from)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new HttpError(409, 'invalid_state', `This campaign is ${campaign.state}`);
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'campaign',
      subjectId: campaign.id,
      action: transition.action,
      data: { from: campaign.state },
      at,
    });
    // A campaign paused before it started (scheduled → … never) has no audience yet: the run freezes it.
    if (transition.run) await enqueueCampaignRun(trx, campaign.id, now);
  });
}

/** "Send to the remaining": failed rows back to pending with fresh attempts. Never a sent row. */
export async function retryRemaining(ctx: AppContext, actor: Actor, campaign: Campaign): Promise<number> {
  const now = ctx.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('campaign_recipients')
      .set({ state: 'pending', attempts: 0, next_attempt_at: at, last_error: null, updated_at: at })
      .where('campaign_id', '=', campaign.id)
      .where('state', '=', 'failed')
      .executeTakeFirst();
    const count = Number(result.numUpdatedRows);
    await reopen(trx, actor, campaign, now, 'retry_remaining', { recipients: count });
    return count;
  });
}

/** Back to sending (a sent or paused campaign whose rows were put back), with a run. */
async function reopen(
  trx: AppContext['db'],
  actor: Actor,
  campaign: Campaign,
  now: Date,
  action: string,
  data: Record<string, unknown>,
) {
  const at = now.toISOString();
  await trx
    .updateTable('campaigns')
    .set({ state: 'sending', pause_reason: null, finished_at: null, updated_at: at })
    .where('id', '=', campaign.id)
    .where('state', 'in', ['sent', 'paused', 'sending'])
    .execute();
  await recordEvent(trx, {
    actorId: actor.id,
    subjectType: 'campaign',
    subjectId: campaign.id,
    action,
    data,
    at,
  });
  await enqueueCampaignRun(trx, campaign.id, now);
}

/** A person decides about uncertain recipients: they did get it (sent), or send again (pending). */
export async function resolveUncertain(
  ctx: AppContext,
  actor: Actor,
  campaign: Campaign,
  contactIds: string[] | 'all',
  as: 'sent' | 'resend',
): Promise<number> {
  const now = ctx.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    let query = trx
      .updateTable('campaign_recipients')
      .set(
        as === 'sent'
          ? { state: 'sent', sent_at: at, last_error: 'Marked sent by a person', updated_at: at }
          : { state: 'pending', next_attempt_at: at, last_error: null, updated_at: at },
      )
      .where('campaign_id', '=', campaign.id)
      .where('state', '=', 'uncertain');
    if (contactIds !== 'all') query = query.where('contact_id', 'in', contactIds.length ? contactIds : ['']);
    const count = Number((await query.executeTakeFirst()).numUpdatedRows);
    if (count === 0)
      throw new HttpError(409, 'invalid_state', 'No uncertain recipient matches (handled meanwhile?)');
    if (as === 'resend' && campaign.state !== 'paused') {
      await reopen(trx, actor, campaign, now, 'uncertain_resent', { recipients: count });
    } else {
      await recordEvent(trx, {
        actorId: actor.id,
        subjectType: 'campaign',
        subjectId: campaign.id,
        action: as === 'sent' ? 'uncertain_marked_sent' : 'uncertain_resent',
        data: { recipients: count },
        at,
      });
    }
    return count;
  });
}
