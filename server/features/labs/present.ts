import { Type } from '@fastify/type-provider-typebox';
import type { Lab } from '../../db/schema.ts';
import { Abilities } from '../../lib/schemas.ts';
import type { Actor } from '../auth/actor.ts';
import { labAbilities } from './policy.ts';
import type { DirectoryRefs } from './refs.ts';

export const LabSchema = Type.Object(
  {
    id: Type.String(),
    acronym: Type.String(),
    name: Type.String(),
    kind: Type.Union([Type.Literal('lab'), Type.Literal('platform')]),
    city: Type.String(),
    site: Type.String(),
    region: Type.String(),
    delegation: Type.Union([
      Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
      Type.Null(),
    ]),
    partners: Type.Array(Type.String()),
    themes: Type.Array(Type.String()),
    website: Type.String(),
    logoUrl: Type.Union([Type.String(), Type.Null()]),
    latitude: Type.Union([Type.Number(), Type.Null()]),
    longitude: Type.Union([Type.Number(), Type.Null()]),
    peopleCount: Type.Integer(),
    correspondents: Type.Array(
      Type.Object({ id: Type.String(), name: Type.String(), jobTitle: Type.String() }),
    ),
    abilities: Abilities,
  },
  { $id: 'Lab' },
);

export function presentLab(
  actor: Actor | null,
  lab: Lab,
  extra: {
    refs: DirectoryRefs;
    peopleCount: number;
    correspondents: Array<{ id: string; name: string; jobTitle: string }>;
  },
) {
  const delegation = extra.refs.delegations.get(lab.delegation_id);
  return {
    id: lab.id,
    acronym: lab.acronym,
    name: lab.name,
    kind: lab.kind,
    city: lab.city,
    site: lab.site,
    region: lab.region,
    delegation: delegation ? { id: delegation.id, code: delegation.code, name: delegation.name } : null,
    partners: lab.partners,
    themes: lab.themes,
    website: lab.website,
    logoUrl: lab.logo_path ? `/api/labs/${lab.id}/logo?v=${encodeURIComponent(lab.updated_at)}` : null,
    latitude: lab.latitude,
    longitude: lab.longitude,
    peopleCount: extra.peopleCount,
    correspondents: extra.correspondents,
    abilities: labAbilities(actor, lab),
  };
}
