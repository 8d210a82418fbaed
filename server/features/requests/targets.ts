import type { RequestTargetMode } from '../../../shared/requests.ts';
import type { Db } from '../../db/connection.ts';
import { HttpError, invalid } from '../../lib/errors.ts';
import { correspondentsOfLabs } from './queries.ts';

/** Who a request reaches: target specs checked and resolved to labs, stored, and told. */

export type TargetInput = {
  targetMode: RequestTargetMode;
  delegationId?: string | undefined;
  labIds?: string[] | undefined;
  personIds?: string[] | undefined;
};

/** The labs a target spec reaches, each with its named correspondents (mode "people"). */
export type ResolvedTarget = { labId: string; personIds: string[] };

const outsideDelegation = (field: string) =>
  new HttpError(403, 'forbidden', 'You can only send requests to the labs of your delegation', {
    fields: { [field]: 'must be labs of your delegation' },
  });

/**
 * Checks a target spec and finds the labs it reaches. A DR officer's request (`officerOf`: their
 * delegations) may only reach the labs of their delegation: 403 with the field otherwise.
 */
export async function resolveTargets(
  db: Db,
  spec: TargetInput,
  officerOf: ReadonlySet<string> | null,
): Promise<ResolvedTarget[]> {
  const labs = db.selectFrom('labs').select(['id', 'delegation_id']).where('deleted_at', 'is', null);
  let resolved: Array<{ id: string; delegation_id: string; personIds: string[] }> = [];
  let field = 'targetMode';
  if (spec.targetMode === 'all_labs') {
    if (officerOf) throw outsideDelegation('targetMode');
    resolved = (await labs.execute()).map((lab) => ({ ...lab, personIds: [] }));
  } else if (spec.targetMode === 'delegation') {
    field = 'delegationId';
    if (!spec.delegationId) throw invalid({ delegationId: 'is required to target a delegation' });
    const delegation = await db
      .selectFrom('delegations')
      .select('id')
      .where('id', '=', spec.delegationId)
      .executeTakeFirst();
    if (!delegation) throw invalid({ delegationId: 'is not a known delegation' });
    resolved = (await labs.where('delegation_id', '=', delegation.id).execute()).map((lab) => ({
      ...lab,
      personIds: [],
    }));
  } else if (spec.targetMode === 'labs') {
    field = 'labIds';
    const ids = [...new Set(spec.labIds ?? [])];
    if (ids.length === 0) throw invalid({ labIds: 'choose at least one lab' });
    const found = await labs.where('id', 'in', ids).execute();
    if (found.length !== ids.length) throw invalid({ labIds: 'contains an unknown lab' });
    resolved = found.map((lab) => ({ ...lab, personIds: [] }));
  } else {
    field = 'personIds';
    const ids = [...new Set(spec.personIds ?? [])];
    if (ids.length === 0) throw invalid({ personIds: 'choose at least one correspondent' });
    const grants = await db
      .selectFrom('role_assignments')
      .innerJoin('people', 'people.id', 'role_assignments.person_id')
      .innerJoin('labs', 'labs.id', 'role_assignments.lab_id')
      .select(['role_assignments.person_id', 'labs.id', 'labs.delegation_id'])
      .where('role_assignments.role', '=', 'correspondent')
      .where('role_assignments.person_id', 'in', ids)
      .where('people.deleted_at', 'is', null)
      .where('labs.deleted_at', 'is', null)
      .execute();
    if (new Set(grants.map((grant) => grant.person_id)).size !== ids.length)
      throw invalid({ personIds: 'must all be correspondents of a lab' });
    const byLab = new Map<string, { id: string; delegation_id: string; personIds: string[] }>();
    for (const grant of grants) {
      const lab = byLab.get(grant.id) ?? { id: grant.id, delegation_id: grant.delegation_id, personIds: [] };
      lab.personIds.push(grant.person_id);
      byLab.set(grant.id, lab);
    }
    resolved = [...byLab.values()];
  }
  if (officerOf && resolved.some((lab) => !officerOf.has(lab.delegation_id))) throw outsideDelegation(field);
  if (resolved.length === 0) throw invalid({ [field]: 'reaches no lab' });
  return resolved.map((lab) => ({ labId: lab.id, personIds: lab.personIds }));
}

export async function insertTargets(db: Db, requestId: string, targets: ResolvedTarget[], at: string) {
  // Chunks keep every statement under the parameter limits, even for a thousand labs.
  for (let index = 0; index < targets.length; index += 200) {
    await db
      .insertInto('request_targets')
      .values(
        targets.slice(index, index + 200).map((target) => ({
          request_id: requestId,
          lab_id: target.labId,
          person_ids: JSON.stringify(target.personIds),
          state: 'not_seen' as const,
          seen_at: null,
          answered_at: null,
          created_at: at,
        })),
      )
      .execute();
  }
}

/** Who hears that a request reached the labs: the named correspondents, or all the lab's correspondents. */
export async function labAudience(db: Db, targets: ResolvedTarget[]): Promise<string[]> {
  const byLab = await correspondentsOfLabs(
    db,
    targets.filter((target) => target.personIds.length === 0).map((target) => target.labId),
  );
  return [...targets.flatMap((target) => target.personIds), ...[...byLab.values()].flat()];
}
