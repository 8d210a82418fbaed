import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { newsletterLimits } from '../../../shared/newsletters.ts';
import type { AppContext } from '../../context.ts';
import type { PressRelease } from '../../db/schema.ts';
import { authorize } from '../../lib/authorize.ts';
import { notFound, unauthorized } from '../../lib/errors.ts';
import { Abilities, errors, IdParams, Page, Paging } from '../../lib/schemas.ts';
import { pressMjml } from '../../mail/press-template.ts';
import { normaliseEmail } from '../audiences/csv.ts';
import type { Actor } from '../auth/actor.ts';
import { scheduleCampaign } from '../campaigns/actions.ts';
import { countRecipients, listNames } from '../campaigns/queries.ts';
import { testSendCampaign } from '../campaigns/test-send.ts';
import { ownedCampaignAbilities, ownedCampaignPolicy } from '../newsletters/policy.ts';
import {
  EmbargoSchema,
  embargoOf,
  OwnedCampaignSchema,
  presentOwnedCampaign,
} from '../newsletters/present.ts';
import { framedAt, previewHeaders, renderPreview } from '../newsletters/preview.ts';
import { findCampaignOf } from '../newsletters/queries.ts';
import { PreviewQuery, ScheduleBody, TestSendBody, TestSendResults } from '../newsletters/routes.ts';
import { storyPolicy } from '../stories/policy.ts';
import { findStoryWithRelations, storyFacts } from '../stories/queries.ts';
import {
  createPressRelease,
  deletePressRelease,
  refreshPressCampaign,
  updatePressRelease,
} from './actions.ts';
import { findStoryOf, isPdfToken, pdfUrlOf, pressMailInput } from './compose.ts';
import { renderPressPdf } from './pdf.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const fields = {
  title: Type.String({ minLength: 1, maxLength: newsletterLimits.title, pattern: '\\S' }),
  summary: Type.String({ maxLength: newsletterLimits.pressSummary }),
  bodyHtml: Type.String({ minLength: 1, maxLength: newsletterLimits.pressBody, pattern: '\\S' }),
  contacts: Type.String({ maxLength: newsletterLimits.pressContacts }),
  listIds: Type.Array(Id, { maxItems: 50, uniqueItems: true }),
};
const Empty = Type.Object({}, { additionalProperties: false });
const emptyBody = async (request: { body: unknown }) => {
  if (request.body === undefined) request.body = {} as never;
};

const PressSchema = Type.Object({
  id: Type.String(),
  story: Type.Object({ id: Type.String(), title: Type.String(), embargo: EmbargoSchema }),
  title: Type.String(),
  summary: Type.String(),
  bodyHtml: Type.String(),
  contacts: Type.String(),
  /** the embargo line as subject and body carry it now, or null */
  embargoNotice: Type.Union([Type.String(), Type.Null()]),
  state: Type.String(),
  campaign: OwnedCampaignSchema,
  pdfUrl: Type.String(),
  publicPdfUrl: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  abilities: Abilities,
});

/** Press releases (cell, admin): made from an accepted story, sent one journalist at a time, with a PDF. */
export function registerPressRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['press'];

  async function load(actor: Actor | null, id: string) {
    if (!actor) throw unauthorized();
    const release = await ctx.db
      .selectFrom('press_releases')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!release || !ownedCampaignPolicy.read(actor)) throw notFound('Press release');
    const campaign = await findCampaignOf(ctx.db, release.campaign_id);
    const counts = (await countRecipients(ctx.db, [campaign.id])).get(campaign.id)!;
    return { release, campaign, facts: { state: campaign.state, ...counts } };
  }

  async function present(actor: Actor, release: PressRelease) {
    const campaign = await findCampaignOf(ctx.db, release.campaign_id);
    const story = await findStoryOf(ctx.db, release);
    const [counts, names, input] = await Promise.all([
      countRecipients(ctx.db, [campaign.id]),
      listNames(ctx.db, campaign.list_ids),
      pressMailInput(ctx, release, story),
    ]);
    const campaignCounts = counts.get(campaign.id)!;
    return {
      id: release.id,
      story: { id: story.id, title: story.title, embargo: embargoOf(story, ctx.now()) },
      title: release.title,
      summary: release.summary,
      bodyHtml: release.body_html,
      contacts: release.contacts,
      embargoNotice: input.embargoNotice,
      state: campaign.state,
      campaign: presentOwnedCampaign(campaign, campaignCounts, names),
      pdfUrl: `/api/press-releases/${release.id}/pdf`,
      publicPdfUrl: await pdfUrlOf(ctx, release.id),
      createdAt: release.created_at,
      updatedAt: release.updated_at,
      abilities: ownedCampaignAbilities(actor, { state: campaign.state, ...campaignCounts }),
    };
  }
  const presentById = async (actor: Actor, id: string) =>
    present(
      actor,
      await ctx.db.selectFrom('press_releases').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );

  async function pdfOf(release: PressRelease) {
    const story = await findStoryOf(ctx.db, release);
    const input = await pressMailInput(ctx, release, story);
    const date = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(
      ctx.now(),
    );
    return Buffer.from(await renderPressPdf({ ...input, date }));
  }

  app.get(
    '/api/press-releases',
    {
      schema: {
        tags,
        summary: 'Press releases, newest first (cell, admin)',
        querystring: Type.Object({ ...Paging }, { additionalProperties: false }),
        response: { 200: Page(PressSchema), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(request.actor, { canAct: ownedCampaignPolicy.read(request.actor) });
      const { limit = 50, offset = 0 } = request.query;
      const rows = await ctx.db
        .selectFrom('press_releases')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      const total = await ctx.db
        .selectFrom('press_releases')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      const items = [];
      for (const row of rows) items.push(await present(request.actor, row));
      return { items, total: Number(total.count) };
    },
  );

  app.post(
    '/api/press-releases',
    {
      schema: {
        tags,
        summary: 'Make a draft release from an accepted story (its title, summary and text by default)',
        body: Type.Object(
          {
            storyId: Id,
            title: Type.Optional(fields.title),
            summary: Type.Optional(fields.summary),
            bodyHtml: Type.Optional(fields.bodyHtml),
            contacts: Type.Optional(fields.contacts),
            listIds: Type.Optional(fields.listIds),
          },
          { additionalProperties: false },
        ),
        response: { 201: PressSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, { canAct: ownedCampaignPolicy.create(request.actor) });
      const found = await findStoryWithRelations(ctx.db, request.body.storyId);
      const canSee =
        found !== undefined &&
        storyPolicy.read(request.actor, storyFacts(found.story, found.relations), ctx.now());
      authorize(request.actor, { canSee, canAct: true, what: 'Story' });
      const story = await ctx.db
        .selectFrom('stories')
        .selectAll()
        .where('id', '=', request.body.storyId)
        .executeTakeFirstOrThrow();
      const { storyId: _storyId, ...input } = request.body;
      const id = await createPressRelease(ctx, request.actor, story, input);
      return reply.status(201).send(await presentById(request.actor, id));
    },
  );

  app.get(
    '/api/press-releases/:id',
    {
      schema: {
        tags,
        summary: 'One press release',
        params: IdParams,
        response: { 200: PressSchema, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { release } = await load(request.actor, request.params.id);
      return present(request.actor!, release);
    },
  );

  app.patch(
    '/api/press-releases/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft release',
        params: IdParams,
        body: Type.Object(
          {
            title: Type.Optional(fields.title),
            summary: Type.Optional(fields.summary),
            bodyHtml: Type.Optional(fields.bodyHtml),
            contacts: Type.Optional(fields.contacts),
            listIds: Type.Optional(fields.listIds),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: PressSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { release, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: ownedCampaignPolicy.update(request.actor, facts) });
      await updatePressRelease(ctx, request.actor, release, request.body);
      return presentById(request.actor, release.id);
    },
  );

  app.delete(
    '/api/press-releases/:id',
    {
      schema: {
        tags,
        summary: 'Delete a draft release',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { release, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: ownedCampaignPolicy.delete(request.actor, facts) });
      await deletePressRelease(ctx, request.actor, release);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/press-releases/:id/pdf',
    {
      schema: {
        tags,
        summary: 'The release as PDF (application/pdf)',
        params: IdParams,
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const { release } = await load(request.actor, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="communique.pdf"')
        .header('cache-control', 'no-store')
        .send(await pdfOf(release));
    },
  );

  app.get(
    '/api/press-releases/:id/preview',
    {
      schema: {
        tags,
        summary: 'The release as a journalist receives it (text/html, sample values); ?width= frames it',
        params: IdParams,
        querystring: PreviewQuery,
        response: { 200: Type.String(), ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { release, campaign } = await load(request.actor, request.params.id);
      const input = await pressMailInput(ctx, release, await findStoryOf(ctx.db, release));
      const html = await renderPreview(ctx, request.actor!, {
        kind: 'press',
        subject: campaign.subject,
        mjml: pressMjml(input),
      });
      const { width } = request.query;
      return reply.headers(previewHeaders).send(width ? framedAt(html, width, campaign.subject) : html);
    },
  );

  app.post(
    '/api/press-releases/:id/test-send',
    {
      schema: {
        tags,
        summary: 'Send the release now to a few addresses, marked [Test]',
        params: IdParams,
        body: TestSendBody,
        response: { 200: TestSendResults, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { release, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: ownedCampaignPolicy.testSend(request.actor, facts) });
      await refreshPressCampaign(ctx, release);
      const campaign = await findCampaignOf(ctx.db, release.campaign_id);
      const emails = [...new Set(request.body.emails.map(normaliseEmail))];
      return { results: await testSendCampaign(ctx, request.actor, campaign, emails) };
    },
  );

  for (const name of ['schedule', 'send-now'] as const) {
    app.post(
      `/api/press-releases/:id/${name}`,
      {
        ...(name === 'send-now' ? { preValidation: emptyBody } : {}),
        schema: {
          tags,
          summary:
            name === 'schedule'
              ? 'Schedule the release to its press lists, one journalist at a time'
              : 'Send the release now to its press lists, one journalist at a time',
          params: IdParams,
          body: name === 'schedule' ? ScheduleBody : Empty,
          response: { 200: PressSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { release, facts } = await load(request.actor, request.params.id);
        const can = name === 'schedule' ? ownedCampaignPolicy.schedule : ownedCampaignPolicy.sendNow;
        authorize(request.actor, { canAct: can(request.actor, facts) });
        await refreshPressCampaign(ctx, release);
        const campaign = await findCampaignOf(ctx.db, release.campaign_id);
        const at = name === 'schedule' ? new Date((request.body as { at: string }).at) : null;
        await scheduleCampaign(ctx, request.actor, campaign, at);
        return presentById(request.actor, release.id);
      },
    );
  }

  // The PDF for journalists, linked from the mail: no account, a signed link.
  app.get<{ Params: { id: string; token: string } }>(
    '/communiques/:id/:token/communique.pdf',
    { schema: { hide: true } },
    async (request, reply) => {
      const { id, token } = request.params;
      const release =
        /^[0-9a-f-]{36}$/.test(id) && /^[A-Za-z0-9_-]{1,64}$/.test(token)
          ? await ctx.db.selectFrom('press_releases').selectAll().where('id', '=', id).executeTakeFirst()
          : undefined;
      if (!release || !(await isPdfToken(ctx, release.id, token)))
        return reply.status(404).type('text/plain; charset=utf-8').send('Ce lien n’est pas valide.');
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="communique.pdf"')
        .header('cache-control', 'private, no-store')
        .header('x-robots-tag', 'noindex')
        .send(await pdfOf(release));
    },
  );
}
