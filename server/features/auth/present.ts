import { Type } from '@fastify/type-provider-typebox';
import { Abilities } from '../../lib/schemas.ts';
import type { DirectoryRefs } from '../labs/refs.ts';
import { presentGrant, RoleSchema } from '../people/present.ts';
import { type Actor, isAdmin, isNetworkManager } from './actor.ts';

export const MeSchema = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    firstName: Type.String(),
    lastName: Type.String(),
    name: Type.String(),
    jobTitle: Type.String(),
    locale: Type.String(),
    notificationMode: Type.String(),
    lab: Type.Union([
      Type.Object({ id: Type.String(), acronym: Type.String(), name: Type.String() }),
      Type.Null(),
    ]),
    roles: Type.Array(RoleSchema),
    abilities: Abilities,
  },
  { $id: 'Me' },
);

/** The signed-in person, with what the app may offer them. */
export function presentMe(actor: Actor, refs: DirectoryRefs) {
  const { person } = actor;
  const lab = person.lab_id ? refs.labs.get(person.lab_id) : undefined;
  return {
    id: person.id,
    email: person.email,
    firstName: person.first_name,
    lastName: person.last_name,
    name: `${person.first_name} ${person.last_name}`,
    jobTitle: person.job_title,
    locale: person.locale,
    notificationMode: person.notification_mode,
    lab: lab ? { id: lab.id, acronym: lab.acronym, name: lab.name } : null,
    roles: actor.grants.map((grant) => presentGrant(grant, refs)),
    abilities: {
      manageUsers: isAdmin(actor),
      manageDirectory: isAdmin(actor),
      manageSkills: isNetworkManager(actor),
      readOutbox: isAdmin(actor),
    },
  };
}
