import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context.ts';
import type { GreetingCard } from '../../db/schema.ts';
import { conflict, invalid } from '../../lib/errors.ts';
import { sanitizeRichText } from '../../lib/html.ts';
import { normaliseImage, writeFileAtomic } from '../../lib/images.ts';
import { newId, newSecret } from '../../lib/tokens.ts';
import { unknownPlaceholders } from '../../mail/campaign-template.ts';
import type { Actor } from '../auth/actor.ts';
import { checkContent, insertCampaign } from '../campaigns/actions.ts';
import { recordEvent } from '../history/record.ts';
import { syncGreetingCampaign } from './compose.ts';

export type GreetingInput = {
  year?: number | undefined;
  title?: string | undefined;
  messageHtml?: string | undefined;
  imageAlt?: string | undefined;
  listIds?: string[] | undefined;
};

function checkMessage(html: string): string {
  const unknown = unknownPlaceholders(html);
  if (unknown.length) throw invalid({ messageHtml: `unknown placeholder {{${unknown[0]}}}` });
  return sanitizeRichText(html);
}

export async function createGreeting(
  ctx: AppContext,
  actor: Actor,
  input: GreetingInput & { year: number; title: string; messageHtml: string },
): Promise<string> {
  const messageHtml = checkMessage(input.messageHtml);
  if (input.listIds?.length) await checkContent(ctx, { listIds: input.listIds });
  const at = ctx.now().toISOString();
  const card: GreetingCard = {
    id: newId(),
    year: input.year,
    title: input.title.trim(),
    message_html: messageHtml,
    image_path: null,
    image_alt: input.imageAlt?.trim() ?? '',
    campaign_id: '',
    created_by: actor.id,
    created_at: at,
    updated_at: at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    card.campaign_id = await insertCampaign(
      trx,
      actor,
      { kind: 'greeting', subject: card.title, bodyHtml: '', listIds: input.listIds ?? [] },
      at,
    );
    await trx.insertInto('greeting_cards').values(card).execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'greeting_card',
      subjectId: card.id,
      action: 'created',
      data: { year: card.year, title: card.title },
      at,
    });
    await syncGreetingCampaign(ctx, trx, card, at);
  });
  return card.id;
}

async function saveCard(
  ctx: AppContext,
  actor: Actor,
  card: GreetingCard,
  next: GreetingCard,
  data: Record<string, unknown>,
  listIds?: string[],
) {
  await ctx.db.transaction().execute(async (trx) => {
    const campaign = await trx
      .updateTable('campaigns')
      .set({
        updated_at: next.updated_at,
        ...(listIds ? { list_ids: JSON.stringify([...new Set(listIds)]) } : {}),
      })
      .where('id', '=', card.campaign_id)
      .where('state', '=', 'draft')
      .executeTakeFirst();
    if (Number(campaign.numUpdatedRows) !== 1) throw conflict('This greeting card is no longer a draft');
    await trx
      .updateTable('greeting_cards')
      .set({
        year: next.year,
        title: next.title,
        message_html: next.message_html,
        image_path: next.image_path,
        image_alt: next.image_alt,
        updated_at: next.updated_at,
      })
      .where('id', '=', card.id)
      .execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'greeting_card',
      subjectId: card.id,
      action: 'updated',
      data,
      at: next.updated_at,
    });
    await syncGreetingCampaign(ctx, trx, next, next.updated_at);
  });
}

export async function updateGreeting(
  ctx: AppContext,
  actor: Actor,
  card: GreetingCard,
  input: GreetingInput,
) {
  const messageHtml = input.messageHtml === undefined ? undefined : checkMessage(input.messageHtml);
  if (input.listIds) await checkContent(ctx, { listIds: input.listIds });
  const next: GreetingCard = {
    ...card,
    year: input.year ?? card.year,
    title: input.title?.trim() ?? card.title,
    message_html: messageHtml ?? card.message_html,
    image_alt: input.imageAlt?.trim() ?? card.image_alt,
    updated_at: ctx.now().toISOString(),
  };
  const changes = Object.keys(input).filter((key) => input[key as keyof GreetingInput] !== undefined);
  await saveCard(ctx, actor, card, next, { changes }, input.listIds);
}

/** The card's image: checked by content, re-encoded to WebP (metadata dropped), written atomically. */
export async function setGreetingImage(ctx: AppContext, actor: Actor, card: GreetingCard, upload: Buffer) {
  const image = await normaliseImage(upload, 1200);
  const uploads = path.join(ctx.config.dataDir, 'uploads');
  const relative = `greetings/${card.id}-${newSecret()
    .slice(0, 12)
    .replace(/[^A-Za-z0-9]/g, 'x')}.webp`;
  await writeFileAtomic(path.join(uploads, relative), image);
  const next = { ...card, image_path: relative, updated_at: ctx.now().toISOString() };
  try {
    await saveCard(ctx, actor, card, next, { image: true });
  } catch (error) {
    await fs.rm(path.join(uploads, relative), { force: true });
    throw error;
  }
  if (card.image_path) await fs.rm(path.join(uploads, card.image_path), { force: true });
}

export async function deleteGreeting(ctx: AppContext, actor: Actor, card: GreetingCard): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const campaign = await trx
      .selectFrom('campaigns')
      .select('state')
      .where('id', '=', card.campaign_id)
      .executeTakeFirst();
    if (campaign?.state !== 'draft') throw conflict('This greeting card is no longer a draft');
    await trx.deleteFrom('greeting_cards').where('id', '=', card.id).execute();
    await trx.deleteFrom('campaigns').where('id', '=', card.campaign_id).execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'greeting_card',
      subjectId: card.id,
      action: 'deleted',
      data: { year: card.year, title: card.title },
      at,
    });
  });
  if (card.image_path)
    await fs.rm(path.join(ctx.config.dataDir, 'uploads', card.image_path), { force: true });
}
