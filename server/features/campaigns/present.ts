import { Type } from '@fastify/type-provider-typebox';
import type { Campaign } from '../../db/schema.ts';
import { Abilities } from '../../lib/schemas.ts';
import type { Actor } from '../auth/actor.ts';
import { campaignAbilities } from './policy.ts';
import type { RecipientCounts } from './queries.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const CountsSchema = Type.Object({
  pending: Type.Integer(),
  claimed: Type.Integer(),
  sent: Type.Integer(),
  failed: Type.Integer(),
  suppressed: Type.Integer(),
  uncertain: Type.Integer(),
});

export const CampaignSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  stream: Type.String(),
  name: Type.String(),
  subject: Type.String(),
  bodyHtml: Type.String(),
  bodyText: Type.String(),
  lists: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  state: Type.String(),
  scheduledAt: Nullable(Type.String()),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  recipientCount: Type.Integer(),
  counts: CountsSchema,
  stats: Type.Object({ unsubscribes: Type.Integer(), hardBounces: Type.Integer() }),
  pauseReason: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
  lastErrorAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  abilities: Abilities,
});

export const ProgressSchema = Type.Object({
  id: Type.String(),
  state: Type.String(),
  total: Type.Integer(),
  ...CountsSchema.properties,
  percent: Type.Integer(),
  ratePerSecond: Type.Number(),
  etaSeconds: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Nullable(Type.String()),
  lastErrorAt: Nullable(Type.String()),
  pauseReason: Nullable(Type.String()),
  scheduledAt: Nullable(Type.String()),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
});

export function presentCampaign(
  actor: Actor | null,
  campaign: Campaign,
  counts: RecipientCounts,
  stats: { unsubscribes: number; hardBounces: number },
  names: Map<string, string>,
) {
  return {
    id: campaign.id,
    kind: campaign.kind,
    stream: campaign.stream,
    name: campaign.name,
    subject: campaign.subject,
    bodyHtml: campaign.body_html,
    bodyText: campaign.body_text,
    lists: campaign.list_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
    state: campaign.state,
    scheduledAt: campaign.scheduled_at,
    startedAt: campaign.started_at,
    finishedAt: campaign.finished_at,
    recipientCount: campaign.recipient_count,
    counts,
    stats,
    pauseReason: campaign.pause_reason,
    lastError: campaign.last_error,
    lastErrorAt: campaign.last_error_at,
    createdAt: campaign.created_at,
    updatedAt: campaign.updated_at,
    abilities: campaignAbilities(actor, { state: campaign.state, ...counts }),
  };
}
