import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { campaignKinds, campaignLimits, campaignStates } from '../../../shared/campaigns.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authorize.ts';
import { notFound, unauthorized } from '../../lib/errors.ts';
import { Email, errors, IdParams, Page, Paging } from '../../lib/schemas.ts';
import { closeCampaignTransports } from '../../mail/campaign-transport.ts';
import { normaliseEmail } from '../audiences/csv.ts';
import type { Actor } from '../auth/actor.ts';
import {
  createCampaign,
  deleteCampaign,
  resolveUncertain,
  retryRemaining,
  scheduleCampaign,
  transitionCampaign,
  updateCampaign,
} from './actions.ts';
import { type CampaignFacts, campaignPolicy } from './policy.ts';
import { CampaignSchema, ProgressSchema, presentCampaign } from './present.ts';
import {
  campaignOutcomes,
  campaignProgress,
  countRecipients,
  findCampaign,
  listCampaigns,
  listNames,
  listUncertain,
} from './queries.ts';
import { previewCampaign, testSendCampaign } from './test-send.ts';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
const Id = Type.String({ minLength: 1, maxLength: 64 });
const content = {
  name: Type.Optional(Type.String({ maxLength: 200 })),
  subject: Type.String({ minLength: 1, maxLength: campaignLimits.subject, pattern: '\\S' }),
  bodyHtml: Type.String({ minLength: 1, maxLength: campaignLimits.bodyHtml, pattern: '\\S' }),
  bodyText: Type.Optional(Type.String({ maxLength: campaignLimits.bodyHtml })),
  listIds: Type.Array(Id, { maxItems: 50, uniqueItems: true }),
};
const Empty = Type.Object({}, { additionalProperties: false });
// These actions may be posted without a body.
const emptyBody = async (request: { body: unknown }) => {
  if (request.body === undefined) request.body = {} as never;
};

/** Campaigns (cell, admin): drafts, test sends, scheduling, the sending controls and live progress. */
export function registerCampaignRoutes(parent: FastifyInstance, ctx: AppContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['campaigns'];
  app.addHook('onClose', async () => closeCampaignTransports(ctx));

  async function load(actor: Actor | null, id: string) {
    if (!actor) throw unauthorized();
    const campaign = await findCampaign(ctx.db, id);
    if (!campaign || !campaignPolicy.read(actor)) throw notFound('Campaign');
    const counts = (await countRecipients(ctx.db, [id])).get(id)!;
    const facts: CampaignFacts = { state: campaign.state, ...counts };
    return { campaign, facts };
  }

  async function presentOne(actor: Actor, id: string) {
    const campaign = (await findCampaign(ctx.db, id))!;
    const [counts, outcomes, names] = await Promise.all([
      countRecipients(ctx.db, [id]),
      campaignOutcomes(ctx.db, [id]),
      listNames(ctx.db, campaign.list_ids),
    ]);
    return presentCampaign(actor, campaign, counts.get(id)!, outcomes.get(id)!, names);
  }

  app.get(
    '/api/campaigns',
    {
      schema: {
        tags,
        summary: 'Campaigns, newest first (cell, admin)',
        querystring: Type.Object(
          {
            state: Type.Optional(literals(campaignStates)),
            kind: Type.Optional(literals(campaignKinds)),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(CampaignSchema), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(request.actor, { canAct: campaignPolicy.read(request.actor) });
      const { state, kind, limit = 50, offset = 0 } = request.query;
      const page = await listCampaigns(ctx.db, { state, kind, limit, offset });
      const ids = page.items.map((item) => item.id);
      const [counts, outcomes, names] = await Promise.all([
        countRecipients(ctx.db, ids),
        campaignOutcomes(ctx.db, ids),
        listNames(ctx.db, [...new Set(page.items.flatMap((item) => item.list_ids))]),
      ]);
      return {
        items: page.items.map((item) =>
          presentCampaign(request.actor, item, counts.get(item.id)!, outcomes.get(item.id)!, names),
        ),
        total: page.total,
      };
    },
  );

  app.post(
    '/api/campaigns',
    {
      schema: {
        tags,
        summary: 'Create a draft: subject, body (HTML, {{placeholders}}), optional text part, lists',
        body: Type.Object({ kind: literals(campaignKinds), ...content }, { additionalProperties: false }),
        response: { 201: CampaignSchema, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, { canAct: campaignPolicy.create(request.actor) });
      const id = await createCampaign(ctx, request.actor, request.body);
      return reply.status(201).send(await presentOne(request.actor, id));
    },
  );

  app.get(
    '/api/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'One campaign',
        params: IdParams,
        response: { 200: CampaignSchema, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { campaign } = await load(request.actor, request.params.id);
      return presentOne(request.actor!, campaign.id);
    },
  );

  app.patch(
    '/api/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft',
        params: IdParams,
        body: Type.Object(
          {
            name: content.name,
            subject: Type.Optional(content.subject),
            bodyHtml: Type.Optional(content.bodyHtml),
            bodyText: content.bodyText,
            listIds: Type.Optional(content.listIds),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: CampaignSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { campaign, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: campaignPolicy.update(request.actor, facts) });
      await updateCampaign(ctx, request.actor, campaign, request.body);
      return presentOne(request.actor, campaign.id);
    },
  );

  app.delete(
    '/api/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Delete a draft',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { campaign, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: campaignPolicy.delete(request.actor, facts) });
      await deleteCampaign(ctx, request.actor, campaign);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/campaigns/:id/test-send',
    {
      schema: {
        tags,
        summary: 'Send the mail now to a few addresses, marked [Test], outside the ledger',
        params: IdParams,
        body: Type.Object(
          {
            emails: Type.Array(Email, {
              minItems: 1,
              maxItems: campaignLimits.testRecipients,
              uniqueItems: true,
            }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                email: Type.String(),
                state: Type.String(),
                error: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { campaign, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: campaignPolicy.testSend(request.actor, facts) });
      const emails = [...new Set(request.body.emails.map(normaliseEmail))];
      return { results: await testSendCampaign(ctx, request.actor, campaign, emails) };
    },
  );

  app.post(
    '/api/campaigns/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Schedule the sending (again: a new time replaces the old one)',
        params: IdParams,
        body: Type.Object(
          { at: Type.String({ format: 'date-time', maxLength: 40 }) },
          { additionalProperties: false },
        ),
        response: { 200: CampaignSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { campaign, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: campaignPolicy.schedule(request.actor, facts) });
      await scheduleCampaign(ctx, request.actor, campaign, new Date(request.body.at));
      return presentOne(request.actor, campaign.id);
    },
  );

  app.post(
    '/api/campaigns/:id/send-now',
    {
      preValidation: emptyBody,
      schema: {
        tags,
        summary: 'Start sending now (the audience is frozen when the job starts)',
        params: IdParams,
        body: Empty,
        response: { 200: CampaignSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { campaign, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: campaignPolicy.sendNow(request.actor, facts) });
      await scheduleCampaign(ctx, request.actor, campaign, null);
      return presentOne(request.actor, campaign.id);
    },
  );

  for (const name of ['pause', 'resume', 'cancel'] as const) {
    app.post(
      `/api/campaigns/:id/${name}`,
      {
        preValidation: emptyBody,
        schema: {
          tags,
          summary: {
            pause: 'Pause a sending campaign (the messages in hand finish)',
            resume: 'Resume a paused campaign',
            cancel: 'Cancel a scheduled, sending or paused campaign (what was sent stays sent)',
          }[name],
          params: IdParams,
          body: Empty,
          response: { 200: CampaignSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { campaign, facts } = await load(request.actor, request.params.id);
        authorize(request.actor, { canAct: campaignPolicy[name](request.actor, facts) });
        await transitionCampaign(ctx, request.actor, campaign, name);
        return presentOne(request.actor, campaign.id);
      },
    );
  }

  app.post(
    '/api/campaigns/:id/retry-remaining',
    {
      preValidation: emptyBody,
      schema: {
        tags,
        summary: 'Send to the remaining: failed recipients go back to the queue (never a sent one)',
        params: IdParams,
        body: Empty,
        response: { 200: CampaignSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { campaign, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: campaignPolicy.retryRemaining(request.actor, facts) });
      await retryRemaining(ctx, request.actor, campaign);
      return presentOne(request.actor, campaign.id);
    },
  );

  app.get(
    '/api/campaigns/:id/preview',
    {
      schema: {
        tags,
        summary: 'The mail as a subscriber receives it (your name as sample values): subject, HTML, text',
        params: IdParams,
        response: {
          200: Type.Object({ subject: Type.String(), html: Type.String(), text: Type.String() }),
          ...errors(400, 401, 404, 409),
        },
      },
    },
    async (request) => {
      const { campaign } = await load(request.actor, request.params.id);
      return previewCampaign(ctx, request.actor!, campaign);
    },
  );

  app.get(
    '/api/campaigns/:id/progress',
    {
      schema: {
        tags,
        summary: 'Live progress: counts, rate over the last minute, ETA, last error (poll it)',
        params: IdParams,
        response: { 200: ProgressSchema, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { campaign } = await load(request.actor, request.params.id);
      return campaignProgress(ctx, campaign);
    },
  );

  app.get(
    '/api/campaigns/:id/uncertain',
    {
      schema: {
        tags,
        summary: 'Recipients whose sending was interrupted: the mail may or may not have left',
        params: IdParams,
        querystring: Type.Object({ ...Paging }, { additionalProperties: false }),
        response: {
          200: Page(
            Type.Object({
              contactId: Type.String(),
              email: Type.String(),
              name: Type.String(),
              attempts: Type.Integer(),
              lastError: Type.Union([Type.String(), Type.Null()]),
              since: Type.String(),
            }),
          ),
          ...errors(400, 401, 404),
        },
      },
    },
    async (request) => {
      const { campaign } = await load(request.actor, request.params.id);
      const { limit = 50, offset = 0 } = request.query;
      const page = await listUncertain(ctx.db, campaign.id, limit, offset);
      return {
        items: page.items.map((row) => ({
          contactId: row.contact_id,
          email: row.email,
          name: `${row.first_name} ${row.last_name}`.trim(),
          attempts: row.attempts,
          lastError: row.last_error,
          since: row.updated_at,
        })),
        total: page.total,
      };
    },
  );

  app.post(
    '/api/campaigns/:id/uncertain/resolve',
    {
      schema: {
        tags,
        summary: 'Decide about uncertain recipients: they got it (sent) or send again (resend)',
        params: IdParams,
        body: Type.Object(
          {
            as: Type.Union([Type.Literal('sent'), Type.Literal('resend')]),
            contactIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 1000, uniqueItems: true })),
          },
          { additionalProperties: false },
        ),
        response: { 200: CampaignSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { campaign, facts } = await load(request.actor, request.params.id);
      authorize(request.actor, { canAct: campaignPolicy.resolveUncertain(request.actor, facts) });
      await resolveUncertain(ctx, request.actor, campaign, request.body.contactIds ?? 'all', request.body.as);
      return presentOne(request.actor, campaign.id);
    },
  );
}
