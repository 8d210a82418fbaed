import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { storyKinds, tipStates } from '../../../shared/stories.ts';
import type { AppContext } from '../../context.ts';
import type { Tip } from '../../db/schema.ts';
import { authorize } from '../../lib/authorize.ts';
import { forbidden, HttpError, invalid, notFound, unauthorized } from '../../lib/errors.ts';
import { fileLimits, readMultipartForm, uploadedFileOf } from '../../lib/files.ts';
import { errors, IdParams, Paging } from '../../lib/schemas.ts';
import { uploadsDir } from '../attachments/actions.ts';
import type { Actor } from '../auth/actor.ts';
import { findLab } from '../labs/queries.ts';
import { convertTip, createTip, dismissTip } from './actions.ts';
import { tipPolicy } from './policy.ts';
import { presentTip, TipSchema } from './present.ts';
import { findTip, listTips, loadTipRelations } from './queries.ts';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
const LabId = Type.String({ minLength: 1, maxLength: 64 });
const TipBody = Type.Object(
  {
    labId: Type.Optional(LabId),
    what: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }),
    when: Type.Optional(Type.String({ maxLength: 200 })),
    who: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
const photoTooLarge = `The photo is larger than ${fileLimits.imageBytes / 1024 / 1024} MB`;

/** Tips: lab staff suggest a story to their correspondents, who convert or dismiss it. */
export function registerTipRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  async function presentMany(actor: Actor, tips: Tip[]) {
    const relations = await loadTipRelations(ctx.db, tips);
    return tips.map((tip) => presentTip(actor, tip, relations));
  }

  /** The tip if this person may see it — otherwise 404 (401 for nobody). */
  async function loadVisible(actor: Actor | null, id: string) {
    if (!actor) throw unauthorized();
    const tip = await findTip(ctx.db, id);
    if (!tip || !tipPolicy.read(actor, tip)) throw notFound('Tip');
    return { actor, tip };
  }

  async function presentOne(actor: Actor, id: string) {
    const [presented] = await presentMany(actor, [(await findTip(ctx.db, id))!]);
    return presented!;
  }

  app.post(
    '/api/tips',
    {
      // A phone form may send multipart/form-data with a photo; its fields are validated like JSON.
      preValidation: async (request) => {
        if (!request.actor) throw unauthorized();
        // Said before a photo is read: tips come from the staff of a lab.
        if (request.actor.labIds.size === 0) throw forbidden('Only members of a lab can send a tip');
        if (request.isMultipart()) {
          await readMultipartForm(request, {
            fileField: 'photo',
            maxBytes: fileLimits.imageBytes,
            tooLarge: photoTooLarge,
          });
        }
      },
      schema: {
        tags: ['tips'],
        summary:
          'Tip a correspondent: what, when, who (JSON, or multipart/form-data with the same fields and one optional "photo" file — JPEG, PNG, WebP, GIF, AVIF, HEIF or TIFF up to 20 MB, re-encoded without metadata). labId may be left out by members of one lab.',
        consumes: ['application/json', 'multipart/form-data'],
        body: TipBody,
        response: { 201: TipSchema, ...errors(400, 401, 403, 413) },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!actor) throw unauthorized();
      const labId = request.body.labId ?? (actor.labIds.size === 1 ? [...actor.labIds][0]! : undefined);
      if (!labId) throw invalid({ labId: 'is required: you belong to several labs, choose one' });
      if (!tipPolicy.create(actor, labId)) throw forbidden('You can only tip a lab you belong to');
      const lab = await findLab(ctx.db, labId);
      if (!lab) throw forbidden('You can only tip a lab you belong to');
      const id = await createTip(ctx, actor, lab, request.body, uploadedFileOf(request));
      return reply.status(201).send(await presentOne(actor, id));
    },
  );

  app.get(
    '/api/tips',
    {
      schema: {
        tags: ['tips'],
        summary:
          'Tips this person may see, newest first: their own, those of the labs they are correspondent of; the cell sees all',
        querystring: Type.Object(
          { state: Type.Optional(literals(tipStates)), lab: Type.Optional(LabId), ...Paging },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(TipSchema), total: Type.Integer() }),
          ...errors(400, 401),
        },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthorized();
      const { limit = 50, offset = 0, ...filter } = request.query;
      const { rows, total } = await listTips(ctx.db, request.actor, { ...filter, limit, offset });
      return { items: await presentMany(request.actor, rows), total };
    },
  );

  app.get(
    '/api/tips/:id',
    {
      schema: {
        tags: ['tips'],
        summary: 'One tip',
        params: IdParams,
        response: { 200: TipSchema, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { actor, tip } = await loadVisible(request.actor, request.params.id);
      return presentOne(actor, tip.id);
    },
  );

  app.get(
    '/api/tips/:id/photo',
    {
      schema: {
        tags: ['tips'],
        summary: 'The photo of a tip (WebP)',
        params: IdParams,
        response: { ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const { tip } = await loadVisible(request.actor, request.params.id);
      const file = tip.photo_path ? path.join(uploadsDir(ctx), tip.photo_path) : null;
      const found = file ? await stat(file).catch(() => null) : null;
      if (!file || !found?.isFile()) throw notFound('Photo');
      return reply
        .header('content-type', 'image/webp')
        .header('content-length', found.size)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=300')
        .send(createReadStream(file));
    },
  );

  app.post(
    '/api/tips/:id/convert',
    {
      // May be posted without a body (but a JSON null is no body).
      preValidation: async (request) => {
        if (request.body === undefined) request.body = {} as never;
      },
      schema: {
        tags: ['tips'],
        summary:
          'Turn an open tip into a draft story of its lab (correspondents of the lab); its photo becomes the first image',
        params: IdParams,
        body: Type.Object(
          {
            title: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
            kind: Type.Optional(literals(storyKinds)),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ tip: TipSchema, storyId: Type.String() }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const { actor, tip } = await loadVisible(request.actor, request.params.id);
      authorize(actor, { canAct: tipPolicy.answer(actor, tip) });
      assertOpen(tip);
      const storyId = await convertTip(ctx, actor, tip, request.body);
      return { tip: await presentOne(actor, tip.id), storyId };
    },
  );

  app.post(
    '/api/tips/:id/dismiss',
    {
      schema: {
        tags: ['tips'],
        summary: 'Close an open tip with a word of thanks to its author (correspondents of the lab)',
        params: IdParams,
        body: Type.Object(
          { message: Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' }) },
          { additionalProperties: false },
        ),
        response: { 200: TipSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { actor, tip } = await loadVisible(request.actor, request.params.id);
      authorize(actor, { canAct: tipPolicy.answer(actor, tip) });
      assertOpen(tip);
      await dismissTip(ctx, actor, tip, request.body.message);
      return presentOne(actor, tip.id);
    },
  );
}

function assertOpen(tip: Tip) {
  if (tip.state !== 'open') throw new HttpError(409, 'invalid_state', `This tip is already ${tip.state}`);
}
