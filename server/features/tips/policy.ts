import type { Tip } from '../../db/schema.ts';
import { type Actor, hasRole } from '../auth/actor.ts';

export type TipFacts = Pick<Tip, 'lab_id' | 'author_id' | 'state'>;

const isCorrespondentOf = (actor: Actor, tip: TipFacts) => actor.correspondentLabIds.has(tip.lab_id);

/**
 * Tips go from lab staff to their correspondents. Keep `read` in step with `visibleTips` in
 * queries.ts (the same rule as a WHERE clause).
 */
export const tipPolicy = {
  /** Any member tips a lab they belong to (as staff, contributor or correspondent). */
  create: (actor: Actor | null, labId: string) => actor?.labIds.has(labId) ?? false,
  /** The tipper, the lab's correspondents, and the cell. */
  read: (actor: Actor | null, tip: TipFacts): actor is Actor =>
    actor !== null && (tip.author_id === actor.id || isCorrespondentOf(actor, tip) || hasRole(actor, 'cell')),
  /** The lab's correspondents answer a tip — once: it is turned into a story or dismissed with thanks. */
  answer: (actor: Actor | null, tip: TipFacts) => actor !== null && isCorrespondentOf(actor, tip),
  convert: (actor: Actor | null, tip: TipFacts) => tip.state === 'open' && tipPolicy.answer(actor, tip),
  dismiss: (actor: Actor | null, tip: TipFacts) => tip.state === 'open' && tipPolicy.answer(actor, tip),
};

export function tipAbilities(actor: Actor | null, tip: TipFacts) {
  return { convert: tipPolicy.convert(actor, tip), dismiss: tipPolicy.dismiss(actor, tip) };
}
