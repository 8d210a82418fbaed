import type { MailingList } from '../../db/schema.ts';
import { type Actor, hasRole } from '../auth/actor.ts';

/** The cell and admins run the audiences; nobody else sees them (their lists hold outside people's addresses). */
const isAudienceManager = (actor: Actor | null): actor is Actor => hasRole(actor, 'cell', 'admin');

export const audiencePolicy = {
  /** See lists, subscribers and the suppression list. */
  read: isAudienceManager,
  createList: isAudienceManager,
  updateList: (actor: Actor | null, list: Pick<MailingList, 'deleted_at'>) =>
    isAudienceManager(actor) && list.deleted_at === null,
  deleteList: (actor: Actor | null, list: Pick<MailingList, 'deleted_at'>, isInUse: boolean) =>
    isAudienceManager(actor) && list.deleted_at === null && !isInUse,
  manageSubscribers: (actor: Actor | null, list: Pick<MailingList, 'deleted_at'>) =>
    isAudienceManager(actor) && list.deleted_at === null,
  export: isAudienceManager,
  manageSuppressions: isAudienceManager,
  /** Unsubscribes are the person's own choice: only they undo it (preference page, subscribe page). */
  liftSuppression: (actor: Actor | null, suppression: { reason: string }) =>
    isAudienceManager(actor) && suppression.reason !== 'unsubscribe',
};

export function listAbilities(actor: Actor | null, list: Pick<MailingList, 'deleted_at'>, isInUse: boolean) {
  return {
    update: audiencePolicy.updateList(actor, list),
    delete: audiencePolicy.deleteList(actor, list, isInUse),
    manageSubscribers: audiencePolicy.manageSubscribers(actor, list),
    import: audiencePolicy.manageSubscribers(actor, list),
    export: audiencePolicy.export(actor),
  };
}
