import { Type } from '@fastify/type-provider-typebox';
import type { Story } from '../../db/schema.ts';
import { utcToZoned } from '../../lib/dates.ts';
import { Abilities } from '../../lib/schemas.ts';
import type { Actor } from '../auth/actor.ts';
import { isEmbargoed, isHandler, type StoryFacts, storyAbilities, storyPolicy } from './policy.ts';
import type { StoryRelations } from './queries.ts';

const Link = Type.Object({ id: Type.String(), acronym: Type.String(), name: Type.String() });

export const RelaySchema = Type.Object({
  id: Type.String(),
  channel: Type.Object({
    id: Type.String(),
    slug: Type.String(),
    name: Type.Object({ fr: Type.String(), en: Type.String() }),
    scope: Type.String(),
  }),
  state: Type.String(),
  url: Type.String(),
  publishedOn: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String(),
  updatedAt: Type.String(),
  abilities: Abilities,
});

export const StorySchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    title: Type.String(),
    summary: Type.String(),
    bodyHtml: Type.Optional(Type.String()),
    state: Type.String(),
    eventDate: Type.Union([Type.String(), Type.Null()]),
    eventEndDate: Type.Union([Type.String(), Type.Null()]),
    embargo: Type.Union([
      Type.Object({
        until: Type.String(),
        date: Type.String(),
        time: Type.String(),
        timeZone: Type.String(),
        isActive: Type.Boolean(),
      }),
      Type.Null(),
    ]),
    themes: Type.Array(Type.String()),
    projects: Type.Array(Type.String()),
    researchers: Type.Array(Type.Object({ name: Type.String(), email: Type.String() })),
    links: Type.Array(Type.Object({ label: Type.String(), url: Type.String() })),
    proposedChannels: Type.Array(Type.String()),
    author: Type.Object({ id: Type.String(), name: Type.String() }),
    labs: Type.Array(Link),
    relays: Type.Array(RelaySchema),
    submittedAt: Type.Union([Type.String(), Type.Null()]),
    decidedAt: Type.Union([Type.String(), Type.Null()]),
    decisionReason: Type.String(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    attachmentCount: Type.Integer(),
    excerpt: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    abilities: Abilities,
  },
  { $id: 'Story' },
);

export function presentStory(
  actor: Actor | null,
  /** a list's rows carry no body */
  story: Omit<Story, 'body_html' | 'body_text'> & { body_html?: string; excerpt?: string | null },
  facts: StoryFacts,
  relations: StoryRelations,
  authors: Map<string, string>,
  now: Date,
  options: { withBody: boolean },
) {
  const handler = isHandler(actor, facts);
  const embargo =
    story.embargo_until && story.embargo_time_zone
      ? {
          until: story.embargo_until,
          ...utcToZoned(story.embargo_until, story.embargo_time_zone),
          timeZone: story.embargo_time_zone,
          isActive: isEmbargoed(story, now),
        }
      : null;
  return {
    id: story.id,
    kind: story.kind,
    title: story.title,
    summary: story.summary,
    ...(options.withBody ? { bodyHtml: story.body_html ?? '' } : {}),
    state: story.state,
    eventDate: story.event_date,
    eventEndDate: story.event_end_date,
    embargo,
    themes: story.themes,
    projects: story.projects,
    // Researchers' emails are for those who handle the story, not the whole network.
    researchers: handler
      ? story.researchers
      : story.researchers.map((researcher) => ({ name: researcher.name, email: '' })),
    links: story.links,
    proposedChannels: story.proposed_channels,
    author: { id: story.author_id, name: authors.get(story.author_id) ?? '' },
    labs: (relations.labs.get(story.id) ?? []).map((lab) => ({
      id: lab.id,
      acronym: lab.acronym,
      name: lab.name,
    })),
    relays: (relations.relays.get(story.id) ?? []).map((relay) => {
      const channel = { scope: relay.channel_scope, delegation_id: relay.channel_delegation_id };
      const canRecord = storyPolicy.recordOutcome(actor, channel);
      return {
        id: relay.id,
        channel: {
          id: relay.channel_id,
          slug: relay.channel_slug,
          name: { fr: relay.channel_name_fr, en: relay.channel_name_en },
          scope: relay.channel_scope,
        },
        state: relay.state,
        url: relay.url,
        publishedOn: relay.published_on,
        reason: relay.reason,
        updatedAt: relay.updated_at,
        abilities: {
          markSent: canRecord && relay.state === 'proposed',
          markPublished: canRecord && (relay.state === 'proposed' || relay.state === 'sent'),
          markNotTaken: canRecord && (relay.state === 'proposed' || relay.state === 'sent'),
        },
      };
    }),
    submittedAt: story.submitted_at,
    decidedAt: story.decided_at,
    decisionReason: story.decision_reason,
    createdAt: story.created_at,
    updatedAt: story.updated_at,
    attachmentCount: relations.attachments.get(story.id) ?? 0,
    ...(story.excerpt !== undefined ? { excerpt: story.excerpt } : {}),
    abilities: storyAbilities(actor, facts, now),
  };
}
