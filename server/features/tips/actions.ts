import fs from 'node:fs/promises';
import path from 'node:path';
import type { StoryKind } from '../../../shared/stories.ts';
import type { AppContext } from '../../context.ts';
import type { Tip } from '../../db/schema.ts';
import { conflict } from '../../lib/errors.ts';
import { processImage, type UploadedFile } from '../../lib/files.ts';
import { writeFileAtomic } from '../../lib/images.ts';
import { newId } from '../../lib/tokens.ts';
import { escapeHtml } from '../../mail/templates.ts';
import {
  insertAttachment,
  type StoredAttachment,
  storeAttachmentFiles,
  uploadsDir,
} from '../attachments/actions.ts';
import type { Actor } from '../auth/actor.ts';
import { recordEvent } from '../history/record.ts';
import { insertStory } from '../stories/actions.ts';
import { excerpt, notifyAboutTip } from './notify.ts';
import { correspondentsOf } from './queries.ts';

export const tipPhotoSize = 1600;

export type TipInput = { what: string; when?: string | undefined; who?: string | undefined };

const nameOf = (actor: Actor) => `${actor.person.first_name} ${actor.person.last_name}`;

/**
 * Records a tip for a lab and tells its correspondents. The photo is checked, re-encoded (no
 * metadata) and written before the row, so a row never points to a missing file.
 */
export async function createTip(
  ctx: AppContext,
  actor: Actor,
  lab: { id: string; acronym: string },
  input: TipInput,
  photo: UploadedFile | undefined,
): Promise<string> {
  const id = newId();
  let photoPath: string | null = null;
  if (photo) {
    const image = await processImage(photo.data, { size: tipPhotoSize, field: 'photo' });
    photoPath = `tips/${id}.webp`;
    await writeFileAtomic(path.join(uploadsDir(ctx), photoPath), image.data);
  }
  const at = ctx.now().toISOString();
  const what = input.what.trim();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('tips')
      .values({
        id,
        lab_id: lab.id,
        author_id: actor.id,
        what,
        when_text: input.when?.trim() ?? '',
        who_text: input.who?.trim() ?? '',
        photo_path: photoPath,
        state: 'open',
        story_id: null,
        response: '',
        handled_by: null,
        handled_at: null,
        created_at: at,
      })
      .execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'tip',
      subjectId: id,
      action: 'created',
      data: { labId: lab.id, hasPhoto: photoPath !== null },
      at,
    });
    return notifyAboutTip(trx, {
      recipientIds: await correspondentsOf(trx, lab.id),
      kind: 'tip_received',
      actorId: actor.id,
      data: { tipId: id, what: excerpt(what, 140), lab: lab.acronym, by: nameOf(actor) },
      at,
    });
  });
  return id;
}

/** A story title from the tip: its first 120 characters, cut at a word when possible. */
export function titleFromTip(what: string): string {
  const flat = what.replace(/\s+/g, ' ').trim();
  if (flat.length <= 120) return flat;
  const cut = flat.slice(0, 120);
  const space = cut.lastIndexOf(' ');
  return `${(space > 80 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The tip, in full, as the first paragraphs of the story (escaped; the story sanitizes again). */
function bodyFromTip(tip: Tip): string {
  const paragraphs = tip.what
    .split(/\n\s*\n/)
    .map((text) => `<p>${escapeHtml(text.trim()).replace(/\n/g, '<br>')}</p>`);
  if (tip.when_text) paragraphs.push(`<p><strong>Quand :</strong> ${escapeHtml(tip.when_text)}</p>`);
  if (tip.who_text) paragraphs.push(`<p><strong>Qui :</strong> ${escapeHtml(tip.who_text)}</p>`);
  return paragraphs.join('');
}

async function readTipPhoto(ctx: AppContext, tip: Tip): Promise<Buffer | null> {
  if (!tip.photo_path) return null;
  return fs.readFile(path.join(uploadsDir(ctx), tip.photo_path)).catch(() => null);
}

/**
 * Turns an open tip into a draft story of its lab (the photo becomes the story's first image),
 * marks the tip converted and tells the tipper — all in one transaction, so a tip is converted
 * once or not at all. The photo's files are written first (an orphan file at worst).
 */
export async function convertTip(
  ctx: AppContext,
  actor: Actor,
  tip: Tip,
  input: { title?: string | undefined; kind?: StoryKind | undefined },
): Promise<string> {
  const storyId = newId();
  const photo = await readTipPhoto(ctx, tip);
  const stored: StoredAttachment | null = photo
    ? await storeAttachmentFiles(ctx, storyId, { data: photo, fileName: 'photo.webp' })
    : null;
  const lab = await ctx.db
    .selectFrom('labs')
    .select('acronym')
    .where('id', '=', tip.lab_id)
    .executeTakeFirst();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('tips')
      .set({ state: 'converted', story_id: storyId, handled_by: actor.id, handled_at: at })
      .where('id', '=', tip.id)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('This tip was answered meanwhile: reload it');
    await insertStory(
      ctx,
      trx,
      actor.id,
      {
        kind: input.kind ?? 'other',
        title: input.title?.trim() || titleFromTip(tip.what),
        summary: excerpt(tip.what, 600),
        bodyHtml: bodyFromTip(tip),
        labIds: [tip.lab_id],
        tipId: tip.id,
      },
      storyId,
    );
    if (stored) await insertAttachment(trx, { stored, storyId, actorId: actor.id, fields: {}, at });
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'tip',
      subjectId: tip.id,
      action: 'converted',
      data: { storyId },
      at,
    });
    return notifyAboutTip(trx, {
      recipientIds: [tip.author_id],
      kind: 'tip_answered',
      actorId: actor.id,
      data: {
        tipId: tip.id,
        what: excerpt(tip.what, 140),
        lab: lab?.acronym ?? '',
        by: nameOf(actor),
        outcome: 'converted',
        storyId,
      },
      at,
    });
  });
  return storyId;
}

/** Closes an open tip with a word of thanks, which the tipper receives. */
export async function dismissTip(ctx: AppContext, actor: Actor, tip: Tip, message: string): Promise<void> {
  const at = ctx.now().toISOString();
  const response = message.trim();
  const lab = await ctx.db
    .selectFrom('labs')
    .select('acronym')
    .where('id', '=', tip.lab_id)
    .executeTakeFirst();
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('tips')
      .set({ state: 'dismissed', response, handled_by: actor.id, handled_at: at })
      .where('id', '=', tip.id)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('This tip was answered meanwhile: reload it');
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'tip',
      subjectId: tip.id,
      action: 'dismissed',
      data: { message: response },
      at,
    });
    return notifyAboutTip(trx, {
      recipientIds: [tip.author_id],
      kind: 'tip_answered',
      actorId: actor.id,
      data: {
        tipId: tip.id,
        what: excerpt(tip.what, 140),
        lab: lab?.acronym ?? '',
        by: nameOf(actor),
        outcome: 'dismissed',
        message: response,
      },
      at,
    });
  });
}
