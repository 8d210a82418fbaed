import type { RoleName } from '../../../shared/roles.ts';
import type { Person } from '../../db/schema.ts';

export type Grant = { role: RoleName; labId: string | null; delegationId: string | null };

/** The signed-in person as policies see them: who, and which roles over which labs and delegations. */
export type Actor = {
  id: string;
  person: Person;
  grants: Grant[];
  /** Labs whose staff or correspondent this person is (from grants, plus their own lab). */
  labIds: ReadonlySet<string>;
  /** Labs this person is correspondent of. */
  correspondentLabIds: ReadonlySet<string>;
  /** Delegations this person is communication officer of. */
  delegationIds: ReadonlySet<string>;
  roles: ReadonlySet<RoleName>;
  via: 'session' | 'token';
  sessionId: string | null;
};

export function makeActor(
  person: Person,
  grants: Grant[],
  via: Actor['via'],
  sessionId: string | null,
): Actor {
  const labIds = new Set<string>();
  if (person.lab_id) labIds.add(person.lab_id);
  const correspondentLabIds = new Set<string>();
  const delegationIds = new Set<string>();
  for (const grant of grants) {
    if (grant.labId) labIds.add(grant.labId);
    if (grant.role === 'correspondent' && grant.labId) correspondentLabIds.add(grant.labId);
    if (grant.role === 'dr_officer' && grant.delegationId) delegationIds.add(grant.delegationId);
  }
  return {
    id: person.id,
    person,
    grants,
    labIds,
    correspondentLabIds,
    delegationIds,
    roles: new Set(grants.map((grant) => grant.role)),
    via,
    sessionId,
  };
}

export function hasRole(actor: Actor | null, ...roles: RoleName[]): boolean {
  return actor !== null && roles.some((role) => actor.roles.has(role));
}

export const isAdmin = (actor: Actor | null) => hasRole(actor, 'admin');
/** The cell and admins look after the directory and the skills taxonomy. */
export const isNetworkManager = (actor: Actor | null) => hasRole(actor, 'cell', 'admin');
