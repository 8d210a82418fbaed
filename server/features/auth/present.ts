import { Type } from '@fastify/type-provider-typebox';
import { Abilities } from '../../lib/schemas.ts';
import type { DirectoryRefs } from '../labs/refs.ts';
import { presentGrant, RoleSchema } from '../people/present.ts';
import { requestPolicy } from '../requests/policy.ts';
import { type Actor, hasRole, isAdmin, isNetworkManager } from './actor.ts';

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
    abilities: meAbilities(actor),
  };
}

/**
 * What the app may offer this person, from the same policies the routes apply: the web app builds
 * its navigation from these and never re-implements a rule.
 */
export function meAbilities(actor: Actor) {
  const writesForALab = actor.correspondentLabIds.size > 0;
  const isCellOrAdmin = hasRole(actor, 'cell', 'admin');
  return {
    manageUsers: isAdmin(actor),
    manageDirectory: isAdmin(actor),
    manageSkills: isNetworkManager(actor),
    readOutbox: isAdmin(actor),
    manageJobs: isAdmin(actor),
    /** "Suggest a subject" to one's lab correspondent. */
    sendTips: actor.labIds.size > 0,
    readTips: writesForALab,
    writeStories: writesForALab || hasRole(actor, 'cell'),
    reviewStories: hasRole(actor, 'cell'),
    /** Ask the labs for something (Dircom contacts through the cell). */
    askLabs: requestPolicy.create(actor),
    routeRequests: isCellOrAdmin,
    answerRequests: writesForALab,
    recordSolicitations: writesForALab,
    readSolicitations: writesForALab || isCellOrAdmin,
    /** Lists, subscribers, campaigns, the newsletter (the cell's mailings). */
    manageCampaigns: isCellOrAdmin,
  };
}
