import type { StoryKind, StoryState, StoryTransition } from '../../../shared/stories.ts';
import { storyTransitions } from '../../../shared/stories.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import type { Researcher, Story, StoryLink } from '../../db/schema.ts';
import { zonedToUtc } from '../../lib/dates.ts';
import { HttpError, invalid } from '../../lib/errors.ts';
import { htmlToPlainText, sanitizeRichText } from '../../lib/html.ts';
import { newId } from '../../lib/tokens.ts';
import { diffFields, recordEvent } from '../history/record.ts';
import { type NotificationKind, notifyAboutStory } from '../notifications/notify.ts';
import type { StoryFacts } from './policy.ts';
import { loadStoryRelations, storyFacts } from './queries.ts';
import { nextStorySeq, reindexStory } from './search.ts';

export type EmbargoInput = { date: string; time: string; timeZone: string } | null;

export type StoryInput = {
  kind: StoryKind;
  title: string;
  summary?: string | undefined;
  bodyHtml?: string | undefined;
  eventDate?: string | null | undefined;
  eventEndDate?: string | null | undefined;
  labIds: string[];
  themes?: string[] | undefined;
  projects?: string[] | undefined;
  researchers?: Researcher[] | undefined;
  links?: StoryLink[] | undefined;
  proposedChannels?: string[] | undefined;
  embargo?: EmbargoInput | undefined;
};

async function assertLabs(db: Db, labIds: string[]) {
  const found = await db
    .selectFrom('labs')
    .select('id')
    .where('id', 'in', labIds)
    .where('deleted_at', 'is', null)
    .execute();
  if (found.length !== new Set(labIds).size) throw invalid({ labIds: 'contains an unknown lab' });
}

function checkDates(input: Partial<StoryInput>) {
  if (input.eventDate && input.eventEndDate && input.eventEndDate < input.eventDate) {
    throw invalid({ eventEndDate: 'must not be before the start date' });
  }
}

const embargoColumns = (embargo: EmbargoInput | undefined) =>
  embargo === undefined
    ? {}
    : embargo === null
      ? { embargo_until: null, embargo_time_zone: null }
      : {
          embargo_until: zonedToUtc(embargo.date, embargo.time, embargo.timeZone),
          embargo_time_zone: embargo.timeZone,
        };

async function replaceLabsAndTags(
  db: Db,
  storyId: string,
  labIds: string[] | undefined,
  tags: string[] | undefined,
) {
  if (labIds) {
    await db.deleteFrom('story_labs').where('story_id', '=', storyId).execute();
    await db
      .insertInto('story_labs')
      .values([...new Set(labIds)].map((labId) => ({ story_id: storyId, lab_id: labId })))
      .execute();
  }
  if (tags) {
    await db.deleteFrom('story_tags').where('story_id', '=', storyId).execute();
    const unique = [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
    if (unique.length)
      await db
        .insertInto('story_tags')
        .values(unique.map((tag) => ({ story_id: storyId, tag })))
        .execute();
  }
}

/** A new draft; the first lab is the originating one. */
export async function createStory(
  ctx: AppContext,
  actorId: string,
  input: StoryInput & { tipId?: string | null },
): Promise<string> {
  return ctx.db.transaction().execute((trx) => insertStory(ctx, trx, actorId, input));
}

/** createStory inside a transaction the caller holds (a tip turned into a story, for one). */
export async function insertStory(
  ctx: AppContext,
  trx: Db,
  actorId: string,
  input: StoryInput & { tipId?: string | null },
  id: string = newId(),
): Promise<string> {
  await assertLabs(trx, input.labIds);
  checkDates(input);
  const at = ctx.now().toISOString();
  const bodyHtml = sanitizeRichText(input.bodyHtml ?? '');
  {
    const seq = await nextStorySeq(trx, ctx.dialect);
    await trx
      .insertInto('stories')
      .values({
        id,
        ...(seq === undefined ? {} : { seq }),
        kind: input.kind,
        title: input.title.trim(),
        summary: input.summary?.trim() ?? '',
        body_html: bodyHtml,
        body_text: htmlToPlainText(bodyHtml),
        state: 'draft',
        event_date: input.eventDate ?? null,
        event_end_date: input.eventEndDate ?? null,
        embargo_until: null,
        embargo_time_zone: null,
        ...embargoColumns(input.embargo),
        themes: JSON.stringify(input.themes ?? []),
        projects: JSON.stringify(input.projects ?? []),
        researchers: JSON.stringify(input.researchers ?? []),
        links: JSON.stringify(input.links ?? []),
        proposed_channels: JSON.stringify(input.proposedChannels ?? []),
        author_id: actorId,
        primary_lab_id: input.labIds[0]!,
        tip_id: input.tipId ?? null,
        submitted_at: null,
        decided_at: null,
        decided_by: null,
        decision_reason: '',
        created_at: at,
        updated_at: at,
        deleted_at: null,
      })
      .execute();
    await replaceLabsAndTags(trx, id, input.labIds, [...(input.themes ?? []), ...(input.projects ?? [])]);
    await reindexStory(trx, ctx.dialect, id);
    await recordEvent(trx, {
      actorId,
      subjectType: 'story',
      subjectId: id,
      action: 'created',
      data: { title: input.title, kind: input.kind },
      at,
    });
  }
  return id;
}

/** Edits a story; the history keeps each changed field, before and after. */
export async function updateStory(
  ctx: AppContext,
  actorId: string,
  story: Story,
  input: Partial<StoryInput>,
): Promise<void> {
  if (input.labIds) await assertLabs(ctx.db, input.labIds);
  checkDates({
    eventDate: input.eventDate ?? story.event_date,
    eventEndDate: input.eventEndDate ?? story.event_end_date,
  });
  const bodyHtml = input.bodyHtml === undefined ? undefined : sanitizeRichText(input.bodyHtml);
  const changes = {
    kind: input.kind,
    title: input.title?.trim(),
    summary: input.summary?.trim(),
    body_html: bodyHtml,
    event_date: input.eventDate,
    event_end_date: input.eventEndDate,
    themes: input.themes,
    projects: input.projects,
    researchers: input.researchers,
    links: input.links,
    proposed_channels: input.proposedChannels,
    primary_lab_id: input.labIds?.[0],
    ...embargoColumns(input.embargo),
  };
  const diff = diffFields(story as unknown as Record<string, unknown>, changes);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('story_labs')
      .select('lab_id')
      .where('story_id', '=', story.id)
      .execute();
    if (
      input.labIds &&
      JSON.stringify(current.map((row) => row.lab_id).sort()) !==
        JSON.stringify([...new Set(input.labIds)].sort())
    ) {
      diff.labIds = [current.map((row) => row.lab_id), input.labIds];
    }
    if (Object.keys(diff).length === 0) return;
    await trx
      .updateTable('stories')
      .set({
        ...changes,
        ...(bodyHtml === undefined ? {} : { body_text: htmlToPlainText(bodyHtml) }),
        themes: changes.themes ? JSON.stringify(changes.themes) : undefined,
        projects: changes.projects ? JSON.stringify(changes.projects) : undefined,
        researchers: changes.researchers ? JSON.stringify(changes.researchers) : undefined,
        links: changes.links ? JSON.stringify(changes.links) : undefined,
        proposed_channels: changes.proposed_channels ? JSON.stringify(changes.proposed_channels) : undefined,
        updated_at: at,
      })
      .where('id', '=', story.id)
      .execute();
    const tags =
      input.themes || input.projects
        ? [...(input.themes ?? story.themes), ...(input.projects ?? story.projects)]
        : undefined;
    await replaceLabsAndTags(trx, story.id, input.labIds, tags);
    await reindexStory(trx, ctx.dialect, story.id);
    if (diff.body_html) diff.body_html = ['…', '…'];
    await recordEvent(trx, {
      actorId,
      subjectType: 'story',
      subjectId: story.id,
      action: 'updated',
      data: { changes: diff },
      at,
    });
  });
}

export async function deleteStory(ctx: AppContext, actorId: string, story: Story): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('stories')
      .set({ deleted_at: at, updated_at: at })
      .where('id', '=', story.id)
      .execute();
    await reindexStory(trx, ctx.dialect, story.id);
    await recordEvent(trx, {
      actorId,
      subjectType: 'story',
      subjectId: story.id,
      action: 'deleted',
      data: { title: story.title },
      at,
    });
  });
}

/** People to tell, per kind of change. The notifier drops those who may not read the story. */
export async function audienceOf(db: Db, facts: StoryFacts, kind: NotificationKind): Promise<string[]> {
  const labSide = await db
    .selectFrom('role_assignments')
    .select('person_id')
    .where('role', '=', 'correspondent')
    .where('lab_id', 'in', facts.labIds.length ? facts.labIds : [''])
    .execute();
  const ids = [facts.author_id, ...labSide.map((row) => row.person_id)];
  if (
    kind === 'story_submitted' ||
    kind === 'relay_published' ||
    kind === 'relay_not_taken' ||
    kind === 'comment'
  ) {
    const cell = await db
      .selectFrom('role_assignments')
      .select('person_id')
      .where('role', '=', 'cell')
      .execute();
    ids.push(...cell.map((row) => row.person_id));
  }
  if (kind === 'story_submitted' && facts.delegationIds.length) {
    const officers = await db
      .selectFrom('role_assignments')
      .select('person_id')
      .where('role', '=', 'dr_officer')
      .where('delegation_id', 'in', facts.delegationIds)
      .execute();
    ids.push(...officers.map((row) => row.person_id));
  }
  return ids;
}

const transitionNotice: Record<StoryTransition, NotificationKind | null> = {
  submit: 'story_submitted',
  review: null,
  'request-changes': 'story_changes_requested',
  accept: 'story_accepted',
  decline: 'story_declined',
};

/**
 * Moves a story along its workflow. The state is checked again inside the transaction (a
 * conditional update), so two reviewers clicking at once cannot both win.
 */
export async function transitionStory(
  ctx: AppContext,
  actorId: string,
  story: Story,
  transition: StoryTransition,
  message: string,
): Promise<void> {
  const rule = storyTransitions[transition];
  const from = rule.from as readonly StoryState[];
  if (!from.includes(story.state)) {
    throw new HttpError(409, 'invalid_state', `A ${story.state.replace('_', ' ')} story cannot do this`);
  }
  const at = ctx.now().toISOString();
  const isDecision = transition === 'accept' || transition === 'decline' || transition === 'request-changes';
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('stories')
      .set({
        state: rule.to,
        updated_at: at,
        ...(transition === 'submit' ? { submitted_at: at } : {}),
        ...(isDecision ? { decided_at: at, decided_by: actorId, decision_reason: message } : {}),
      })
      .where('id', '=', story.id)
      .where('state', '=', story.state)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new HttpError(409, 'conflict', 'Someone changed this story at the same time: reload it');
    await recordEvent(trx, {
      actorId,
      subjectType: 'story',
      subjectId: story.id,
      action: transition,
      data: { from: story.state, to: rule.to, ...(message ? { message } : {}) },
      at,
    });
    const kind = transitionNotice[transition];
    if (!kind) return [];
    const relations = await loadStoryRelations(trx, [story.id]);
    const facts = storyFacts({ ...story, state: rule.to }, relations);
    return notifyAboutStory(trx, {
      recipientIds: await audienceOf(trx, facts, kind),
      kind,
      story: { ...facts, title: story.title },
      actorId,
      data: message ? { message } : {},
      at,
      now: ctx.now(),
    });
  });
}
