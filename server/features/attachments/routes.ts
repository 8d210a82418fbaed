import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { HttpError, notFound, unauthorized } from '../../lib/errors.ts';
import {
  acceptedFiles,
  contentDisposition,
  documentTypes,
  downloadName,
  fileLimits,
  readMultipartForm,
  uploadedFileOf,
} from '../../lib/files.ts';
import { errors, IdParams } from '../../lib/schemas.ts';
import type { Actor } from '../auth/actor.ts';
import { addAttachment, deleteAttachment, updateAttachment, uploadsDir } from './actions.ts';
import { attachmentAbilities, attachmentPolicy } from './policy.ts';
import { type Attachment, AttachmentSchema, presentAttachment } from './present.ts';
import { findAttachment, listAttachments, loadStory } from './queries.ts';

const describing = {
  caption: Type.Optional(Type.String({ maxLength: 1000 })),
  credit: Type.Optional(Type.String({ maxLength: 200 })),
  licence: Type.Optional(Type.String({ maxLength: 200 })),
  showsPeople: Type.Optional(Type.Boolean()),
  hasConsent: Type.Optional(Type.Boolean()),
};
const AttachmentParams = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    attachmentId: Type.String({ minLength: 1, maxLength: 64 }),
  },
  { additionalProperties: false },
);
const megabytes = (bytes: number) => bytes / 1024 / 1024;
const tooLarge = `The file is larger than ${megabytes(fileLimits.documentBytes)} MB (documents up to ${megabytes(fileLimits.documentBytes)} MB, images up to ${megabytes(fileLimits.imageBytes)} MB)`;
const extensionOf = (mime: string) =>
  Object.entries(documentTypes).find(([, type]) => type.mime === mime)?.[0] ?? 'bin';

/** Images and documents of a story: uploaded, described, listed, served, removed. */
export function registerAttachmentRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  /** The story if this person may read it (embargo included) — otherwise 404, or 401 for nobody. */
  async function loadReadable(actor: Actor | null, storyId: string) {
    const loaded = await loadStory(ctx.db, storyId);
    if (!loaded || !attachmentPolicy.read(actor, loaded.facts, ctx.now())) {
      throw actor ? notFound('Story') : unauthorized();
    }
    return loaded;
  }

  async function loadAttachment(actor: Actor | null, params: { id: string; attachmentId: string }) {
    const loaded = await loadReadable(actor, params.id);
    const attachment = await findAttachment(ctx.db, loaded.story.id, params.attachmentId);
    if (!attachment) throw notFound('Attachment');
    return { ...loaded, attachment };
  }

  app.get(
    '/api/stories/:id/attachments',
    {
      schema: {
        tags: ['stories'],
        summary: 'The images and documents of a story, in order',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(AttachmentSchema) }), ...errors(401, 404) },
      },
    },
    async (request) => {
      const { story, facts } = await loadReadable(request.actor, request.params.id);
      const abilities = attachmentAbilities(request.actor, facts);
      const rows = await listAttachments(ctx.db, story.id);
      return { items: rows.map((row) => presentAttachment(row, abilities)) };
    },
  );

  app.post(
    '/api/stories/:id/attachments',
    {
      // The fields arrive as multipart/form-data: read them into the body, then validate as usual.
      preValidation: async (request) => {
        if (!request.actor) throw unauthorized();
        if (!request.isMultipart()) {
          throw new HttpError(
            400,
            'invalid',
            'Send the file as multipart/form-data in a field named "file"',
            {
              fields: { file: 'is required' },
            },
          );
        }
        await readMultipartForm(request, {
          fileField: 'file',
          maxBytes: fileLimits.documentBytes,
          tooLarge,
          booleanFields: ['showsPeople', 'hasConsent'],
        });
      },
      schema: {
        tags: ['stories'],
        summary: `Attach a file (multipart/form-data: "file" plus caption, credit, licence, showsPeople, hasConsent). Accepted: ${acceptedFiles}; documents up to 25 MB, images up to 20 MB. Images are re-encoded as WebP without their metadata.`,
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: Type.Object(describing, { additionalProperties: false }),
        response: { 201: AttachmentSchema, ...errors(400, 401, 403, 404, 413) },
      },
    },
    async (request, reply) => {
      const { story, facts } = await loadReadable(request.actor, request.params.id);
      authorize(request.actor, { canAct: attachmentPolicy.create(request.actor, facts) });
      const upload = uploadedFileOf(request);
      if (!upload)
        throw new HttpError(400, 'invalid', 'No file received', { fields: { file: 'is required' } });
      const id = await addAttachment(ctx, request.actor.id, story.id, upload, request.body);
      const row = (await findAttachment(ctx.db, story.id, id))!;
      return reply.status(201).send(presentAttachment(row, attachmentAbilities(request.actor, facts)));
    },
  );

  app.patch(
    '/api/stories/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['stories'],
        summary:
          'Describe an attachment (caption, credit, licence, people shown and their consent) or move it',
        params: AttachmentParams,
        body: Type.Object(
          { ...describing, position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: AttachmentSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { facts, attachment } = await loadAttachment(request.actor, request.params);
      authorize(request.actor, { canAct: attachmentPolicy.update(request.actor, facts) });
      await updateAttachment(ctx, request.actor.id, attachment, request.body);
      const row = (await findAttachment(ctx.db, attachment.story_id, attachment.id))!;
      return presentAttachment(row, attachmentAbilities(request.actor, facts));
    },
  );

  app.delete(
    '/api/stories/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['stories'],
        summary: 'Remove an attachment',
        params: AttachmentParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { facts, attachment } = await loadAttachment(request.actor, request.params);
      authorize(request.actor, { canAct: attachmentPolicy.delete(request.actor, facts) });
      await deleteAttachment(ctx, request.actor.id, attachment);
      return reply.status(204).send(null);
    },
  );

  /**
   * Served to the story's readers only, never sniffed, never run: documents download under the
   * extension of what they really are; a sandbox CSP neutralises anything a browser would render.
   */
  async function sendFile(reply: FastifyReply, attachment: Attachment, file: string, isThumb: boolean) {
    const absolute = path.join(uploadsDir(ctx), file);
    const found = await stat(absolute).catch(() => null);
    if (!found?.isFile()) throw notFound('File');
    const isImage = attachment.kind === 'image';
    const extension = isImage ? 'webp' : extensionOf(attachment.mime_type);
    const name = downloadName(attachment.original_name, extension);
    return reply
      .header('content-type', isImage || isThumb ? 'image/webp' : attachment.mime_type)
      .header('content-length', found.size)
      .header('content-disposition', contentDisposition(isImage ? 'inline' : 'attachment', name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, max-age=300')
      .send(createReadStream(absolute));
  }

  for (const variant of ['file', 'thumb'] as const) {
    app.get(
      `/api/stories/:id/attachments/:attachmentId/${variant}`,
      {
        schema: {
          tags: ['stories'],
          summary:
            variant === 'file'
              ? 'The attached file: images as WebP, documents as a download'
              : 'The thumbnail of an attached image (WebP, 480 px)',
          params: AttachmentParams,
          response: { ...errors(401, 404) },
        },
      },
      async (request, reply) => {
        const { attachment } = await loadAttachment(request.actor, request.params);
        const file = variant === 'file' ? attachment.file_path : attachment.thumb_path;
        if (!file) throw notFound('Thumbnail');
        return sendFile(reply, attachment, file, variant === 'thumb');
      },
    );
  }
}
