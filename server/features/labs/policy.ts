import type { Lab } from '../../db/schema.ts';
import { type Actor, isAdmin } from '../auth/actor.ts';

export const labPolicy = {
  read: (_actor: Actor | null, lab: Pick<Lab, 'deleted_at'>) => lab.deleted_at === null,
  create: (actor: Actor | null) => isAdmin(actor),
  /** Admins, and the lab's own correspondents for its presentation. */
  update: (actor: Actor | null, lab: Pick<Lab, 'id'>) =>
    isAdmin(actor) || (actor?.correspondentLabIds.has(lab.id) ?? false),
  /** Moving a lab to another delegation or renaming its acronym is an admin's decision. */
  updateIdentity: (actor: Actor | null) => isAdmin(actor),
  delete: (actor: Actor | null) => isAdmin(actor),
  /** The history of a lab is for the members of the network. */
  readHistory: (actor: Actor | null) => actor !== null,
};

export function labAbilities(actor: Actor | null, lab: Lab) {
  return {
    update: labPolicy.update(actor, lab),
    updateIdentity: labPolicy.updateIdentity(actor),
    delete: labPolicy.delete(actor),
    readHistory: labPolicy.readHistory(actor),
  };
}
