import { Type } from '@fastify/type-provider-typebox';
import type { MailingList, Suppression } from '../../db/schema.ts';
import { Abilities } from '../../lib/schemas.ts';
import type { Actor } from '../auth/actor.ts';
import { audiencePolicy, listAbilities } from './policy.ts';
import type { ListCounts } from './queries.ts';

export const ListSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  isPublic: Type.Boolean(),
  counts: Type.Object({ active: Type.Integer(), pending: Type.Integer(), unsubscribed: Type.Integer() }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  abilities: Abilities,
});

export function presentList(actor: Actor | null, list: MailingList, counts: ListCounts, isInUse: boolean) {
  return {
    id: list.id,
    name: list.name,
    description: list.description,
    isPublic: list.is_public,
    counts,
    createdAt: list.created_at,
    updatedAt: list.updated_at,
    abilities: listAbilities(actor, list, isInUse),
  };
}

export const SubscriberSchema = Type.Object({
  contactId: Type.String(),
  email: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  organisation: Type.String(),
  state: Type.String(),
  source: Type.String(),
  subscribedAt: Type.Union([Type.String(), Type.Null()]),
  unsubscribedAt: Type.Union([Type.String(), Type.Null()]),
  addedAt: Type.String(),
  abilities: Abilities,
});

export function presentSubscriber(
  row: {
    id: string;
    email: string;
    first_name: string;
    last_name: string;
    organisation: string;
    state: string;
    source: string;
    subscribed_at: string | null;
    unsubscribed_at: string | null;
    created_at: string;
  },
  canManage: boolean,
) {
  return {
    contactId: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    organisation: row.organisation,
    state: row.state,
    source: row.source,
    subscribedAt: row.subscribed_at,
    unsubscribedAt: row.unsubscribed_at,
    addedAt: row.created_at,
    abilities: { remove: canManage },
  };
}

export const SuppressionSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  scope: Type.String(),
  reason: Type.String(),
  detail: Type.String(),
  campaignId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  abilities: Abilities,
});

export function presentSuppression(actor: Actor | null, row: Suppression) {
  return {
    id: row.id,
    email: row.email,
    scope: row.scope,
    reason: row.reason,
    detail: row.detail,
    campaignId: row.campaign_id,
    createdAt: row.created_at,
    abilities: { lift: audiencePolicy.liftSuppression(actor, row) },
  };
}
