import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { campaignLimits } from '../../../shared/campaigns.ts';
import { newsletterLimits } from '../../../shared/newsletters.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { notFound, unauthorized } from '../../lib/errors.ts';
import { Email, errors, IdParams, Page, Paging } from '../../lib/schemas.ts';
import { newsletterMjml } from '../../mail/newsletter-template.ts';
import { normaliseEmail } from '../audiences/csv.ts';
import type { Actor } from '../auth/actor.ts';
import { scheduleCampaign } from '../campaigns/actions.ts';
import { countRecipients } from '../campaigns/queries.ts';
import { testSendCampaign } from '../campaigns/test-send.ts';
import { createIssue, deleteIssue, updateIssue } from './actions.ts';
import { issueMailInput } from './compose.ts';
import { ownedCampaignPolicy } from './policy.ts';
import { EmbargoSchema, embargoOf, IssueSchema, presentIssues, readableStories } from './present.ts';
import { framedAt, previewHeaders, renderPreview } from './preview.ts';
import {
  findCampaignOf,
  findIssue,
  issueItems,
  labsOfStories,
  listCandidates,
  listIssues,
} from './queries.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Title = Type.String({ minLength: 1, maxLength: newsletterLimits.title, pattern: '\\S' });
const Edito = Type.String({ maxLength: newsletterLimits.edito });
const Sections = Type.Array(
  Type.Object(
    {
      key: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9-]+$' })),
      title: Type.String({ minLength: 1, maxLength: newsletterLimits.sectionTitle, pattern: '\\S' }),
    },
    { additionalProperties: false },
  ),
  { minItems: 1, maxItems: newsletterLimits.sections },
);
const Items = Type.Array(
  Type.Object(
    { storyId: Id, section: Type.String({ minLength: 1, maxLength: 40 }) },
    { additionalProperties: false },
  ),
  { maxItems: newsletterLimits.items },
);
const ListIds = Type.Array(Id, { maxItems: 50, uniqueItems: true });
const Empty = Type.Object({}, { additionalProperties: false });
const emptyBody = async (request: { body: unknown }) => {
  if (request.body === undefined) request.body = {} as never;
};
export const TestSendBody = Type.Object(
  {
    emails: Type.Array(Email, { minItems: 1, maxItems: campaignLimits.testRecipients, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export const TestSendResults = Type.Object({
  results: Type.Array(
    Type.Object({
      email: Type.String(),
      state: Type.String(),
      error: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export const ScheduleBody = Type.Object(
  { at: Type.String({ format: 'date-time', maxLength: 40 }) },
  { additionalProperties: false },
);
export const PreviewQuery = Type.Object(
  {
    width: Type.Optional(
      Type.Integer({
        minimum: newsletterLimits.previewWidth.min,
        maximum: newsletterLimits.previewWidth.max,
      }),
    ),
  },
  { additionalProperties: false },
);

const CandidateSchema = Type.Object({
  storyId: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  labs: Type.Array(Type.String()),
  embargo: EmbargoSchema,
  relay: Type.Object({ id: Type.String(), state: Type.String(), relayedAt: Type.String() }),
});

/** Newsletter issues (cell, admin): compose from accepted stories, preview, test, schedule, send. */
export function registerNewsletterRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['newsletters'];

  async function load(actor: Actor | null, id: string) {
    if (!actor) throw unauthorized();
    const issue = await findIssue(ctx.db, id);
    if (!issue || !ownedCampaignPolicy.read(actor)) throw notFound('Issue');
    const campaign = await findCampaignOf(ctx.db, issue.campaign_id);
    const counts = (await countRecipients(ctx.db, [campaign.id])).get(campaign.id)!;
    return { issue, campaign, facts: { state: campaign.state, ...counts } };
  }
  const presentOne = async (actor: Actor, id: string) =>
    (await presentIssues(ctx, actor, [(await findIssue(ctx.db, id))!]))[0]!;

  app.get(
    '/api/newsletters',
    {
      schema: {
        tags,
        summary: 'Newsletter issues, newest number first (cell, admin)',
        querystring: Type.Object({ ...Paging }, { additionalProperties: false }),
        response: { 200: Page(IssueSchema), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(request.actor, { canAct: ownedCampaignPolicy.read(request.actor) });
      const { limit = 50, offset = 0 } = request.query;
      const page = await listIssues(ctx.db, { limit, offset });
      return { items: await presentIssues(ctx, request.actor, page.items), total: page.total };
    },
  );

  app.post(
    '/api/newsletters',
    {
      schema: {
        tags,
        summary: 'Create a draft issue (number: next one by default; sections: the default ones)',
        body: Type.Object(
          {
            title: Title,
            number: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
            editoHtml: Type.Optional(Edito),
            sections: Type.Optional(Sections),
            listIds: Type.Optional(ListIds),
          },
          { additionalProperties: false },
        ),
        response: { 201: IssueSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, { canAct: ownedCampaignPolicy.create(request.actor) });
      const id = await createIssue(ctx, request.actor, request.body);
      return reply.status(201).send(await presentOne(request.actor, id));
    },
  );

  app.get(
    '/api/newsletters/:id',
    {
      schema: {
        tags,
        summary: 'One issue with its sections and stories',
        params: IdParams,
        response: { 200: IssueSchema, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { issue } = await load(request.actor, request.params.id);
      return presentOne(request.actor!, issue.id);
    },
  );

  app.patch(
    '/api/newsletters/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft issue: title, edito, sections, stories in order (items replace all), lists',
        params: IdParams,
        body: Type.Object(
          {
            title: Type.Optional(Title),
            editoHtml: Type.Optional(Edito),
            sections: Type.Optional(Sections),
            items: Type.Optional(Items),
            listIds: Type.Optional(ListIds),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: IssueSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { issue, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: ownedCampaignPolicy.update(request.actor, facts) });
      await updateIssue(ctx, request.actor, issue, request.body);
      return presentOne(request.actor, issue.id);
    },
  );

  app.delete(
    '/api/newsletters/:id',
    {
      schema: {
        tags,
        summary: 'Delete a draft issue (its stories become candidates again)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { issue, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: ownedCampaignPolicy.delete(request.actor, facts) });
      await deleteIssue(ctx, request.actor, issue);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/newsletters/:id/candidates',
    {
      schema: {
        tags,
        summary:
          'Stories the issue may take: accepted, relayed to the newsletter, in no issue (with embargo)',
        params: IdParams,
        querystring: Type.Object({ ...Paging }, { additionalProperties: false }),
        response: { 200: Page(CandidateSchema), ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      await load(request.actor, request.params.id);
      const { limit = 50, offset = 0 } = request.query;
      // The cell handles every sent story, embargoed or not; others see the lifted ones only.
      const isHandler = request.actor!.roles.has('cell');
      const page = await listCandidates(
        ctx.db,
        { limit, offset },
        isHandler ? undefined : ctx.now().toISOString(),
      );
      const rows = page.items.map((row) => ({ ...row, issue_id: '', section: '', position: 0 }));
      const [labs, readable] = await Promise.all([
        labsOfStories(
          ctx.db,
          rows.map((row) => row.id),
        ),
        readableStories(ctx, request.actor, rows),
      ]);
      const now = ctx.now();
      return {
        items: page.items
          .filter((row) => readable.has(row.id))
          .map((row) => ({
            storyId: row.id,
            title: row.title,
            summary: row.summary,
            labs: labs.get(row.id) ?? [],
            embargo: embargoOf(row, now),
            relay: { id: row.relay_id, state: row.relay_state, relayedAt: row.relayed_at },
          })),
        total: page.total,
      };
    },
  );

  app.get(
    '/api/newsletters/:id/preview',
    {
      schema: {
        tags,
        summary:
          'The issue as a subscriber receives it (text/html, sample values); ?width= frames it at that width',
        params: IdParams,
        querystring: PreviewQuery,
        response: { 200: Type.String(), ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { issue, campaign } = await load(request.actor, request.params.id);
      const actor = request.actor!;
      const items = await issueItems(ctx.db, [issue.id]);
      const [labs, readable] = await Promise.all([
        labsOfStories(
          ctx.db,
          items.map((item) => item.id),
        ),
        readableStories(ctx, actor, items),
      ]);
      const input = issueMailInput(
        ctx.config.publicUrl,
        issue,
        items,
        labs,
        (item) => !readable.has(item.id),
      );
      const html = await renderPreview(ctx, actor, {
        kind: 'newsletter',
        subject: campaign.subject,
        mjml: newsletterMjml(input),
      });
      const { width } = request.query;
      return reply.headers(previewHeaders).send(width ? framedAt(html, width, campaign.subject) : html);
    },
  );

  app.post(
    '/api/newsletters/:id/test-send',
    {
      schema: {
        tags,
        summary: 'Send the issue now to a few addresses, marked [Test] (409 while a story is under embargo)',
        params: IdParams,
        body: TestSendBody,
        response: { 200: TestSendResults, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { campaign, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: ownedCampaignPolicy.testSend(request.actor, facts) });
      const emails = [...new Set(request.body.emails.map(normaliseEmail))];
      return { results: await testSendCampaign(ctx, request.actor, campaign, emails) };
    },
  );

  app.post(
    '/api/newsletters/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Schedule the issue (409 naming the story whose embargo lifts later)',
        params: IdParams,
        body: ScheduleBody,
        response: { 200: IssueSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { issue, campaign, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: ownedCampaignPolicy.schedule(request.actor, facts) });
      await scheduleCampaign(ctx, request.actor, campaign, new Date(request.body.at));
      return presentOne(request.actor, issue.id);
    },
  );

  app.post(
    '/api/newsletters/:id/send-now',
    {
      preValidation: emptyBody,
      schema: {
        tags,
        summary: 'Send the issue now (409 while a story is under embargo)',
        params: IdParams,
        body: Empty,
        response: { 200: IssueSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { issue, campaign, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: ownedCampaignPolicy.sendNow(request.actor, facts) });
      await scheduleCampaign(ctx, request.actor, campaign, null);
      return presentOne(request.actor, issue.id);
    },
  );
}
