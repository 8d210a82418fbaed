import path from 'node:path';
import type { AnswerKind } from '../../../shared/requests.ts';
import type { AppContext } from '../../context.ts';
import type { Request, RequestAnswer, RequestLink } from '../../db/schema.ts';
import { conflict, invalid } from '../../lib/errors.ts';
import {
  encodeImage,
  fileLimits,
  inspectFile,
  refuseFile,
  safeFileName,
  type UploadedFile,
} from '../../lib/files.ts';
import { writeFileAtomic } from '../../lib/images.ts';
import { foldText } from '../../lib/text.ts';
import { newId } from '../../lib/tokens.ts';
import { attachmentSizes, uploadsDir } from '../attachments/actions.ts';
import type { Actor } from '../auth/actor.ts';
import { recordEvent } from '../history/record.ts';
import { visibleStories } from '../stories/queries.ts';
import { nameOf } from './actions.ts';
import { notifyAboutRequest } from './notify.ts';
import { peopleWithRole } from './queries.ts';

export type AnswerInput = {
  labId?: string | undefined;
  kind: AnswerKind;
  body?: string | undefined;
  expertPersonId?: string | null | undefined;
  storyIds?: string[] | undefined;
  links?: RequestLink[] | undefined;
};

/** Which of the labs this person answers for the answer is from: the one named, or their only one. */
export function answeringLab(labs: string[], labId: string | undefined): string {
  if (labId) {
    if (!labs.includes(labId))
      throw invalid({ labId: 'must be a lab this request reached that you answer for' });
    return labId;
  }
  if (labs.length !== 1) throw invalid({ labId: 'is required: you answer for several labs, choose one' });
  return labs[0]!;
}

/**
 * A lab's answer: content (text, a named expert from the directory, links to existing stories or
 * pages; files are added next) or "nothing for this one". Several answers are welcome until the
 * request is closed. The board moves (answered / declined), the requester and the cell are told.
 */
export async function addAnswer(
  ctx: AppContext,
  actor: Actor,
  request: Request,
  labId: string,
  input: AnswerInput,
): Promise<string> {
  const body = input.body?.trim() ?? '';
  const storyIds = [...new Set(input.storyIds ?? [])];
  const links = input.links ?? [];
  const expertId = input.expertPersonId ?? null;
  if (input.kind === 'content' && !body && !expertId && storyIds.length === 0 && links.length === 0) {
    throw invalid({ body: 'write an answer, name an expert, or link a story or a page' });
  }
  let expertName = '';
  if (expertId) {
    const expert = await ctx.db
      .selectFrom('people')
      .select(['first_name', 'last_name'])
      .where('id', '=', expertId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!expert) throw invalid({ expertPersonId: 'is not someone in the directory' });
    expertName = `${expert.first_name} ${expert.last_name}`;
  }
  if (storyIds.length) {
    const nowIso = ctx.now().toISOString();
    const found = await ctx.db
      .selectFrom('stories')
      .select(['id', 'title'])
      .where('id', 'in', storyIds)
      .where((eb) => visibleStories(eb, actor, nowIso))
      .execute();
    if (found.length !== storyIds.length) throw invalid({ storyIds: 'contains a story you cannot see' });
  }
  const id = newId();
  const at = ctx.now().toISOString();
  const lab = await ctx.db.selectFrom('labs').select('acronym').where('id', '=', labId).executeTakeFirst();
  await ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('requests')
      .select('state')
      .where('id', '=', request.id)
      .executeTakeFirst();
    if (current?.state !== 'open') throw conflict('This request is no longer open: reload it');
    await trx
      .insertInto('request_answers')
      .values({
        id,
        request_id: request.id,
        lab_id: labId,
        author_id: actor.id,
        kind: input.kind,
        body,
        expert_person_id: expertId,
        story_ids: JSON.stringify(storyIds),
        links: JSON.stringify(links),
        used_at: null,
        used_by: null,
        search_text: foldText([body, expertName, ...links.map((link) => link.label)].join(' \n')),
        created_at: at,
      })
      .execute();
    // Content always makes the lab "answered"; "nothing" declines only a lab that has not answered.
    const target = await trx
      .selectFrom('request_targets')
      .select(['state', 'answered_at'])
      .where('request_id', '=', request.id)
      .where('lab_id', '=', labId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('request_targets')
      .set({
        state: input.kind === 'content' || target.state === 'answered' ? 'answered' : 'declined',
        answered_at: target.answered_at ?? at,
      })
      .where('request_id', '=', request.id)
      .where('lab_id', '=', labId)
      .execute();
    await trx
      .updateTable('request_reminders')
      .set({ state: 'cancelled', updated_at: at })
      .where('request_id', '=', request.id)
      .where('lab_id', '=', labId)
      .where('state', '=', 'pending')
      .execute();
    await trx.updateTable('requests').set({ updated_at: at }).where('id', '=', request.id).execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'request',
      subjectId: request.id,
      action: 'answered',
      data: { answerId: id, labId, kind: input.kind },
      at,
    });
    await notifyAboutRequest(trx, {
      recipientIds: [request.requester_id, ...(await peopleWithRole(trx, 'cell'))],
      kind: 'request_answered',
      actorId: actor.id,
      data: {
        requestId: request.id,
        title: request.title,
        by: nameOf(actor),
        lab: lab?.acronym ?? '',
        isNothing: input.kind === 'nothing',
      },
      at,
    });
  });
  return id;
}

/** The requester's side (or the cell) marks an answer used — or not used after all. */
export async function markAnswerUsed(
  ctx: AppContext,
  actor: Actor,
  request: Request,
  answer: RequestAnswer,
  isUsed: boolean,
): Promise<void> {
  if ((answer.used_at !== null) === isUsed) return;
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('request_answers')
      .set(isUsed ? { used_at: at, used_by: actor.id } : { used_at: null, used_by: null })
      .where('id', '=', answer.id)
      .execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'request',
      subjectId: request.id,
      action: isUsed ? 'answer_used' : 'answer_unused',
      data: { answerId: answer.id, labId: answer.lab_id },
      at,
    });
  });
}

/**
 * Adds a file to an answer: checked by its content and written (atomically) under
 * uploads/requests/<requestId>/ before the row, so a row never points to a missing file. Images
 * are re-encoded as WebP without metadata, with a thumbnail; documents are kept as sent.
 */
export async function addAnswerFile(
  ctx: AppContext,
  actor: Actor,
  request: Request,
  answer: RequestAnswer,
  upload: UploadedFile,
): Promise<string> {
  const inspected = await inspectFile(upload.data);
  const id = newId();
  const folder = `requests/${request.id}`;
  const root = uploadsDir(ctx);
  let stored: {
    kind: 'image' | 'document';
    original_name: string;
    file_path: string;
    thumb_path: string | null;
    mime_type: string;
    byte_size: number;
    width: number | null;
    height: number | null;
  };
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
    stored = {
      kind: 'image',
      original_name: safeFileName(upload.fileName, 'image'),
      file_path: filePath,
      thumb_path: thumbPath,
      mime_type: 'image/webp',
      byte_size: image.data.length,
      width: image.width,
      height: image.height,
    };
  } else {
    const filePath = `${folder}/${id}.${inspected.type}`;
    await writeFileAtomic(path.join(root, filePath), upload.data);
    stored = {
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
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('request_answer_files')
      .values({
        id,
        answer_id: answer.id,
        request_id: request.id,
        ...stored,
        created_by: actor.id,
        created_at: at,
      })
      .execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'request',
      subjectId: request.id,
      action: 'answer_file_added',
      data: { answerId: answer.id, fileId: id, name: stored.original_name, kind: stored.kind },
      at,
    });
  });
  return id;
}
