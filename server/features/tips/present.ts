import { Type } from '@fastify/type-provider-typebox';
import type { Tip } from '../../db/schema.ts';
import { Abilities } from '../../lib/schemas.ts';
import type { Actor } from '../auth/actor.ts';
import { tipAbilities } from './policy.ts';
import type { loadTipRelations } from './queries.ts';

export const TipSchema = Type.Object({
  id: Type.String(),
  what: Type.String(),
  when: Type.String(),
  who: Type.String(),
  state: Type.String(),
  author: Type.Object({ id: Type.String(), name: Type.String() }),
  lab: Type.Object({ id: Type.String(), acronym: Type.String() }),
  photoUrl: Type.Union([Type.String(), Type.Null()]),
  storyId: Type.Union([Type.String(), Type.Null()]),
  response: Type.String(),
  handledAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  abilities: Abilities,
});

export function presentTip(
  actor: Actor | null,
  tip: Tip,
  relations: Awaited<ReturnType<typeof loadTipRelations>>,
) {
  return {
    id: tip.id,
    what: tip.what,
    when: tip.when_text,
    who: tip.who_text,
    state: tip.state,
    author: { id: tip.author_id, name: relations.authors.get(tip.author_id) ?? '' },
    lab: { id: tip.lab_id, acronym: relations.labs.get(tip.lab_id) ?? '' },
    photoUrl: tip.photo_path ? `/api/tips/${tip.id}/photo` : null,
    storyId: tip.story_id,
    response: tip.response,
    handledAt: tip.handled_at,
    createdAt: tip.created_at,
    abilities: tipAbilities(actor, tip),
  };
}
