import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
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
import { errors } from '../../lib/schemas.ts';
import { uploadsDir } from '../attachments/actions.ts';
import { addAnswerFile } from './answers.ts';
import { answerPolicy } from './policy.ts';
import { AnswerFileSchema } from './present.ts';
import { findAnswer } from './queries.ts';
import type { LoadVisible } from './routes.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const AnswerParams = Type.Object({ id: Id, answerId: Id }, { additionalProperties: false });
const FileParams = Type.Object({ id: Id, answerId: Id, fileId: Id }, { additionalProperties: false });
const megabytes = (bytes: number) => bytes / 1024 / 1024;
const tooLarge = `The file is larger than ${megabytes(fileLimits.documentBytes)} MB (documents up to ${megabytes(fileLimits.documentBytes)} MB, images up to ${megabytes(fileLimits.imageBytes)} MB)`;
const extensionOf = (mime: string) =>
  Object.entries(documentTypes).find(([, type]) => type.mime === mime)?.[0] ?? 'bin';

/** Files of an answer: uploaded like story attachments (checked by content), served to its readers only. */
export function registerAnswerFileRoutes(
  parent: FastifyInstance,
  ctx: AppContext,
  loadVisible: LoadVisible,
): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  /** The answer if this person may read it — other labs' answers are a 404. */
  async function loadAnswer(actor: Parameters<LoadVisible>[0], params: { id: string; answerId: string }) {
    const loaded = await loadVisible(actor, params.id);
    const answer = await findAnswer(ctx.db, loaded.request.id, params.answerId);
    if (!answer || !answerPolicy.read(loaded.actor, loaded.facts, answer)) throw notFound('Answer');
    return { ...loaded, answer };
  }

  app.post(
    '/api/requests/:id/answers/:answerId/files',
    {
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
        await readMultipartForm(request, { fileField: 'file', maxBytes: fileLimits.documentBytes, tooLarge });
      },
      schema: {
        tags: ['requests'],
        summary: `Attach a file to an answer (its lab's correspondents, while the request is open; multipart/form-data with one "file"). Accepted: ${acceptedFiles}; documents up to 25 MB, images up to 20 MB, re-encoded as WebP without metadata.`,
        consumes: ['multipart/form-data'],
        params: AnswerParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 201: AnswerFileSchema, ...errors(400, 401, 403, 404, 413) },
      },
    },
    async (request, reply) => {
      const { actor, request: row, facts, answer } = await loadAnswer(request.actor, request.params);
      authorize(actor, { canAct: answerPolicy.addFile(actor, facts, answer) && answer.kind === 'content' });
      const upload = uploadedFileOf(request);
      if (!upload)
        throw new HttpError(400, 'invalid', 'No file received', { fields: { file: 'is required' } });
      const id = await addAnswerFile(ctx, actor, row, answer, upload);
      const file = await ctx.db
        .selectFrom('request_answer_files')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const base = `/api/requests/${row.id}/answers/${answer.id}/files/${id}`;
      return reply.status(201).send({
        id,
        kind: file.kind,
        originalName: file.original_name,
        mimeType: file.mime_type,
        byteSize: Number(file.byte_size),
        width: file.width === null ? null : Number(file.width),
        height: file.height === null ? null : Number(file.height),
        createdAt: file.created_at,
        urls: { file: `${base}/file`, thumb: file.thumb_path ? `${base}/thumb` : null },
      });
    },
  );

  for (const variant of ['file', 'thumb'] as const) {
    app.get(
      `/api/requests/:id/answers/:answerId/files/:fileId/${variant}`,
      {
        schema: {
          tags: ['requests'],
          summary:
            variant === 'file'
              ? 'A file of an answer: images as WebP, documents as a download'
              : 'The thumbnail of an image of an answer (WebP, 480 px)',
          params: FileParams,
          response: { ...errors(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const { answer } = await loadAnswer(request.actor, request.params);
        const file = await ctx.db
          .selectFrom('request_answer_files')
          .selectAll()
          .where('answer_id', '=', answer.id)
          .where('id', '=', request.params.fileId)
          .executeTakeFirst();
        const relative = variant === 'file' ? file?.file_path : file?.thumb_path;
        if (!file || !relative) throw notFound('File');
        const absolute = path.join(uploadsDir(ctx), relative);
        const found = await stat(absolute).catch(() => null);
        if (!found?.isFile()) throw notFound('File');
        const isImage = file.kind === 'image';
        const name = downloadName(file.original_name, isImage ? 'webp' : extensionOf(file.mime_type));
        return reply
          .header('content-type', isImage ? 'image/webp' : file.mime_type)
          .header('content-length', found.size)
          .header('content-disposition', contentDisposition(isImage ? 'inline' : 'attachment', name))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, max-age=300')
          .send(createReadStream(absolute));
      },
    );
  }
}
