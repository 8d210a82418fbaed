import { Type } from '@fastify/type-provider-typebox';
import type { Person } from '../../db/schema.ts';
import { Abilities } from '../../lib/schemas.ts';
import type { Actor, Grant } from '../auth/actor.ts';
import type { DirectoryRefs } from '../labs/refs.ts';
import { personAbilities } from './policy.ts';
import type { SkillRef } from './queries.ts';

const LabLink = Type.Object({ id: Type.String(), acronym: Type.String(), name: Type.String() });
const DelegationLink = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

export const RoleSchema = Type.Object({
  role: Type.String(),
  lab: Type.Union([LabLink, Type.Null()]),
  delegation: Type.Union([DelegationLink, Type.Null()]),
});

export const PersonSchema = Type.Object(
  {
    id: Type.String(),
    firstName: Type.String(),
    lastName: Type.String(),
    name: Type.String(),
    jobTitle: Type.String(),
    lab: Type.Union([LabLink, Type.Null()]),
    delegation: Type.Union([DelegationLink, Type.Null()]),
    roles: Type.Array(RoleSchema),
    skills: Type.Array(
      Type.Object({
        id: Type.String(),
        slug: Type.String(),
        name: Type.Object({ fr: Type.String(), en: Type.String() }),
      }),
    ),
    languages: Type.Array(Type.String()),
    isMediaTrained: Type.Boolean(),
    photoUrl: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()], { description: 'null unless signed in' }),
    phone: Type.Union([Type.String(), Type.Null()], { description: 'null unless signed in' }),
    accountStatus: Type.Optional(Type.String({ description: 'only for admins and the person' })),
    lastLoginAt: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    abilities: Abilities,
  },
  { $id: 'Person' },
);

export function presentGrant(grant: Grant, refs: DirectoryRefs) {
  const lab = grant.labId ? refs.labs.get(grant.labId) : undefined;
  const delegation = grant.delegationId ? refs.delegations.get(grant.delegationId) : undefined;
  return {
    role: grant.role,
    lab: lab ? { id: lab.id, acronym: lab.acronym, name: lab.name } : null,
    delegation: delegation ? { id: delegation.id, code: delegation.code, name: delegation.name } : null,
  };
}

export function presentPerson(
  actor: Actor | null,
  person: Person,
  relations: { grants: Grant[]; skills: SkillRef[]; refs: DirectoryRefs },
) {
  const abilities = personAbilities(actor, person);
  const lab = person.lab_id ? relations.refs.labs.get(person.lab_id) : undefined;
  const delegation = lab ? relations.refs.delegations.get(lab.delegationId) : undefined;
  const isSelfOrAdmin = actor !== null && (actor.id === person.id || actor.roles.has('admin'));
  return {
    id: person.id,
    firstName: person.first_name,
    lastName: person.last_name,
    name: `${person.first_name} ${person.last_name}`,
    jobTitle: person.job_title,
    lab: lab ? { id: lab.id, acronym: lab.acronym, name: lab.name } : null,
    delegation: delegation ? { id: delegation.id, code: delegation.code, name: delegation.name } : null,
    roles: relations.grants.map((grant) => presentGrant(grant, relations.refs)),
    skills: relations.skills.map((skill) => ({
      id: skill.id,
      slug: skill.slug,
      name: { fr: skill.nameFr, en: skill.nameEn },
    })),
    languages: person.languages,
    isMediaTrained: person.is_media_trained,
    photoUrl: person.photo_path
      ? `/api/people/${person.id}/photo?v=${encodeURIComponent(person.updated_at)}`
      : null,
    email: abilities.readContact ? person.email : null,
    phone: abilities.readContact ? person.phone : null,
    ...(isSelfOrAdmin ? { accountStatus: person.account_status, lastLoginAt: person.last_login_at } : {}),
    abilities,
  };
}
