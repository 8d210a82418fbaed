import type { Person } from '../../db/schema.ts';
import { type Actor, isAdmin } from '../auth/actor.ts';

/** Who may do what with a person. Pure: rows in, booleans out. */
export const personPolicy = {
  /** The directory is readable by everyone; disabled or removed people only by admins. */
  read: (actor: Actor | null, person: Pick<Person, 'account_status' | 'deleted_at'>) =>
    person.deleted_at === null && (person.account_status !== 'disabled' || isAdmin(actor)),
  /** Email and phone are for signed-in members of the network only. */
  readContact: (actor: Actor | null) => actor !== null,
  updateProfile: (actor: Actor | null, person: Pick<Person, 'id'>) =>
    actor !== null && (actor.id === person.id || isAdmin(actor)),
  /** Email, lab and roles are the admin's to change. */
  updateAccount: (actor: Actor | null) => isAdmin(actor),
  invite: (actor: Actor | null, person?: Pick<Person, 'account_status'>) =>
    isAdmin(actor) && (!person || person.account_status === 'none' || person.account_status === 'invited'),
  disable: (actor: Actor | null, person: Pick<Person, 'id' | 'account_status'>) =>
    isAdmin(actor) && actor!.id !== person.id && person.account_status !== 'disabled',
  enable: (actor: Actor | null, person: Pick<Person, 'account_status'>) =>
    isAdmin(actor) && person.account_status === 'disabled',
  delete: (actor: Actor | null, person: Pick<Person, 'id'>) => isAdmin(actor) && actor!.id !== person.id,
  create: (actor: Actor | null) => isAdmin(actor),
  readHistory: (actor: Actor | null, person: Pick<Person, 'id'>) => isAdmin(actor) || actor?.id === person.id,
};

export function personAbilities(actor: Actor | null, person: Person) {
  return {
    readContact: personPolicy.readContact(actor),
    updateProfile: personPolicy.updateProfile(actor, person),
    updateAccount: personPolicy.updateAccount(actor),
    invite: personPolicy.invite(actor, person),
    disable: personPolicy.disable(actor, person),
    enable: personPolicy.enable(actor, person),
    delete: personPolicy.delete(actor, person),
    readHistory: personPolicy.readHistory(actor, person),
  };
}
