import type { StoryState } from '../../../shared/stories.ts';
import type { Story } from '../../db/schema.ts';
import { type Actor, hasRole } from '../auth/actor.ts';

/** A story as the policy sees it: the row plus what it is attached to. */
export type StoryFacts = Pick<Story, 'id' | 'state' | 'author_id' | 'embargo_until' | 'deleted_at'> & {
  labIds: readonly string[];
  /** delegations of its labs */
  delegationIds: readonly string[];
  /** channel scopes and delegations of its relays */
  relays: ReadonlyArray<{ scope: string; delegationId: string | null }>;
};

export const isEmbargoed = (story: Pick<Story, 'embargo_until'>, now: Date) =>
  story.embargo_until !== null && Date.parse(story.embargo_until) > now.getTime();

const isLabCorrespondent = (actor: Actor, story: StoryFacts) =>
  story.labIds.some((id) => actor.correspondentLabIds.has(id));
const isAuthor = (actor: Actor, story: StoryFacts) => story.author_id === actor.id;
const isLabSide = (actor: Actor, story: StoryFacts) =>
  isAuthor(actor, story) || isLabCorrespondent(actor, story);
const isCell = (actor: Actor) => hasRole(actor, 'cell');
const isDircomOfRelay = (actor: Actor, story: StoryFacts) =>
  hasRole(actor, 'dircom') && story.relays.some((relay) => relay.scope === 'national');
const isOfficerOfLabs = (actor: Actor, story: StoryFacts) =>
  story.delegationIds.some((id) => actor.delegationIds.has(id));
const isSent = (state: StoryState) => state !== 'draft';
const inReview = (state: StoryState) => state === 'submitted' || state === 'in_review';

/**
 * Who handles a story — sees it even under embargo: its author and its labs' correspondents (from
 * the draft on), the cell (once submitted), and the Dircom contacts of the national channels it is
 * relayed to.
 */
export function isHandler(actor: Actor | null, story: StoryFacts): actor is Actor {
  if (!actor || story.deleted_at !== null) return false;
  if (isLabSide(actor, story)) return true;
  if (!isSent(story.state)) return false;
  return isCell(actor) || isDircomOfRelay(actor, story);
}

/**
 * Reading: handlers always; DR officers the submitted stories of their delegation's labs; every
 * signed-in member of the network the accepted ones (the network feed) — these two only once the
 * embargo has lifted. Nothing is public before the cell has accepted it. Nobody anonymous.
 */
function canRead(actor: Actor | null, story: StoryFacts, now: Date): actor is Actor {
  if (isHandler(actor, story)) return true;
  if (!actor || story.deleted_at !== null || !isSent(story.state) || isEmbargoed(story, now)) return false;
  if (isOfficerOfLabs(actor, story)) return true;
  return story.state === 'accepted';
}

export const storyPolicy = {
  read: canRead,
  /** Correspondents write stories for their labs; the cell for any lab. */
  create: (actor: Actor | null, labId: string) =>
    actor !== null && (actor.correspondentLabIds.has(labId) || isCell(actor)),
  /** The lab side edits until it is submitted and when changes are requested; the cell while reviewing. */
  update: (actor: Actor | null, story: StoryFacts) =>
    actor !== null &&
    story.deleted_at === null &&
    ((isLabSide(actor, story) && (story.state === 'draft' || story.state === 'changes_requested')) ||
      (isCell(actor) && (inReview(story.state) || story.state === 'accepted'))),
  delete: (actor: Actor | null, story: StoryFacts) =>
    actor !== null && story.state === 'draft' && isLabSide(actor, story),
  submit: (actor: Actor | null, story: StoryFacts) =>
    actor !== null &&
    (story.state === 'draft' || story.state === 'changes_requested') &&
    isLabSide(actor, story),
  review: (actor: Actor | null, story: StoryFacts) =>
    actor !== null && story.state === 'submitted' && isCell(actor),
  requestChanges: (actor: Actor | null, story: StoryFacts) =>
    actor !== null && inReview(story.state) && isCell(actor),
  accept: (actor: Actor | null, story: StoryFacts) =>
    actor !== null && inReview(story.state) && isCell(actor),
  decline: (actor: Actor | null, story: StoryFacts) =>
    actor !== null && inReview(story.state) && isCell(actor),
  /** Comments are for those who handle the story and the DR officers of its labs. */
  comment: (actor: Actor | null, story: StoryFacts, now: Date) =>
    isHandler(actor, story) ||
    (actor !== null && canRead(actor, story, now) && isOfficerOfLabs(actor, story)),
  /** The cell relays to any channel; a DR officer to the regional channels of their delegation. */
  relay: (actor: Actor | null, story: StoryFacts, channel: { scope: string; delegation_id: string | null }) =>
    actor !== null &&
    story.state === 'accepted' &&
    (isCell(actor) ||
      (channel.scope === 'regional' &&
        channel.delegation_id !== null &&
        actor.delegationIds.has(channel.delegation_id) &&
        isOfficerOfLabs(actor, story))),
  /** Recording an outcome: the cell; Dircom contacts for national channels; DR officers for their regional ones. */
  recordOutcome: (actor: Actor | null, channel: { scope: string; delegation_id: string | null }) =>
    actor !== null &&
    (isCell(actor) ||
      (channel.scope === 'national' && hasRole(actor, 'dircom')) ||
      (channel.scope === 'regional' &&
        channel.delegation_id !== null &&
        actor.delegationIds.has(channel.delegation_id))),
};

export function storyAbilities(actor: Actor | null, story: StoryFacts, now: Date) {
  return {
    update: storyPolicy.update(actor, story),
    delete: storyPolicy.delete(actor, story),
    submit: storyPolicy.submit(actor, story),
    review: storyPolicy.review(actor, story),
    requestChanges: storyPolicy.requestChanges(actor, story),
    accept: storyPolicy.accept(actor, story),
    decline: storyPolicy.decline(actor, story),
    comment: storyPolicy.comment(actor, story, now),
    relay:
      actor !== null &&
      story.state === 'accepted' &&
      (isCell(actor) || (actor.delegationIds.size > 0 && isOfficerOfLabs(actor, story))),
    readHistory:
      isHandler(actor, story) ||
      (actor !== null && isOfficerOfLabs(actor, story) && canRead(actor, story, now)),
  };
}
