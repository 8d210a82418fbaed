import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import {
  encodeImage,
  fileLimits,
  inspectFile,
  refuseFile,
  safeFileName,
  type UploadedFile,
} from '../../lib/files.ts';
import { writeFileAtomic } from '../../lib/images.ts';
import { newId } from '../../lib/tokens.ts';
import { diffFields, recordEvent } from '../history/record.ts';
import type { Attachment } from './present.ts';
import { nextAttachmentPosition } from './queries.ts';

export const attachmentSizes = { image: 2400, thumb: 480 } as const;

export type AttachmentFields = {
  caption?: string | undefined;
  credit?: string | undefined;
  licence?: string | undefined;
  showsPeople?: boolean | undefined;
  hasConsent?: boolean | undefined;
};

/** The files of an attachment, on disk, and what its row will say about them. */
export type StoredAttachment = Pick<
  Attachment,
  | 'id'
  | 'kind'
  | 'original_name'
  | 'file_path'
  | 'thumb_path'
  | 'mime_type'
  | 'byte_size'
  | 'width'
  | 'height'
>;

export const uploadsDir = (ctx: AppContext) => path.join(ctx.config.dataDir, 'uploads');

/**
 * Checks an upload by its content and writes its files (atomically) under
 * uploads/stories/<storyId>/ — before any row exists, so a crash leaves at worst an orphan file,
 * never a row pointing to a missing one. Images are re-encoded (metadata stripped) with a
 * thumbnail; documents are kept as sent.
 */
export async function storeAttachmentFiles(
  ctx: AppContext,
  storyId: string,
  upload: UploadedFile,
): Promise<StoredAttachment> {
  const inspected = await inspectFile(upload.data);
  const id = newId();
  const folder = `stories/${storyId}`;
  const root = uploadsDir(ctx);
  if (inspected.kind === 'image') {
    if (upload.data.length > fileLimits.imageBytes) {
      throw refuseFile(`Images are limited to ${fileLimits.imageBytes / 1024 / 1024} MB`, 'file', 413);
    }
    const image = await encodeImage(upload.data, {
      size: attachmentSizes.image,
      thumbSize: attachmentSizes.thumb,
    });
    const filePath = `${folder}/${id}.webp`;
    const thumbPath = `${folder}/${id}-thumb.webp`;
    await writeFileAtomic(path.join(root, filePath), image.data);
    await writeFileAtomic(path.join(root, thumbPath), image.thumb!);
    return {
      id,
      kind: 'image',
      original_name: safeFileName(upload.fileName, 'image'),
      file_path: filePath,
      thumb_path: thumbPath,
      mime_type: 'image/webp',
      byte_size: image.data.length,
      width: image.width,
      height: image.height,
    };
  }
  const filePath = `${folder}/${id}.${inspected.type}`;
  await writeFileAtomic(path.join(root, filePath), upload.data);
  return {
    id,
    kind: 'document',
    original_name: safeFileName(upload.fileName, `document.${inspected.type}`),
    file_path: filePath,
    thumb_path: null,
    mime_type: inspected.mime,
    byte_size: upload.data.length,
    width: null,
    height: null,
  };
}

const touchStory = (db: Db, storyId: string, at: string) =>
  db.updateTable('stories').set({ updated_at: at }).where('id', '=', storyId).execute();

/** The row of stored files, placed last, with its history line on the story. Call inside a transaction. */
export async function insertAttachment(
  db: Db,
  input: { stored: StoredAttachment; storyId: string; actorId: string; fields: AttachmentFields; at: string },
): Promise<void> {
  const { stored, fields, at } = input;
  await db
    .insertInto('story_attachments')
    .values({
      ...stored,
      story_id: input.storyId,
      caption: fields.caption?.trim() ?? '',
      credit: fields.credit?.trim() ?? '',
      licence: fields.licence?.trim() ?? '',
      shows_people: fields.showsPeople ?? false,
      has_consent: fields.hasConsent ?? false,
      position: await nextAttachmentPosition(db, input.storyId),
      created_by: input.actorId,
      created_at: at,
    })
    .execute();
  await touchStory(db, input.storyId, at);
  await recordEvent(db, {
    actorId: input.actorId,
    subjectType: 'story',
    subjectId: input.storyId,
    action: 'attachment_added',
    data: { attachmentId: stored.id, name: stored.original_name, kind: stored.kind },
    at,
  });
}

/** Adds a file to a story: files first, then the row and its history in one transaction. */
export async function addAttachment(
  ctx: AppContext,
  actorId: string,
  storyId: string,
  upload: UploadedFile,
  fields: AttachmentFields,
): Promise<string> {
  const stored = await storeAttachmentFiles(ctx, storyId, upload);
  const at = ctx.now().toISOString();
  await ctx.db
    .transaction()
    .execute((trx) => insertAttachment(trx, { stored, storyId, actorId, fields, at }));
  return stored.id;
}

/** Edits the description of an attachment; the history keeps each changed field. */
export async function updateAttachment(
  ctx: AppContext,
  actorId: string,
  attachment: Attachment,
  changes: AttachmentFields & { position?: number | undefined },
): Promise<void> {
  const columns = {
    caption: changes.caption?.trim(),
    credit: changes.credit?.trim(),
    licence: changes.licence?.trim(),
    shows_people: changes.showsPeople,
    has_consent: changes.hasConsent,
    position: changes.position,
  };
  const diff = diffFields(attachment as unknown as Record<string, unknown>, columns);
  if (Object.keys(diff).length === 0) return;
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('story_attachments').set(columns).where('id', '=', attachment.id).execute();
    await touchStory(trx, attachment.story_id, at);
    await recordEvent(trx, {
      actorId,
      subjectType: 'story',
      subjectId: attachment.story_id,
      action: 'attachment_updated',
      data: { attachmentId: attachment.id, name: attachment.original_name, changes: diff },
      at,
    });
  });
}

/** Removes an attachment: the row (with its history) first, then its files. */
export async function deleteAttachment(
  ctx: AppContext,
  actorId: string,
  attachment: Attachment,
): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('story_attachments').where('id', '=', attachment.id).execute();
    await touchStory(trx, attachment.story_id, at);
    await recordEvent(trx, {
      actorId,
      subjectType: 'story',
      subjectId: attachment.story_id,
      action: 'attachment_deleted',
      data: { attachmentId: attachment.id, name: attachment.original_name, kind: attachment.kind },
      at,
    });
  });
  for (const file of [attachment.file_path, attachment.thumb_path]) {
    if (file) await fs.rm(path.join(uploadsDir(ctx), file), { force: true });
  }
}
