import type { Actor } from '../auth/actor.ts';
import { type StoryFacts, storyPolicy } from '../stories/policy.ts';

/**
 * Attachments follow their story: whoever may read the story (embargo included) sees and downloads
 * them; whoever may edit it adds, describes and removes them.
 */
export const attachmentPolicy = {
  read: (actor: Actor | null, story: StoryFacts, now: Date) => storyPolicy.read(actor, story, now),
  create: (actor: Actor | null, story: StoryFacts) => storyPolicy.update(actor, story),
  update: (actor: Actor | null, story: StoryFacts) => storyPolicy.update(actor, story),
  delete: (actor: Actor | null, story: StoryFacts) => storyPolicy.update(actor, story),
};

export function attachmentAbilities(actor: Actor | null, story: StoryFacts) {
  return {
    update: attachmentPolicy.update(actor, story),
    delete: attachmentPolicy.delete(actor, story),
  };
}
