import fs from 'node:fs/promises';
import path from 'node:path';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { HttpError, notFound, unauthorized } from '../../lib/errors.ts';
import { imageLimits, normaliseImage, writeFileAtomic } from '../../lib/images.ts';
import { errors, IdParams } from '../../lib/schemas.ts';
import type { Actor } from '../auth/actor.ts';
import { recordEvent } from '../history/record.ts';
import { labPolicy } from '../labs/policy.ts';
import { findLab } from '../labs/queries.ts';
import { personPolicy } from '../people/policy.ts';
import { findPerson } from '../people/queries.ts';

async function readUploadedFile(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new HttpError(400, 'invalid', 'Send the image as multipart/form-data in a field named "file"', {
      fields: { file: 'is required' },
    });
  }
  const part = await request.file({ limits: { fileSize: imageLimits.maxBytes, files: 1 } });
  if (!part) throw new HttpError(400, 'invalid', 'No file received', { fields: { file: 'is required' } });
  const buffer = await part.toBuffer();
  if (part.file.truncated) {
    throw new HttpError(
      413,
      'payload_too_large',
      `The image is larger than ${imageLimits.maxBytes / 1024 / 1024} MB`,
      {
        fields: { file: 'is too large' },
      },
    );
  }
  return buffer;
}

type Target = {
  table: 'people' | 'labs';
  field: 'photo_path' | 'logo_path';
  file: 'photo' | 'logo';
  size: number;
  subject: string;
  load: (
    id: string,
  ) => Promise<{ id: string; photo_path?: string | null; logo_path?: string | null } | undefined>;
  can: (actor: Actor, row: { id: string }) => boolean;
};

/** Person photos and lab logos: uploaded, checked, re-encoded, stored under RELAIS_DATA_DIR/uploads. */
export function registerUploadRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const uploads = path.join(ctx.config.dataDir, 'uploads');

  const targets: Target[] = [
    {
      table: 'people',
      field: 'photo_path',
      file: 'photo',
      size: 512,
      subject: 'person',
      load: async (id) => {
        const row = await findPerson(ctx.db, id);
        return row && personPolicy.read(null, row) ? row : undefined;
      },
      can: (actor, row) => personPolicy.updateProfile(actor, row),
    },
    {
      table: 'labs',
      field: 'logo_path',
      file: 'logo',
      size: 400,
      subject: 'lab',
      load: (id) => findLab(ctx.db, id),
      can: (actor, row) => labPolicy.update(actor, row),
    },
  ];

  for (const target of targets) {
    app.put(
      `/api/${target.table}/:id/${target.file}`,
      {
        schema: {
          tags: ['directory'],
          summary: `Upload the ${target.file} (multipart/form-data, field "file"; JPEG, PNG, WebP, GIF or AVIF up to 8 MB)`,
          params: IdParams,
          consumes: ['multipart/form-data'],
          response: { 200: Type.Object({ url: Type.String() }), ...errors(400, 401, 403, 404, 413) },
        },
      },
      async (request) => {
        if (!request.actor) throw unauthorized();
        const row = await target.load(request.params.id);
        if (!row) throw notFound();
        authorize(request.actor, { canAct: target.can(request.actor, row) });
        const actorId = request.actor.id;
        const image = await normaliseImage(await readUploadedFile(request), target.size);
        const relative = `${target.table}/${row.id}-${Date.now()}.webp`;
        await writeFileAtomic(path.join(uploads, relative), image);
        const at = ctx.now().toISOString();
        await ctx.db.transaction().execute(async (trx) => {
          await trx
            .updateTable(target.table)
            .set({ [target.field]: relative, updated_at: at })
            .where('id', '=', row.id)
            .execute();
          await recordEvent(trx, {
            actorId,
            subjectType: target.subject,
            subjectId: row.id,
            action: `${target.file}_updated`,
            at,
          });
        });
        const previous = row[target.field];
        if (previous) await fs.rm(path.join(uploads, previous), { force: true });
        return { url: `/api/${target.table}/${row.id}/${target.file}?v=${encodeURIComponent(at)}` };
      },
    );

    app.get(
      `/api/${target.table}/:id/${target.file}`,
      {
        schema: {
          tags: ['directory'],
          summary: `The ${target.file} image (WebP)`,
          params: IdParams,
          response: { ...errors(404) },
        },
      },
      async (request, reply) => {
        const row = await target.load(request.params.id);
        const stored = row?.[target.field];
        if (!stored) throw notFound('Image');
        const data = await fs.readFile(path.join(uploads, stored)).catch(() => null);
        if (!data) throw notFound('Image');
        return reply.type('image/webp').header('cache-control', 'public, max-age=86400').send(data);
      },
    );
  }
}
