import type { RelayState } from '../../../shared/stories.ts';
import type { AppContext } from '../../context.ts';
import type { Channel, Story } from '../../db/schema.ts';
import { conflict, HttpError } from '../../lib/errors.ts';
import { newId } from '../../lib/tokens.ts';
import { recordEvent } from '../history/record.ts';
import { type NotificationKind, notifyAboutStory } from '../notifications/notify.ts';
import { audienceOf } from './actions.ts';
import { loadStoryRelations, storyFacts } from './queries.ts';

async function notifyRelay(
  ctx: AppContext,
  db: AppContext['db'],
  story: Story,
  kind: NotificationKind,
  actorId: string,
  data: Record<string, unknown>,
  at: string,
  extraRecipients: string[] = [],
) {
  const facts = storyFacts(story, await loadStoryRelations(db, [story.id]));
  return notifyAboutStory(db, {
    recipientIds: [...(await audienceOf(db, facts, kind)), ...extraRecipients],
    kind,
    story: { ...facts, title: story.title },
    actorId,
    data,
    at,
    now: ctx.now(),
  });
}

/** Proposes an accepted story to channels: one relay per channel, each with its own outcome. */
export async function relayStory(
  ctx: AppContext,
  actorId: string,
  story: Story,
  channels: Channel[],
  note: string,
): Promise<void> {
  if (story.state !== 'accepted')
    throw new HttpError(409, 'invalid_state', 'Only an accepted story can be relayed');
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('relays')
      .select('channel_id')
      .where('story_id', '=', story.id)
      .execute();
    const taken = new Set(existing.map((row) => row.channel_id));
    const already = channels.filter((channel) => taken.has(channel.id));
    if (already.length) {
      throw conflict(`Already relayed to ${already.map((channel) => channel.name_fr).join(', ')}`, {
        channelIds: 'contains a channel already relayed to',
      });
    }
    await trx
      .insertInto('relays')
      .values(
        channels.map((channel) => ({
          id: newId(),
          story_id: story.id,
          channel_id: channel.id,
          state: 'proposed' as const,
          url: '',
          published_on: null,
          reason: '',
          created_by: actorId,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    await trx.updateTable('stories').set({ updated_at: at }).where('id', '=', story.id).execute();
    await recordEvent(trx, {
      actorId,
      subjectType: 'story',
      subjectId: story.id,
      action: 'relayed',
      data: { channels: channels.map((channel) => channel.slug), ...(note ? { note } : {}) },
      at,
    });
    const dircom = channels.some((channel) => channel.scope === 'national')
      ? (
          await trx.selectFrom('role_assignments').select('person_id').where('role', '=', 'dircom').execute()
        ).map((row) => row.person_id)
      : [];
    return notifyRelay(
      ctx,
      trx,
      story,
      'story_relayed',
      actorId,
      {
        channels: channels.map((channel) => channel.name_fr).join(', '),
        channelsEn: channels.map((channel) => channel.name_en).join(', '),
        ...(note ? { message: note } : {}),
      },
      at,
      dircom,
    );
  });
}

const outcomeRules = {
  sent: { from: ['proposed'], notice: null },
  published: { from: ['proposed', 'sent'], notice: 'relay_published' },
  'not-taken': { from: ['proposed', 'sent'], notice: 'relay_not_taken' },
} as const satisfies Record<string, { from: readonly RelayState[]; notice: NotificationKind | null }>;
export type RelayOutcome = keyof typeof outcomeRules;

/** Records what a channel did with a relayed story. */
export async function recordRelayOutcome(
  ctx: AppContext,
  actorId: string,
  relay: { id: string; state: RelayState; story: Story; channel: Channel },
  outcome: RelayOutcome,
  input: { url?: string | undefined; publishedOn?: string | undefined; reason?: string | undefined },
): Promise<void> {
  const rule = outcomeRules[outcome];
  if (!(rule.from as readonly RelayState[]).includes(relay.state)) {
    throw new HttpError(409, 'invalid_state', `This relay is already ${relay.state.replace('_', ' ')}`);
  }
  const at = ctx.now().toISOString();
  const state: RelayState = outcome === 'not-taken' ? 'not_taken' : outcome;
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('relays')
      .set({
        state,
        updated_at: at,
        ...(outcome === 'published'
          ? { url: input.url ?? '', published_on: input.publishedOn ?? at.slice(0, 10) }
          : {}),
        ...(outcome === 'not-taken' ? { reason: input.reason ?? '' } : {}),
      })
      .where('id', '=', relay.id)
      .where('state', '=', relay.state)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new HttpError(409, 'conflict', 'Someone changed this relay at the same time: reload it');
    await trx.updateTable('stories').set({ updated_at: at }).where('id', '=', relay.story.id).execute();
    await recordEvent(trx, {
      actorId,
      subjectType: 'story',
      subjectId: relay.story.id,
      action: `relay_${state}`,
      data: { channel: relay.channel.slug, ...input },
      at,
    });
    if (!rule.notice) return [];
    return notifyRelay(
      ctx,
      trx,
      relay.story,
      rule.notice,
      actorId,
      {
        channel: relay.channel.name_fr,
        channelEn: relay.channel.name_en,
        ...(input.url ? { url: input.url } : {}),
        ...(input.reason ? { message: input.reason } : {}),
      },
      at,
    );
  });
}
