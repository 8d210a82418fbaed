import type { AppContext } from '../../context.ts';
import type { PressRelease, Story } from '../../db/schema.ts';
import { conflict, HttpError } from '../../lib/errors.ts';
import { sanitizeRichText } from '../../lib/html.ts';
import { newId } from '../../lib/tokens.ts';
import type { Actor } from '../auth/actor.ts';
import { checkContent, insertCampaign } from '../campaigns/actions.ts';
import { recordEvent } from '../history/record.ts';
import { findStoryOf, pdfUrlOf, syncPressCampaign } from './compose.ts';

export type PressInput = {
  title?: string | undefined;
  summary?: string | undefined;
  bodyHtml?: string | undefined;
  contacts?: string | undefined;
  listIds?: string[] | undefined;
};

/** A release made from an accepted story: its title, summary and text to start from. */
export async function createPressRelease(
  ctx: AppContext,
  actor: Actor,
  story: Story,
  input: PressInput,
): Promise<string> {
  if (story.state !== 'accepted' || story.deleted_at !== null)
    throw new HttpError(409, 'invalid_state', 'A press release is made from an accepted story');
  if (input.listIds?.length) await checkContent(ctx, { listIds: input.listIds });
  const at = ctx.now().toISOString();
  const id = newId();
  const pdfUrl = await pdfUrlOf(ctx, id);
  const release: PressRelease = {
    id,
    story_id: story.id,
    title: input.title?.trim() || story.title,
    summary: input.summary?.trim() ?? story.summary,
    body_html: sanitizeRichText(input.bodyHtml ?? story.body_html),
    contacts: input.contacts?.trim() ?? '',
    campaign_id: '',
    created_by: actor.id,
    created_at: at,
    updated_at: at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    release.campaign_id = await insertCampaign(
      trx,
      actor,
      { kind: 'press', subject: release.title, bodyHtml: '', listIds: input.listIds ?? [] },
      at,
    );
    await trx.insertInto('press_releases').values(release).execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'press_release',
      subjectId: id,
      action: 'created',
      data: { storyId: story.id, title: release.title },
      at,
    });
    await syncPressCampaign(ctx, trx, release, story, at, pdfUrl);
  });
  return id;
}

export async function updatePressRelease(
  ctx: AppContext,
  actor: Actor,
  release: PressRelease,
  input: PressInput,
): Promise<void> {
  if (input.listIds) await checkContent(ctx, { listIds: input.listIds });
  const at = ctx.now().toISOString();
  const next: PressRelease = {
    ...release,
    title: input.title?.trim() ?? release.title,
    summary: input.summary?.trim() ?? release.summary,
    body_html: input.bodyHtml === undefined ? release.body_html : sanitizeRichText(input.bodyHtml),
    contacts: input.contacts?.trim() ?? release.contacts,
    updated_at: at,
  };
  const story = await findStoryOf(ctx.db, release);
  const pdfUrl = await pdfUrlOf(ctx, release.id);
  await ctx.db.transaction().execute(async (trx) => {
    const campaign = await trx
      .updateTable('campaigns')
      .set({
        updated_at: at,
        ...(input.listIds ? { list_ids: JSON.stringify([...new Set(input.listIds)]) } : {}),
      })
      .where('id', '=', release.campaign_id)
      .where('state', '=', 'draft')
      .executeTakeFirst();
    if (Number(campaign.numUpdatedRows) !== 1) throw conflict('This press release is no longer a draft');
    await trx
      .updateTable('press_releases')
      .set({
        title: next.title,
        summary: next.summary,
        body_html: next.body_html,
        contacts: next.contacts,
        updated_at: at,
      })
      .where('id', '=', release.id)
      .execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'press_release',
      subjectId: release.id,
      action: 'updated',
      data: { changes: Object.keys(input).filter((key) => input[key as keyof PressInput] !== undefined) },
      at,
    });
    await syncPressCampaign(ctx, trx, next, story, at, pdfUrl);
  });
}

/** Before a send: the embargo notice follows the story's embargo as it is now. */
export async function refreshPressCampaign(ctx: AppContext, release: PressRelease): Promise<void> {
  const story = await findStoryOf(ctx.db, release);
  await syncPressCampaign(
    ctx,
    ctx.db,
    release,
    story,
    ctx.now().toISOString(),
    await pdfUrlOf(ctx, release.id),
  );
}

export async function deletePressRelease(
  ctx: AppContext,
  actor: Actor,
  release: PressRelease,
): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const campaign = await trx
      .selectFrom('campaigns')
      .select('state')
      .where('id', '=', release.campaign_id)
      .executeTakeFirst();
    if (campaign?.state !== 'draft') throw conflict('This press release is no longer a draft');
    await trx.deleteFrom('press_releases').where('id', '=', release.id).execute();
    await trx.deleteFrom('campaigns').where('id', '=', release.campaign_id).execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'press_release',
      subjectId: release.id,
      action: 'deleted',
      data: { title: release.title },
      at,
    });
  });
}
