import fs from 'node:fs/promises';
import path from 'node:path';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { newsletterLimits } from '../../../shared/newsletters.ts';
import type { AppContext } from '../../context.ts';
import type { GreetingCard } from '../../db/schema.ts';
import { authorize } from '../../lib/authorize.ts';
import { HttpError, notFound, unauthorized } from '../../lib/errors.ts';
import { imageLimits } from '../../lib/images.ts';
import { Abilities, errors, IdParams, Page, Paging } from '../../lib/schemas.ts';
import { greetingMjml } from '../../mail/greeting-template.ts';
import { normaliseEmail } from '../audiences/csv.ts';
import type { Actor } from '../auth/actor.ts';
import { scheduleCampaign } from '../campaigns/actions.ts';
import { countRecipients, listNames } from '../campaigns/queries.ts';
import { testSendCampaign } from '../campaigns/test-send.ts';
import { ownedCampaignAbilities, ownedCampaignPolicy } from '../newsletters/policy.ts';
import { OwnedCampaignSchema, presentOwnedCampaign } from '../newsletters/present.ts';
import { framedAt, previewHeaders, renderPreview } from '../newsletters/preview.ts';
import { findCampaignOf } from '../newsletters/queries.ts';
import { PreviewQuery, ScheduleBody, TestSendBody, TestSendResults } from '../newsletters/routes.ts';
import { createGreeting, deleteGreeting, setGreetingImage, updateGreeting } from './actions.ts';
import { greetingImageUrl, greetingMailInput } from './compose.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const fields = {
  year: Type.Integer({ minimum: 2000, maximum: 2200 }),
  title: Type.String({ minLength: 1, maxLength: newsletterLimits.title, pattern: '\\S' }),
  messageHtml: Type.String({ minLength: 1, maxLength: newsletterLimits.greetingMessage, pattern: '\\S' }),
  imageAlt: Type.String({ maxLength: 300 }),
  listIds: Type.Array(Id, { maxItems: 50, uniqueItems: true }),
};
const Empty = Type.Object({}, { additionalProperties: false });
const emptyBody = async (request: { body: unknown }) => {
  if (request.body === undefined) request.body = {} as never;
};

const GreetingSchema = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  messageHtml: Type.String(),
  imageUrl: Type.Union([Type.String(), Type.Null()]),
  imageAlt: Type.String(),
  state: Type.String(),
  campaign: OwnedCampaignSchema,
  createdAt: Type.String(),
  updatedAt: Type.String(),
  abilities: Abilities,
});

async function readImage(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart())
    throw new HttpError(400, 'invalid', 'Send the image as multipart/form-data in a field named "file"', {
      fields: { file: 'is required' },
    });
  const part = await request.file({ limits: { fileSize: imageLimits.maxBytes, files: 1 } });
  if (!part) throw new HttpError(400, 'invalid', 'No file received', { fields: { file: 'is required' } });
  const buffer = await part.toBuffer();
  if (part.file.truncated)
    throw new HttpError(413, 'payload_too_large', 'The image is larger than 8 MB', {
      fields: { file: 'is too large' },
    });
  return buffer;
}

/** Greeting cards (cell, admin): a yearly campaign with an image, a message and an audience. */
export function registerGreetingRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['greetings'];
  const find = (id: string) =>
    ctx.db.selectFrom('greeting_cards').selectAll().where('id', '=', id).executeTakeFirst();

  async function load(actor: Actor | null, id: string) {
    if (!actor) throw unauthorized();
    const card = await find(id);
    if (!card || !ownedCampaignPolicy.read(actor)) throw notFound('Greeting card');
    const campaign = await findCampaignOf(ctx.db, card.campaign_id);
    const counts = (await countRecipients(ctx.db, [campaign.id])).get(campaign.id)!;
    return { card, campaign, facts: { state: campaign.state, ...counts } };
  }

  async function present(actor: Actor, card: GreetingCard) {
    const campaign = await findCampaignOf(ctx.db, card.campaign_id);
    const [counts, names] = await Promise.all([
      countRecipients(ctx.db, [campaign.id]),
      listNames(ctx.db, campaign.list_ids),
    ]);
    const campaignCounts = counts.get(campaign.id)!;
    return {
      id: card.id,
      year: card.year,
      title: card.title,
      messageHtml: card.message_html,
      imageUrl: greetingImageUrl(ctx.config.publicUrl, card),
      imageAlt: card.image_alt,
      state: campaign.state,
      campaign: presentOwnedCampaign(campaign, campaignCounts, names),
      createdAt: card.created_at,
      updatedAt: card.updated_at,
      abilities: ownedCampaignAbilities(actor, { state: campaign.state, ...campaignCounts }),
    };
  }
  const presentById = async (actor: Actor, id: string) => present(actor, (await find(id))!);

  app.get(
    '/api/greetings',
    {
      schema: {
        tags,
        summary: 'Greeting cards, newest year first (cell, admin)',
        querystring: Type.Object({ ...Paging }, { additionalProperties: false }),
        response: { 200: Page(GreetingSchema), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(request.actor, { canAct: ownedCampaignPolicy.read(request.actor) });
      const { limit = 50, offset = 0 } = request.query;
      const rows = await ctx.db
        .selectFrom('greeting_cards')
        .selectAll()
        .orderBy('year', 'desc')
        .orderBy('created_at', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      const total = await ctx.db
        .selectFrom('greeting_cards')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      const items = [];
      for (const row of rows) items.push(await present(request.actor, row));
      return { items, total: Number(total.count) };
    },
  );

  app.post(
    '/api/greetings',
    {
      schema: {
        tags,
        summary: 'Create a draft greeting card (the image is uploaded next, PUT …/image)',
        body: Type.Object(
          {
            year: fields.year,
            title: fields.title,
            messageHtml: fields.messageHtml,
            imageAlt: Type.Optional(fields.imageAlt),
            listIds: Type.Optional(fields.listIds),
          },
          { additionalProperties: false },
        ),
        response: { 201: GreetingSchema, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, { canAct: ownedCampaignPolicy.create(request.actor) });
      const id = await createGreeting(ctx, request.actor, request.body);
      return reply.status(201).send(await presentById(request.actor, id));
    },
  );

  app.get(
    '/api/greetings/:id',
    {
      schema: {
        tags,
        summary: 'One greeting card',
        params: IdParams,
        response: { 200: GreetingSchema, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { card } = await load(request.actor, request.params.id);
      return present(request.actor!, card);
    },
  );

  app.patch(
    '/api/greetings/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft greeting card',
        params: IdParams,
        body: Type.Object(
          {
            year: Type.Optional(fields.year),
            title: Type.Optional(fields.title),
            messageHtml: Type.Optional(fields.messageHtml),
            imageAlt: Type.Optional(fields.imageAlt),
            listIds: Type.Optional(fields.listIds),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: GreetingSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { card, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: ownedCampaignPolicy.update(request.actor, facts) });
      await updateGreeting(ctx, request.actor, card, request.body);
      return presentById(request.actor, card.id);
    },
  );

  app.delete(
    '/api/greetings/:id',
    {
      schema: {
        tags,
        summary: 'Delete a draft greeting card',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { card, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: ownedCampaignPolicy.delete(request.actor, facts) });
      await deleteGreeting(ctx, request.actor, card);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/greetings/:id/image',
    {
      schema: {
        tags,
        summary:
          'Upload the image (multipart/form-data, field "file"; JPEG, PNG, WebP, GIF or AVIF up to 8 MB)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: GreetingSchema, ...errors(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request) => {
      const { card, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: ownedCampaignPolicy.update(request.actor, facts) });
      await setGreetingImage(ctx, request.actor, card, await readImage(request));
      return presentById(request.actor, card.id);
    },
  );

  app.get(
    '/api/greetings/:id/preview',
    {
      schema: {
        tags,
        summary: 'The card as a recipient receives it (text/html, sample values); ?width= frames it',
        params: IdParams,
        querystring: PreviewQuery,
        response: { 200: Type.String(), ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { card, campaign } = await load(request.actor, request.params.id);
      const html = await renderPreview(ctx, request.actor!, {
        kind: 'greeting',
        subject: campaign.subject,
        mjml: greetingMjml(greetingMailInput(ctx, card)),
      });
      const { width } = request.query;
      return reply.headers(previewHeaders).send(width ? framedAt(html, width, campaign.subject) : html);
    },
  );

  app.post(
    '/api/greetings/:id/test-send',
    {
      schema: {
        tags,
        summary: 'Send the card now to a few addresses, marked [Test]',
        params: IdParams,
        body: TestSendBody,
        response: { 200: TestSendResults, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { campaign, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: ownedCampaignPolicy.testSend(request.actor, facts) });
      const emails = [...new Set(request.body.emails.map(normaliseEmail))];
      return { results: await testSendCampaign(ctx, request.actor, campaign, emails) };
    },
  );

  for (const name of ['schedule', 'send-now'] as const) {
    app.post(
      `/api/greetings/:id/${name}`,
      {
        ...(name === 'send-now' ? { preValidation: emptyBody } : {}),
        schema: {
          tags,
          summary: name === 'schedule' ? 'Schedule the card' : 'Send the card now',
          params: IdParams,
          body: name === 'schedule' ? ScheduleBody : Empty,
          response: { 200: GreetingSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { card, campaign, facts } = await load(request.actor, request.params.id);
        const can = name === 'schedule' ? ownedCampaignPolicy.schedule : ownedCampaignPolicy.sendNow;
        authorize(request.actor, { canAct: can(request.actor, facts) });
        const at = name === 'schedule' ? new Date((request.body as { at: string }).at) : null;
        await scheduleCampaign(ctx, request.actor, campaign, at);
        return presentById(request.actor, card.id);
      },
    );
  }

  // The card's image, public: it is shown in the mail.
  app.get<{ Params: { id: string; file: string } }>(
    '/voeux/:id/:file',
    { schema: { hide: true } },
    async (request, reply) => {
      const { id, file } = request.params;
      const card = /^[0-9a-f-]{36}$/.test(id) ? await find(id) : undefined;
      if (!card?.image_path || card.image_path.split('/').pop() !== file)
        return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
      const data = await fs
        .readFile(path.join(ctx.config.dataDir, 'uploads', card.image_path))
        .catch(() => null);
      if (!data) return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
      return reply
        .type('image/webp')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(data);
    },
  );
}
